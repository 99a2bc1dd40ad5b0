import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'

import { demoCustomerPassword } from '../../plugins/seed'
import { TrustStore, verifyLicenseFile } from '../../src/sdk'
import { e2eStaffPassword } from './helpers/adminSession'
import { launchChromium } from './helpers/launchChromium'
import { startNextServer, type NextServer } from './helpers/startNextServer'

/**
 * The license page of the portal on the production build, as the seeded Acme account uses it:
 * terms and installations, deactivating one with a reason (no JavaScript needed), the license file
 * downloaded and verified with the SDK, the usage of an on-usage license, and another company's
 * license and installation refused.
 */
describe('portal license page (production build)', () => {
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
  /** What a browser sends with its own requests: Payload takes the cookie only then. */
  const sameOrigin = () => ({ 'Sec-Fetch-Site': 'same-origin' })
  const fingerprintOf = (hostname: string) => createHash('sha256').update(hostname).digest('hex')

  /** A browser context signed in as `email` through Payload's REST login (its cookie). */
  const signedIn = async (
    email: string,
    options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {},
  ): Promise<BrowserContext> => {
    const context = await browser.newContext({ acceptDownloads: true, ...options })
    const login = await context.request.post(`${server.url}/api/customer-users/login`, {
      data: { email, password: demoCustomerPassword },
    })
    expect(login.status()).toBe(200)
    return context
  }
  /** The id of the account's license of `product` (slug) and `line`, read as that account. */
  const licenseIdOf = async (context: BrowserContext, product: string, line: string) => {
    const answer = await context.request.get(
      `${server.url}/api/licenses?depth=1&limit=50&where[line][equals]=${line}`,
      { headers: sameOrigin() },
    )
    const body = await answer.json()
    if (!body.docs) throw new Error(`licenses: ${answer.status()} ${JSON.stringify(body)}`)
    const license = (body.docs as Array<Record<string, any>>).find(
      (doc) => doc.product.slug === product,
    )
    if (!license) throw new Error(`No ${product} ${line} license`)
    return license as { id: number; key: string }
  }

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

  it('shows the terms, key and installations, and deactivates one with a reason without JavaScript', async () => {
    const context = await signedIn('alice@acme.example', { javaScriptEnabled: false })
    const license = await licenseIdOf(context, 'promonitor', 'v7')
    const page = await context.newPage()
    await page.goto(`${server.url}/portal/licenses/${license.id}`)
    await expect(page.locator('h1').textContent()).resolves.toContain('ProMonitor V7')
    await expect(page.getByTestId('license-key').textContent()).resolves.toBe(license.key)
    expect(page.url()).not.toContain(license.key)
    await expect(page.getByTestId('days-left').textContent()).resolves.toMatch(/^\d+ days$/)
    const hosts = await page.locator('tr[data-installation-id] td:first-child').allTextContents()
    expect(hosts.sort()).toEqual(['acme-mon-01', 'acme-mon-02', 'acme-plant-b'])
    await expect(
      page.locator('[data-event-type="activated"]').first().textContent(),
    ).resolves.toContain('activated')

    await page.getByRole('link', { name: 'Deactivate acme-mon-02' }).click()
    await expect(page.locator('h1').textContent()).resolves.toBe('Deactivate acme-mon-02?')
    await page.getByLabel('Reason').fill('Replaced by new hardware')
    await page.getByRole('button', { name: 'Deactivate acme-mon-02' }).click()
    await page.waitForURL(`${server.url}/portal/licenses/${license.id}?done=deactivated`)
    await expect(page.locator('.notice-ok').textContent()).resolves.toContain('deactivated')
    const left = await page.locator('tr[data-installation-id] td:first-child').allTextContents()
    expect(left.sort()).toEqual(['acme-mon-01', 'acme-plant-b'])
    const entry = page.locator('[data-event-type="deactivated"]').first()
    await expect(entry.textContent()).resolves.toContain(
      'Installation acme-mon-02 deactivated: “Replaced by new hardware”',
    )
    await expect(entry.textContent()).resolves.toContain('by alice@acme.example')
    await expect(page.locator('main').textContent()).resolves.toContain('1 used')
    await page.screenshot({ path: 'docs/images/portal-license.png', fullPage: true })

    // Support sees the seat free and the same entry, with the customer as actor.
    const asSupport = await json(`/api/licenses/${license.id}?depth=0`, { headers: staff })
    expect(asSupport.body.activeClients).toBe(2)
    const history = await json(
      `/api/license-events?where[license][equals]=${license.id}&where[type][equals]=deactivated`,
      { headers: staff },
    )
    expect(history.body.docs[0].actor).toMatchObject({
      kind: 'customer',
      label: 'alice@acme.example',
    })
    expect(history.body.docs[0].details.reason).toBe('Replaced by new hardware')
    await context.close()
  })

  it('shows the license file of a chosen installation and downloads a .lic the SDK verifies', async () => {
    const context = await signedIn('alice@acme.example')
    const license = await licenseIdOf(context, 'promonitor', 'v7')
    const page = await context.newPage()
    await page.goto(`${server.url}/portal/licenses/${license.id}`)
    await page
      .getByLabel('Installation', { exact: true })
      .selectOption({ label: 'acme-mon-01 (app)' })
    await page.getByRole('button', { name: 'Show license file' }).click()
    const box = page.getByLabel('License file for acme-mon-01', { exact: true })
    await box.waitFor()
    const armored = await box.inputValue()
    expect(armored).toContain('-----BEGIN LICENSE FILE-----')
    await expect(box.getAttribute('readonly')).resolves.not.toBeNull()
    // Progressive enhancement: the copy button appears once the page's JavaScript runs.
    await page.getByRole('button', { name: 'Copy license file' }).waitFor()

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /^Download .*\.lic$/ }).click(),
    ])
    expect(download.suggestedFilename()).toBe('promonitor-v7-acme-mon-01.lic')
    expect(download.url()).not.toContain(license.key)
    const text = await readFile((await download.path())!, 'utf8')
    const trust = new TrustStore((await json('/api/v1/keys')).body.keys)
    const claims = await verifyLicenseFile(text, {
      trust,
      fingerprint: fingerprintOf('acme-mon-01'),
    })
    expect(claims).toMatchObject({
      licenseId: String(license.id),
      key: license.key,
      product: 'promonitor',
      line: 'v7',
      fingerprint: fingerprintOf('acme-mon-01'),
    })
    await expect(
      verifyLicenseFile(text, { trust, fingerprint: fingerprintOf('acme-plant-b') }),
    ).rejects.toMatchObject({ code: 'FINGERPRINT_MISMATCH' })
    await context.close()
  })

  it('refuses another company’s license and installation, and a visitor who is not signed in', async () => {
    const globex = await json('/api/activations?where[hostname][equals]=globex-noc&depth=0', {
      headers: staff,
    })
    const theirs = globex.body.docs[0] as { id: number; license: number }
    const context = await signedIn('alice@acme.example', { javaScriptEnabled: false })
    const own = await licenseIdOf(context, 'promonitor', 'v7')
    const page = await context.newPage()
    const foreign = await page.goto(`${server.url}/portal/licenses/${theirs.license}`)
    expect(foreign?.status()).toBe(404)
    await expect(page.locator('body').textContent()).resolves.not.toContain('globex-noc')
    for (const path of [
      `/portal/licenses/${theirs.license}/license-file?installation=${theirs.id}`,
      `/portal/licenses/${own.id}/license-file?installation=${theirs.id}`,
    ]) {
      const answer = await context.request.get(`${server.url}${path}`, { headers: sameOrigin() })
      expect(answer.status(), path).toBe(404)
      expect(await answer.text()).not.toContain('BEGIN LICENSE FILE')
    }
    const deactivate = await page.goto(
      `${server.url}/portal/licenses/${theirs.license}/installations/${theirs.id}/deactivate`,
    )
    expect(deactivate?.status()).toBe(404)
    expect((await json(`/api/activations/${theirs.id}`, { headers: staff })).status).toBe(200)
    const odd = await page.goto(`${server.url}/portal/licenses/not-a-number`)
    expect(odd?.status()).toBe(404)
    await context.close()

    const visitor = await browser.newContext()
    const anonymous = await visitor.request.get(
      `${server.url}/portal/licenses/${own.id}/license-file?installation=1`,
      { headers: sameOrigin() },
    )
    expect(anonymous.status()).toBe(401)
    const visit = await visitor.newPage()
    await visit.goto(`${server.url}/portal/licenses/${own.id}`)
    expect(new URL(visit.url()).pathname).toBe('/portal/login')
    await visitor.close()
  })

  it('shows an on-usage license’s credits per day and fits a 390 px screen', async () => {
    const context = await signedIn('ulla@umbrella.example', {
      viewport: { width: 390, height: 844 },
    })
    const license = await licenseIdOf(context, 'promonitor', 'v7')
    const page = await context.newPage()
    await page.goto(`${server.url}/portal/licenses/${license.id}`)
    await expect(
      page.getByRole('heading', { name: 'Usage, last 30 days' }).isVisible(),
    ).resolves.toBe(true)
    const total = Number(await page.getByTestId('usage-total').textContent())
    expect(total).toBeGreaterThan(0)
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    if (width > 390) {
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > 390)
          .slice(0, 15)
          .map(
            (element) =>
              `${element.tagName}.${element.className} ${Math.round(element.getBoundingClientRect().right)}`,
          ),
      )
      console.log('WIDE', wide.join(' | '))
      await page.screenshot({ path: '/tmp/portal-license-390.png', fullPage: true })
    }
    expect(width).toBeLessThanOrEqual(390)
    await page.screenshot({ path: 'test-results/portal-license-390.png', fullPage: true })
    await context.close()
  })
})
