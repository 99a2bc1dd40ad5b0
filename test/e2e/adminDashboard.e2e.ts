import { mkdirSync } from 'node:fs'

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { isLowOnCredit } from '../../src/admin/dashboard/lowCreditLicenses'
import { e2eStaffPassword, startAdminSession, type AdminSession } from './helpers/adminSession'
import { logIn } from './helpers/logIn'

type LicenseRow = {
  id: number
  key: string
  type: string
  status: string
  expiresAt?: string | null
  credits?: number | null
  lowCreditThreshold?: number | null
  creditsAtTopUp?: number | null
}

const dayMs = 86_400_000

/** A REST read in the signed-in page, with its cookie. */
const restGet = <T>(page: Page, path: string): Promise<T> =>
  page.evaluate(async (path) => {
    const response = await fetch(path, { credentials: 'include' })
    if (!response.ok) throw new Error(`${path}: ${response.status}`)
    return response.json()
  }, path) as Promise<T>

/** What each count should be, worked out here from every license the REST API lists. */
const expectedLicenseCounts = (licenses: LicenseRow[], now: number): Record<string, number> => {
  const expiresIn = (license: LicenseRow) =>
    license.expiresAt ? new Date(license.expiresAt).getTime() - now : null
  const isActive = (license: LicenseRow) => license.status === 'active'
  const endingWithin = (license: LicenseRow, days: number) => {
    const left = expiresIn(license)
    return left !== null && left > 0 && left <= days * dayMs
  }
  const count = (test: (license: LicenseRow) => boolean) => licenses.filter(test).length
  return {
    'Active licenses': count((l) => isActive(l) && (expiresIn(l) === null || expiresIn(l)! > 0)),
    'Expiring within 30 days': count((l) => isActive(l) && endingWithin(l, 30)),
    'Expired in the last 30 days': count((l) => {
      const left = expiresIn(l)
      return left !== null && left <= 0 && left > -30 * dayMs
    }),
    'Trials ending within 7 days': count(
      (l) => isActive(l) && l.type === 'trial' && endingWithin(l, 7),
    ),
    Suspended: count((l) => l.status === 'suspended'),
    'On-usage, low or no credit': count(
      (l) => isActive(l) && l.type === 'on-usage' && isLowOnCredit(l),
    ),
  }
}

