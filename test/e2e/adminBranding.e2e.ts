import { mkdirSync } from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  e2eStaffPassword as adminPassword,
  startAdminSession,
  type AdminSession,
} from './helpers/adminSession'
import { logIn } from './helpers/logIn'

const vendorName = 'Acme Monitoring'
const hubTitle = `${vendorName} License & Update Hub`
/** `3 Dec 2026`: a day of the month without a leading zero, the month's short name, the year. */
const oneDateFormat =
  /\b([1-9]|[12]\d|3[01]) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b/

describe('the admin says whose hub it is, and writes dates one way', () => {
  let session: AdminSession
  beforeAll(async () => {
    session = await startAdminSession({ VENDOR_NAME: vendorName })
  })
  afterAll(async () => session?.stop())

  it('the login page shows the hub, the vendor, our tab title and our favicon', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(`${session.server.url}/admin/login`)
    const logo = page.locator('.hub-logo')
    await logo.waitFor({ timeout: 60_000 })
    await expect(logo.innerText()).resolves.toBe(`License & Update Hub\n${vendorName}`)
    expect(await page.title()).toContain(hubTitle)

    const icons = await page
      .locator('link[rel~="icon"]')
      .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href))
    expect(icons).toEqual([`${session.server.url}/hub-mark.svg`])
    const favicon = await fetch(icons[0])
    expect(favicon.status).toBe(200)
    expect(favicon.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
    expect(await favicon.text()).toContain('<svg')
    // The mark drawn on the page came from this server, as an image the browser could decode.
    const markWidth = await logo
      .locator('img')
      .evaluate((image) => (image as HTMLImageElement).naturalWidth)
    expect(markWidth).toBeGreaterThan(0)

    mkdirSync('docs/images', { recursive: true })
    await page.screenshot({ path: 'docs/images/admin-login.png' })
  })

  it('a wrong password on the login form logs one line: the email and the address, no stack', async () => {
    const page = await session.browser.newPage()
    await page.goto(`${session.server.url}/admin/login`)
    const logsBefore = session.server.logs.join('').length
    await page.fill('input[name="email"]', 'admin@example.com')
    await page.fill('input[name="password"]', 'not-the-password')
    await page.click('button[type="submit"]')
    await page.waitForResponse((response) => response.url().endsWith('/api/users/login'))
    // The server writes the line after answering: give it a moment to flush.
    await new Promise((resolve) => setTimeout(resolve, 500))
    const written = session.server.logs.join('').slice(logsBefore)
    const lines = written.split('\n').filter((line) => line.trim() !== '')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /Sign-in failed: users account \d+ <admin@example\.com> from 127\.0\.0\.1/,
    )
    expect(written).not.toMatch(/stack|AuthenticationError|\bat \S+ \(/)
  })

  it('a customer’s wrong password on their login logs one line too', async () => {
    const logsBefore = session.server.logs.join('').length
    const answer = await fetch(`${session.server.url}/api/customer-users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'alice@acme.example', password: 'not-the-password' }),
    })
    expect(answer.status).toBe(401)
    await new Promise((resolve) => setTimeout(resolve, 500))
    const written = session.server.logs.join('').slice(logsBefore)
    const lines = written.split('\n').filter((line) => line.trim() !== '')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /Sign-in failed: customer-users account \d+ <alice@acme\.example> from 127\.0\.0\.1/,
    )
  })

  it('the nav shows our icon and the groups by job; the releases list writes its dates like 3 Dec 2026', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } })
    await logIn(page, session.server.url, 'admin@example.com', adminPassword)
    // The dashboard's title arrives with its page, after the URL changed.
    await page.waitForFunction((title) => document.title.includes(title), hubTitle, {
      timeout: 30_000,
    })
    await expect(page.locator('img.hub-icon').first().getAttribute('src')).resolves.toBe(
      '/hub-mark.svg',
    )
    const nav = await page.locator('nav').first().innerText()
    expect(nav).toContain('FAQs')
    // The groups by job, in the order of the work: content first, the system last.
    const groupOrder = ['Content', 'Releases', 'Customers & licenses', 'Mail', 'System']
    const positions = groupOrder.map((group) => nav.split('\n').indexOf(group))
    expect(positions.every((position) => position >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)

    // The licenses list says days left in words; the releases list shows their release dates.
    await page.goto(`${session.server.url}/admin/collections/releases?limit=50`)
    await page.waitForSelector('table tbody tr', { timeout: 60_000 })
    // The date cells read "Loading..." until the browser has date-fns' locale.
    await page.waitForFunction(
      () => !document.querySelector('table')?.textContent?.includes('Loading...'),
      undefined,
      { timeout: 30_000 },
    )
    const table = await page.locator('table').innerText()
    expect(table).toMatch(oneDateFormat)
    // Neither Payload's US default (`12/03/2026`, `Dec 3, 2026`) nor an ISO string.
    expect(table).not.toMatch(/\d{2}\/\d{2}\/\d{4}|[A-Z][a-z]{2} \d{1,2}, \d{4}|\d{4}-\d{2}-\d{2}T/)
  })
})
