import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { simpleParser } from 'mailparser'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoCustomerPassword } from '../../plugins/seed/people'
import { describeTimeLeft, formatDay } from '../../src/lib/time'
import { e2eStaffPassword } from './helpers/adminSession'
import { launchChromium } from './helpers/launchChromium'
import { startNextServer, type NextServer } from './helpers/startNextServer'

type SeededLicense = {
  id: number
  customerName: string
  productName: string
  line: string
  type: string
  expiresAt?: string | null
  createdAt: string
  activeClients: number
  maxClients: number
  usersInUse: number
  maxUsers: number
}

type Row = { id: string; href: string | null; cells: Record<string, string> }

/**
 * The portal's front: sign in, the licenses dashboard, the notice at each sign-in, sign out and
 * the forgotten password, on the seeded data, in Chromium with JavaScript off (plain form posts).
 */
describe('portal home: sign-in, dashboard, notice at each sign-in, sign-out (production build)', () => {
  let server: NextServer
  let browser: Browser
  let staff: Record<string, string>
  let seeded: SeededLicense[]
  // The server's data folder: with no SMTP server, Payload's mails (the reset mail) are .eml files.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hub-e2e-portal-'))

  const json = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${server.url}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...init.headers },
    })
    return { status: response.status, body: (await response.json()) as Record<string, any> }
  }
  const licensesOf = (company: string) =>
    seeded.filter((license) => license.customerName === company)
  const withoutJavaScript = (): Promise<BrowserContext> =>
    browser.newContext({ javaScriptEnabled: false })
  const signIn = async (page: Page, email: string, password = demoCustomerPassword) => {
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForLoadState()
  }
  const signedInPage = async (email: string, context?: BrowserContext) => {
    const page = await (context ?? (await withoutJavaScript())).newPage()
    await page.goto(`${server.url}/portal/login`)
    await signIn(page, email)
    await page.waitForURL(`${server.url}/portal`)
    return page
  }
  const rowsOf = (page: Page): Promise<Row[]> =>
    page.locator('tr[data-license-id]').evaluateAll((rows) =>
      rows.map((row) => ({
        id: row.getAttribute('data-license-id') ?? '',
        href: row.querySelector('a')?.getAttribute('href') ?? null,
        cells: Object.fromEntries(
          [...row.querySelectorAll('[data-label]')].map((cell) => [
            cell.getAttribute('data-label') ?? '',
            (cell as HTMLElement).innerText.trim(),
          ]),
        ),
      })),
    )
  const notice = (page: Page) => page.locator('[role="alert"]:has(#login-notice-title)')

  beforeAll(async () => {
    // Scheduled tasks on: the outbox delivers the reset mail.
    server = await startNextServer({
      SEED_ADMIN_PASSWORD: e2eStaffPassword,
      DATA_DIR: dataDir,
      SCHEDULED_TASKS: 'on',
    })
    browser = await launchChromium()
    const login = await json('/api/users/login', {
      method: 'POST',
      body: JSON.stringify({ email: 'support@example.com', password: e2eStaffPassword }),
    })
    staff = { Authorization: `JWT ${login.body.token}` }
    seeded = (await json('/api/licenses?limit=100&depth=0', { headers: staff })).body.docs
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('the front door links customers to the portal', async () => {
    const page = await browser.newPage()
    await page.goto(server.url)
    await expect(
      page.getByRole('link', { name: /Customer portal/ }).getAttribute('href'),
    ).resolves.toBe('/portal')
    await page.close()
  })

  it('sends a visitor to sign in; a wrong password or an unknown email get the same message; the right password opens the dashboard', async () => {
    const context = await withoutJavaScript()
    const page = await context.newPage()
    await page.goto(`${server.url}/portal`)
    expect(page.url()).toBe(`${server.url}/portal/login?next=%2Fportal`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Sign in')
    await expect(
      page.getByRole('link', { name: 'Forgot your password?' }).getAttribute('href'),
    ).resolves.toBe('/portal/forgot')

    await signIn(page, 'alice@acme.example', 'not-her-password')
    const wrongPassword = await page.locator('#login-error').textContent()
    expect(wrongPassword).toContain('Wrong email or password')
    await expect(page.getByLabel('Email').inputValue()).resolves.toBe('alice@acme.example')
    await expect(page.getByLabel('Password').inputValue()).resolves.toBe('')

    await signIn(page, 'nobody@acme.example', 'not-her-password')
    await expect(page.locator('#login-error').textContent()).resolves.toBe(wrongPassword)

    await signIn(page, 'alice@acme.example')
    await page.waitForURL(`${server.url}/portal`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Your licenses')
    await expect(page.locator('.portal-company').textContent()).resolves.toBe('Acme Industrial')
    // Signed in, the sign-in page sends her on.
    await page.goto(`${server.url}/portal/login`)
    expect(page.url()).toBe(`${server.url}/portal`)
    await context.close()
  })

  it('honours ?next= only for a path of the portal', async () => {
    const context = await withoutJavaScript()
    const page = await context.newPage()
    await page.goto(`${server.url}/portal/login?next=${encodeURIComponent('//evil.example/x')}`)
    await signIn(page, 'grace@globex.example')
    expect(page.url()).toBe(`${server.url}/portal`)
    await page.goto(`${server.url}/portal/logout`)
    await page.locator('main').getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(`${server.url}/portal/login?signedOut=1`)

    await page.goto(`${server.url}/portal/login?next=${encodeURIComponent('/portal/logout')}`)
    await signIn(page, 'grace@globex.example')
    expect(page.url()).toBe(`${server.url}/portal/logout`)
    await context.close()
  })

  it('shows every column of each license of the account, with the values support sees', async () => {
    const page = await signedInPage('alice@acme.example')
    await expect(page.locator('table.license-table thead th').allTextContents()).resolves.toEqual([
      'Product',
      'Type',
      'Status',
      'Usage',
      'Clients',
      'Created',
      'Expires',
      'Days left',
    ])
    const rows = await rowsOf(page)
    const acme = licensesOf('Acme Industrial')
    expect(rows.map((row) => Number(row.id)).sort()).toEqual(acme.map((l) => l.id).sort())
    for (const license of acme) {
      const row = rows.find((candidate) => Number(candidate.id) === license.id)!
      expect(row.href).toBe(`/portal/licenses/${license.id}`)
      expect(row.cells).toEqual({
        Product: `${license.productName} ${license.line}`,
        Type: license.type[0].toUpperCase() + license.type.slice(1),
        Status: 'active',
        Usage: `${license.activeClients} / ${license.maxClients} clients\n${license.usersInUse} / ${license.maxUsers} users`,
        Clients: String(license.activeClients),
        Created: formatDay(license.createdAt),
        Expires: license.expiresAt ? formatDay(license.expiresAt) : '—',
        'Days left': describeTimeLeft(license.expiresAt),
      })
    }
    const v7 = rows.find((row) => row.cells.Product === 'ProMonitor v7')!
    expect(v7.cells.Clients).toBe('3')
    expect(v7.cells['Days left']).toBe('65 days')
    expect(rows.find((row) => row.cells.Product === 'ProMonitor v6')!.cells['Days left']).toBe(
      'never expires',
    )
    // Nothing of hers needs attention: no notice.
    expect(await notice(page).count()).toBe(0)
    await page.context().close()
  })

  it('an on-usage license shows its credits left and the credits used in the last 30 days', async () => {
    const page = await signedInPage('ulla@umbrella.example')
    const rows = await rowsOf(page)
    // Both end on the same day: by product name.
    expect(rows.map((row) => row.cells.Product)).toEqual(['Cockpit v1', 'ProMonitor v7'])
    expect(rows[1].cells.Type).toBe('On usage')
    expect(rows[1].cells.Usage).toBe('1,200 credits left\n300 used in the last 30 days')
    expect(rows[0].cells.Usage).toBe('0 / 1 clients\n0 / 5 users')
    await page.context().close()
  })

  it('puts what needs attention first, and a suspended license says so', async () => {
    const wayne = await signedInPage('bruce@wayne.example')
    expect((await rowsOf(wayne)).map((row) => row.cells['Days left'])).toEqual([
      'expired 2 days ago',
      '1 day',
      '3 days',
      '5 days',
      '15 days',
      '30 days',
    ])
    await wayne.context().close()
    const stark = await signedInPage('tony@stark.example')
    expect((await rowsOf(stark)).map((row) => row.cells.Status)).toEqual(['suspended'])
    await stark.context().close()
  })

  it('shows the expired notice after signing in, hides it on Dismiss for the session, shows it again at the next sign-in', async () => {
    const [expired] = licensesOf('Initech Networks')
    const page = await signedInPage('peter@initech.example')
    const rows = await rowsOf(page)
    expect(rows.map((row) => Number(row.id))).toEqual([expired.id])
    expect(rows[0].cells.Status).toBe('expired')
    expect(rows[0].cells['Days left']).toBe('expired 35 days ago')

    const alert = notice(page)
    await expect(alert.locator('li').allInnerTexts()).resolves.toEqual([
      `ProMonitor v7: expired since ${formatDay(expired.expiresAt!)}`,
    ])
    await expect(alert.locator('li a').getAttribute('href')).resolves.toBe(
      `/portal/licenses/${expired.id}`,
    )
    // Still there on the next page of the session, until dismissed.
    await page.goto(`${server.url}/portal/logout`)
    expect(await notice(page).count()).toBe(1)
    await page.goto(`${server.url}/portal`)
    await alert.getByRole('button', { name: 'Dismiss' }).click()
    await page.waitForURL(`${server.url}/portal`)
    expect(await notice(page).count()).toBe(0)
    await expect(page.locator('tr[data-license-id]').count()).resolves.toBe(1)
    await page.reload()
    expect(await notice(page).count()).toBe(0)

    // Opening /portal/logout signs no one out: its button does.
    await page.goto(`${server.url}/portal/logout`)
    await page.goto(`${server.url}/portal`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Your licenses')
    await page.locator('header').getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(`${server.url}/portal/login?signedOut=1`)
    await expect(page.getByRole('status').textContent()).resolves.toBe('You are signed out.')
    await page.goto(`${server.url}/portal`)
    expect(page.url()).toBe(`${server.url}/portal/login?next=%2Fportal`)

    await signIn(page, 'peter@initech.example')
    await page.waitForURL(`${server.url}/portal`)
    await expect(notice(page).locator('li').count()).resolves.toBe(1)
    await page.context().close()
  })

  it('works the same with JavaScript on: sign-in, the notice, Dismiss, sign-out', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${server.url}/portal/login`)
    await signIn(page, 'peter@initech.example', 'wrong-password')
    await expect(page.locator('#login-error').textContent()).resolves.toContain(
      'Wrong email or password',
    )
    await signIn(page, 'peter@initech.example')
    await page.waitForURL(`${server.url}/portal`)
    await expect(notice(page).locator('li').count()).resolves.toBe(1)
    await notice(page).getByRole('button', { name: 'Dismiss' }).click()
    await notice(page).waitFor({ state: 'detached' })
    await expect(page.locator('tr[data-license-id]').count()).resolves.toBe(1)
    await page.locator('header').getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(`${server.url}/portal/login?signedOut=1`)
    await context.close()
  })

  it('lists expired, then expiring, licenses in the notice; a 390 px screen shows it above the licenses', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
    })
    const page = await signedInPage('bruce@wayne.example', context)
    const items = await notice(page).locator('li').allInnerTexts()
    expect(items).toHaveLength(6)
    expect(items[0]).toMatch(/^ProMonitor v7: expired since \d+ \w+ \d{4}$/)
    expect(items[1]).toMatch(/^ProMonitor v7: expires in 1 day, on \d+ \w+ \d{4}$/)
    expect(items[5]).toMatch(/^ProMonitor v7: expires in 30 days, on /)
    // Nothing wider than the screen.
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth),
    ).resolves.toBeLessThanOrEqual(390)
    mkdirSync('docs/images', { recursive: true })
    // The notice and the first licenses, as a phone shows them.
    await page.screenshot({
      path: 'docs/images/portal-dashboard.png',
      fullPage: true,
      clip: { x: 0, y: 0, width: 390, height: 1240 },
    })
    await context.close()
  })

  it('an account of two companies filters by company; a company not its own is refused with a message', async () => {
    const [globex] = (
      await json('/api/customers?where[name][equals]=Globex Energy', { headers: staff })
    ).body.docs
    const [acme] = (
      await json('/api/customers?where[name][equals]=Acme Industrial', { headers: staff })
    ).body.docs
    const [stark] = (
      await json('/api/customers?where[name][equals]=Stark Utilities', { headers: staff })
    ).body.docs
    const [alice] = (
      await json('/api/customer-users?where[email][equals]=alice@acme.example', { headers: staff })
    ).body.docs
    const linked = await json(`/api/customer-users/${alice.id}`, {
      method: 'PATCH',
      headers: staff,
      body: JSON.stringify({ customers: [acme.id, globex.id] }),
    })
    expect(linked.status).toBe(200)

    const page = await signedInPage('alice@acme.example')
    const all = await rowsOf(page)
    expect(all).toHaveLength(licensesOf('Acme Industrial').length + 1)
    // The trial that ends in 3 days comes first, named with its company.
    expect(all[0].cells.Product).toBe('ProMonitor v7\nGlobex Energy')
    await page.getByLabel('Company').selectOption(String(globex.id))
    await page.getByRole('button', { name: 'Show' }).click()
    await page.waitForURL(`${server.url}/portal?company=${globex.id}`)
    expect((await rowsOf(page)).map((row) => Number(row.id))).toEqual(
      licensesOf('Globex Energy').map((license) => license.id),
    )

    await page.goto(`${server.url}/portal?company=${stark.id}`)
    await expect(page.locator('main [role="alert"]').textContent()).resolves.toContain(
      'not one of your account’s',
    )
    expect(await rowsOf(page)).toHaveLength(all.length)
    expect(
      (await rowsOf(page)).some((row) =>
        licensesOf('Stark Utilities').some((license) => license.id === Number(row.id)),
      ),
    ).toBe(false)
    await page.context().close()
  })

  it('a forgotten password: the same answer for any email, a reset mail, a new password, then sign in', async () => {
    const context = await withoutJavaScript()
    const page = await context.newPage()
    const ask = async (email: string) => {
      await page.goto(`${server.url}/portal/forgot`)
      await page.getByLabel('Email').fill(email)
      await page.getByRole('button', { name: 'Send me a reset link' }).click()
      await page.waitForLoadState()
      return page.locator('main').innerText()
    }
    const unknown = await ask('nobody@nowhere.example')
    const known = await ask('tony@stark.example')
    expect(known).toBe(unknown)
    expect(known).toContain('Check your mail')

    // The mail goes through the outbox, delivered within its interval (15 s) as an .eml file.
    const mailDir = path.join(dataDir, 'mail')
    const readResetMails = async () =>
      (
        await Promise.all(
          (existsSync(mailDir) ? readdirSync(mailDir) : []).map((file) =>
            simpleParser(readFileSync(path.join(mailDir, file))),
          ),
        )
      ).filter((mail) => mail.subject === 'Reset your ProMonitor password')
    await expect
      .poll(async () => (await readResetMails()).length, { timeout: 45_000, interval: 1_000 })
      .toBe(1)
    const resetMails = await readResetMails()
    expect(resetMails.map((mail) => mail.to && 'text' in mail.to && mail.to.text)).toEqual([
      'tony@stark.example',
    ])
    const link = String(resetMails[0].html).match(/href="([^"]+\/portal\/reset\?token=[^"]+)"/)?.[1]
    expect(link).toBeTruthy()
    await page.goto(link!)
    await page.getByLabel('New password').fill('tony-new-password-1')
    await page.getByLabel('The same password again').fill('tony-new-password-1')
    await page.getByRole('button', { name: 'Change my password' }).click()
    await page.waitForLoadState()
    const signInLink = page.locator('main').getByRole('link', { name: 'Sign in' })
    await expect(signInLink.getAttribute('href')).resolves.toBe('/portal/login')
    await signInLink.click()
    await page.waitForURL(`${server.url}/portal/login`)
    await signIn(page, 'tony@stark.example', 'tony-new-password-1')
    await page.waitForURL(`${server.url}/portal`)
    await context.close()
  })

  it('past the sign-in budget the page says to wait, even with the right password', async () => {
    const context = await withoutJavaScript()
    const page = await context.newPage()
    await page.goto(`${server.url}/portal/login`)
    for (let attempt = 0; attempt < 5; attempt += 1)
      await signIn(page, 'ulla@umbrella.example', `wrong-${attempt}`)
    await expect(page.locator('#login-error').textContent()).resolves.toContain(
      'Wrong email or password',
    )
    await signIn(page, 'ulla@umbrella.example')
    expect(page.url()).toBe(`${server.url}/portal/login`)
    await expect(page.locator('#login-error').textContent()).resolves.toMatch(
      /Too many failed sign-ins from this address\. Try again in \d+ minutes?/,
    )
    await context.close()
  })
})