describe('the back office dashboard and search on the production build', () => {
  let session: AdminSession
  let page: Page
  beforeAll(async () => {
    session = await startAdminSession()
    page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await logIn(page, session.server.url, 'support@example.com', e2eStaffPassword)
  })
  afterAll(async () => session?.stop())

  const tiles = async (
    within = '.hub-dashboard',
  ): Promise<Array<{ label: string; count: number; href: string | null }>> =>
    page.locator(`${within} .hub-dashboard__tile`).evaluateAll((items) =>
      items.map((item) => ({
        label: item.querySelector('.hub-dashboard__label')?.textContent ?? '',
        count: Number(item.querySelector('.hub-dashboard__count')?.textContent),
        href: item.querySelector('a')?.getAttribute('href') ?? null,
      })),
    )

  it('shows support the license, release and outbox counts the database holds', async () => {
    await page.goto(`${session.server.url}/admin`)
    await page.locator('.hub-dashboard').waitFor({ timeout: 60_000 })
    const now = Date.now()
    const { docs: licenses } = await restGet<{ docs: LicenseRow[] }>(
      page,
      '/api/licenses?limit=1000&depth=0',
    )
    const shown = Object.fromEntries((await tiles()).map((tile) => [tile.label, tile.count]))
    expect(licenses.length).toBeGreaterThan(10)
    // The dashboard rendered a moment before `now`: a license expiring in that moment would move.
    expect(shown).toMatchObject(expectedLicenseCounts(licenses, now))
    for (const status of ['draft', 'published', 'pulled']) {
      const { totalDocs } = await restGet<{ totalDocs: number }>(
        page,
        `/api/releases?where[status][equals]=${status}&limit=1`,
      )
      expect(shown[status], status).toBe(totalDocs)
    }
    const pending = await restGet<{ totalDocs: number }>(
      page,
      '/api/outbox?where[status][in]=queued,sending&limit=1',
    )
    expect(shown['Mail pending']).toBe(pending.totalDocs)
    const failed = await restGet<{ totalDocs: number }>(
      page,
      '/api/outbox?where[status][equals]=failed&limit=1',
    )
    expect(shown['Mail failed']).toBe(failed.totalDocs)
    expect(await page.locator('#hub-attention').isVisible()).toBe(true)
    expect(await page.locator('figure.hub-dashboard__chart svg rect').count()).toBe(60)

    mkdirSync('docs/images', { recursive: true })
    await page.screenshot({ path: 'docs/images/admin-dashboard.png', fullPage: true })
  })

  it('opens each license count’s list view filtered to that many rows', async () => {
    const licenseTiles = await tiles('section[aria-labelledby="hub-licenses"]')
    expect(licenseTiles.length).toBe(6)
    // A count of none has no list to open.
    for (const tile of licenseTiles.filter((one) => one.count > 0)) {
      expect(tile.href, tile.label).toContain('/admin/collections/licenses?where')
      await page.goto(`${session.server.url}${tile.href}&limit=100`)
      await page.locator('table tbody tr').first().waitFor({ timeout: 60_000 })
      expect(await page.locator('table tbody tr').count(), tile.label).toBe(tile.count)
    }
  })

  it('opens a count from the dashboard by clicking it', async () => {
    await page.goto(`${session.server.url}/admin`)
    const tile = page.locator('.hub-dashboard__tile a', { hasText: 'Expiring within 30 days' })
    const count = Number(await tile.getAttribute('data-count'))
    await tile.click()
    await page.waitForURL(/\/admin\/collections\/licenses\?/)
    if (count > 0) await page.locator('table tbody tr').first().waitFor({ timeout: 60_000 })
    expect(await page.locator('table tbody tr').count()).toBe(count)
  })

  it('shows an editor no license, outbox or installation figures, not zeros', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1400, height: 1000 } })
    const editorPage = await context.newPage()
    await logIn(editorPage, session.server.url, 'editor@example.com', e2eStaffPassword)
    await editorPage.locator('.hub-dashboard').waitFor({ timeout: 60_000 })
    const headings = await editorPage.locator('.hub-dashboard h2').allInnerTexts()
    expect(headings).toEqual(['Releases'])
    expect(await editorPage.locator('form[role="search"]').count()).toBe(1)
    await context.close()
  })

  it('sends a visitor who is not signed in from the search to the login', async () => {
    const context = await session.browser.newContext()
    const visitorPage = await context.newPage()
    await visitorPage.goto(`${session.server.url}/admin/search?q=acme`)
    await visitorPage.waitForURL(/\/admin\/login/, { timeout: 60_000 })
    expect(await visitorPage.locator('.hub-search__results').count()).toBe(0)
    await context.close()
  })

  const search = async (query: string) => {
    await page.goto(`${session.server.url}/admin`)
    await page.fill('input[name="q"]', query)
    await page.click('form[role="search"] button[type="submit"]')
    await page.waitForURL(/\/admin\/search\?q=/)
    await page.locator('.hub-search__results [role="status"]').waitFor({ timeout: 60_000 })
  }
  const resultLinks = (kind: string) =>
    page
      .locator(`section[data-kind="${kind}"] a`)
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')))

  it('finds a seeded license by its key, with dashes and without', async () => {
    const { docs } = await restGet<{ docs: LicenseRow[] }>(page, '/api/licenses?limit=1&depth=0')
    const [license] = docs
    const editPath = `/admin/collections/licenses/${license.id}`
    await search(license.key)
    expect(await resultLinks('licenses')).toEqual([editPath])
    await search(license.key.replaceAll('-', '').toLowerCase())
    expect(await resultLinks('licenses')).toEqual([editPath])
    mkdirSync('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/admin-search.png', fullPage: true })
    await page.locator(`a[href="${editPath}"]`).click()
    await page.waitForURL(`**${editPath}`)
  })

  it('finds a seeded customer by a contact’s email', async () => {
    const { docs } = await restGet<{
      docs: Array<{ id: number; contacts: Array<{ email: string }> }>
    }>(page, '/api/customers?limit=1&depth=0&where[contacts.email][exists]=true')
    const [customer] = docs
    await search(customer.contacts[0].email)
    expect(await resultLinks('customers')).toEqual([`/admin/collections/customers/${customer.id}`])
  })

  it('finds a seeded installation by its fingerprint', async () => {
    const { docs } = await restGet<{ docs: Array<{ id: number; fingerprint: string }> }>(
      page,
      '/api/activations?limit=1&depth=0',
    )
    const [installation] = docs
    await search(installation.fingerprint)
    expect(await resultLinks('activations')).toEqual([
      `/admin/collections/activations/${installation.id}`,
    ])
  })

  it('finds an installation from the search box above the licenses list', async () => {
    const { docs } = await restGet<{ docs: Array<{ id: number; hostname: string }> }>(
      page,
      '/api/activations?limit=1&depth=0&where[hostname][exists]=true',
    )
    const [installation] = docs
    await page.goto(`${session.server.url}/admin/collections/licenses`)
    const box = page.getByLabel('Find a license key, customer, email, fingerprint or hostname')
    await box.waitFor({ timeout: 60_000 })
    await box.fill(installation.hostname)
    await page.click('form[role="search"] button[type="submit"]')
    await page.waitForURL(/\/admin\/search\?q=/)
    await page.locator('.hub-search__results [role="status"]').waitFor({ timeout: 60_000 })
    expect(await resultLinks('activations')).toContain(
      `/admin/collections/activations/${installation.id}`,
    )
  })

  it('walks a release manager through the day: release figures, and a new release whose template and recipients are there without a click', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1400, height: 1000 } })
    const managerPage = await context.newPage()
    await logIn(managerPage, session.server.url, 'releases@example.com', e2eStaffPassword)
    await managerPage.locator('.hub-dashboard').waitFor({ timeout: 60_000 })
    const headings = await managerPage.locator('.hub-dashboard h2').allInnerTexts()
    expect(headings).toContain('Releases')
    expect(headings).not.toContain('Outbox')
    await managerPage.screenshot({ path: 'test-results/admin-dashboard-releases.png' })

    // The create view: ticking "Notify by email" shows the release template already chosen.
    const {
      docs: [template],
    } = await restGet<{ docs: Array<{ id: number; name: string }> }>(
      managerPage,
      '/api/email-templates?where[key][equals]=release-published&sort=createdAt&limit=1&depth=0',
    )
    await managerPage.goto(`${session.server.url}/admin/collections/releases/create`)
    const notify = managerPage.locator('#field-notifyByEmail')
    await notify.waitFor({ timeout: 60_000 })
    await notify.check()
    await managerPage
      .locator('#field-emailTemplate')
      .getByText(template.name)
      .waitFor({ timeout: 30_000 })

    // A release created without opening "Load recipients" lists every licensed contact.
    const {
      docs: [product],
    } = await restGet<{ docs: Array<{ id: number }> }>(
      managerPage,
      '/api/products?where[slug][equals]=promonitor&depth=0',
    )
    const created = await managerPage.evaluate(async (productId) => {
      const response = await fetch('/api/releases', {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          product: productId,
          line: 'v7',
          version: '7.9.0',
          channel: 'stable',
          status: 'draft',
          notifyByEmail: true,
        }),
      })
      return (await response.json()) as {
        doc: { id: number; recipients: Array<{ email: string }> }
      }
    }, product.id)
    const emails = created.doc.recipients.map((recipient) => recipient.email)
    expect(emails.length).toBeGreaterThan(0)
    await managerPage.goto(`${session.server.url}/admin/collections/releases/${created.doc.id}`)
    // Each row reads as its address, collapsed or not.
    const rowLabels = managerPage.locator('#field-recipients .array-field__row-header .row-label')
    await rowLabels.first().waitFor({ timeout: 60_000 })
    await expect
      .poll(async () => (await rowLabels.allInnerTexts()).map((text) => text.trim()).sort(), {
        timeout: 30_000,
      })
      .toEqual([...emails].sort())
    await context.close()
  })

  it('walks an editor through the day: the content in the nav, an FAQ question rewritten and saved', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1400, height: 1000 } })
    const editorPage = await context.newPage()
    await logIn(editorPage, session.server.url, 'editor@example.com', e2eStaffPassword)
    const nav = await editorPage.locator('nav').first().innerText()
    for (const label of ['FAQs', 'Video teasers', 'Doc links', 'Changelogs', 'Email templates'])
      expect(nav).toContain(label)
    for (const staffOnly of ['Licenses', 'Customers', 'Outbox'])
      expect(nav).not.toContain(staffOnly)

    const {
      docs: [faq],
    } = await restGet<{ docs: Array<{ id: number; question: string }> }>(
      editorPage,
      '/api/faqs?limit=1&sort=createdAt&depth=0',
    )
    await editorPage.goto(`${session.server.url}/admin/collections/faqs/${faq.id}`)
    const question = editorPage.locator('#field-question')
    await question.waitFor({ timeout: 60_000 })
    const rewritten = `${faq.question} (updated)`
    await question.fill(rewritten)
    await editorPage.getByRole('button', { name: 'Save', exact: true }).click()
    await editorPage.getByText('Updated successfully').first().waitFor({ timeout: 30_000 })
    const saved = await restGet<{ question: string }>(editorPage, `/api/faqs/${faq.id}?depth=0`)
    expect(saved.question).toBe(rewritten)
    await context.close()
  })
})
