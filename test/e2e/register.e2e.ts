import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { e2eStaffPassword } from './helpers/adminSession'
import { launchChromium } from './helpers/launchChromium'
import { startNextServer, type NextServer } from './helpers/startNextServer'

/**
 * The register link of a trial mail, followed in Chromium with JavaScript off: the page is a
 * plain form post (a server action), and the person ends signed in on a page without the token.
 */
describe('register link from a trial mail (production build, no JavaScript)', () => {
  let server: NextServer
  let browser: Browser
  let staff: Record<string, string>

  const json = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${server.url}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...init.headers },
    })
    return { status: response.status, body: (await response.json()) as Record<string, any> }
  }
  /**
   * The register link in the newest mail queued for `email` (scheduled delivery is off: it waits in
   * the outbox).
   */
  const registerLinkMailedTo = async (email: string): Promise<string> => {
    const outbox = await json(
      `/api/outbox?where[to][equals]=${encodeURIComponent(email)}&sort=-createdAt&limit=1`,
      { headers: staff },
    )
    const link = String(outbox.body.docs[0]?.text ?? '').match(
      /(http\S+\/portal\/register\?token=\S+)/,
    )?.[1]
    if (!link) throw new Error(`No register link mailed to ${email}`)
    return link
  }
  /** The dashboard's rows (where a claimed link lands), one text per license. */
  const dashboardRows = (page: Page): Promise<string[]> =>
    page.locator('tr[data-license-id]').allInnerTexts()
  const withoutJavaScript = (): Promise<BrowserContext> =>
    browser.newContext({ javaScriptEnabled: false })

  beforeAll(async () => {
    server = await startNextServer({ SEED_ADMIN_PASSWORD: e2eStaffPassword })
    browser = await launchChromium()
    const login = await json('/api/users/login', {
      method: 'POST',
      body: JSON.stringify({ email: 'support@example.com', password: e2eStaffPassword }),
    })
    staff = { Authorization: `JWT ${login.body.token}` }
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('sets a password for a new email, signs in, and the link then no longer works', async () => {
    const trial = await json('/api/v1/trials', {
      method: 'POST',
      body: JSON.stringify({ email: 'e2e-newcomer@newco.example', product: 'promonitor' }),
    })
    expect(trial.status).toBe(201)
    expect(JSON.stringify(trial.body)).not.toContain('register')
    const link = await registerLinkMailedTo('e2e-newcomer@newco.example')
    const context = await withoutJavaScript()
    const page = await context.newPage()

    await page.goto(link)
    await expect(page.locator('h1').textContent()).resolves.toBe('Create your portal account')
    await page.getByLabel('Choose a password').fill('newcomer-password-1')
    await page.getByLabel('The same password again').fill('something-else')
    await page.getByRole('button', { name: 'Create my account' }).click()
    await page.waitForLoadState()
    const error = page.locator('#register-error')
    await expect(error.textContent()).resolves.toBe('The two passwords are not the same.')
    await expect(
      page.getByLabel('The same password again').getAttribute('aria-describedby'),
    ).resolves.toContain('register-error')
    expect(
      (
        await json('/api/customer-users?where[email][equals]=e2e-newcomer@newco.example', {
          headers: staff,
        })
      ).body.totalDocs,
    ).toBe(0)

    await page.getByLabel('Choose a password').fill('newcomer-password-1')
    await page.getByLabel('The same password again').fill('newcomer-password-1')
    await page.getByRole('button', { name: 'Create my account' }).click()
    await page.waitForURL(`${server.url}/portal`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Your licenses')
    expect(
      (await dashboardRows(page)).some(
        (row) => row.includes('ProMonitor v7') && row.includes('Trial'),
      ),
    ).toBe(true)
    expect(page.url()).not.toContain('token')

    const login = await json('/api/customer-users/login', {
      method: 'POST',
      body: JSON.stringify({
        email: 'e2e-newcomer@newco.example',
        password: 'newcomer-password-1',
      }),
    })
    expect(login.status).toBe(200)

    await page.goto(link)
    await expect(page.locator('h1').textContent()).resolves.toBe('This link cannot be used')
    await context.close()
  })

  it("adds a trial made with an existing account's email to that account once its password is given", async () => {
    const trial = await json('/api/v1/trials', {
      method: 'POST',
      body: JSON.stringify({ email: 'alice@acme.example', product: 'cockpit' }),
    })
    expect(trial.status).toBe(201)
    const link = await registerLinkMailedTo('alice@acme.example')
    const context = await withoutJavaScript()
    const page = await context.newPage()

    await page.goto(link)
    await expect(page.locator('h1').textContent()).resolves.toBe('Add this company to your account')
    await page.getByLabel('Your account’s password').fill('not-alices-password')
    await page.getByRole('button', { name: 'Add to my account and sign in' }).click()
    await page.waitForLoadState()
    await expect(page.locator('#register-error').textContent()).resolves.toContain(
      'not the password',
    )

    await page.getByLabel('Your account’s password').fill('demo-customer-2026')
    await page.getByRole('button', { name: 'Add to my account and sign in' }).click()
    await page.waitForURL(`${server.url}/portal`)
    const licenses = await dashboardRows(page)
    await expect(page.locator('.portal-company').textContent()).resolves.toContain(
      'Acme Industrial',
    )
    expect(licenses.some((row) => row.includes('Cockpit') && row.includes('Trial'))).toBe(true)
    await context.close()
  })

  it('works the same with JavaScript on', async () => {
    const trial = await json('/api/v1/trials', {
      method: 'POST',
      body: JSON.stringify({ email: 'e2e-scripted@newco.example', product: 'collector' }),
    })
    expect(trial.status).toBe(201)
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(await registerLinkMailedTo('e2e-scripted@newco.example'))
    await page.getByLabel('Choose a password').fill('scripted-password-1')
    await page.getByLabel('The same password again').fill('scripted-password-2')
    await page.getByRole('button', { name: 'Create my account' }).click()
    await expect(page.locator('#register-error').textContent()).resolves.toBe(
      'The two passwords are not the same.',
    )
    // As after a post without JavaScript, the password fields are empty again.
    await expect(page.getByLabel('Choose a password').inputValue()).resolves.toBe('')
    await page.getByLabel('Choose a password').fill('scripted-password-1')
    await page.getByLabel('The same password again').fill('scripted-password-1')
    await page.getByRole('button', { name: 'Create my account' }).click()
    await page.waitForURL(`${server.url}/portal`)
    expect(
      (await dashboardRows(page)).some(
        (row) => row.includes('Collector v7') && row.includes('Trial'),
      ),
    ).toBe(true)
    await context.close()
  })

  it('shows a clear page, and no form, for a link that is not valid', async () => {
    const context = await withoutJavaScript()
    const page = await context.newPage()
    await page.goto(`${server.url}/portal/register?token=eyJhbGciOiJIUzI1NiJ9.e30.forged`)
    await expect(page.locator('h1').textContent()).resolves.toBe('This link cannot be used')
    expect(await page.locator('form').count()).toBe(0)
    await context.close()
  })
})
