import { mkdirSync } from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  e2eStaffPassword as adminPassword,
  startAdminSession,
  type AdminSession,
} from './helpers/adminSession'
import { logIn } from './helpers/logIn'

describe('the admin on the production build', () => {
  let session: AdminSession
  beforeAll(async () => {
    session = await startAdminSession()
  })
  afterAll(async () => session?.stop())

  it('lets the seeded admin log in and open the licenses list', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } })
    await logIn(page, session.server.url, 'admin@example.com', adminPassword)

    // Every seeded license on one page (the seed has more than the default ten).
    await page.goto(`${session.server.url}/admin/collections/licenses?limit=50`)
    await page.waitForSelector('table tbody tr', { timeout: 60_000 })
    const rows = await page.locator('table tbody tr').count()
    expect(rows).toBeGreaterThanOrEqual(14)
    // Relationship cells (customer, product) fill in after the rows, and only once they have been
    // in view: scroll to the last row, then wait for the names.
    await page.locator('table tbody tr').last().scrollIntoViewIfNeeded()
    mkdirSync('test-results', { recursive: true })
    await page
      .waitForFunction(
        () => document.querySelector('table')?.textContent?.includes('Acme Industrial'),
        undefined,
        { timeout: 30_000 },
      )
      .finally(() => page.screenshot({ path: 'test-results/admin-licenses.png', fullPage: true }))
    const text = await page.locator('table').innerText()
    expect(text).toMatch(/PMON-[0-9A-Z]{5}-/)
    expect(text).toContain('Globex Energy')
  })

  it('shows support an on-usage license’s credits, its use per day over 30 days and the latest records', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1200 } })
    await logIn(page, session.server.url, 'support@example.com', adminPassword)
    const found = await page.evaluate(async () => {
      const response = await fetch('/api/licenses?where[type][equals]=on-usage&depth=0&limit=1', {
        credentials: 'include',
      })
      return (await response.json()) as { docs: Array<{ id: number; credits: number }> }
    })
    const [license] = found.docs
    await page.goto(`${session.server.url}/admin/collections/licenses/${license.id}`)
    const chart = page.locator('[aria-label="Credits used per day, last 30 days"]')
    await chart.waitFor({ timeout: 60_000 })
    await chart.scrollIntoViewIfNeeded()
    mkdirSync('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/admin-license-usage.png', fullPage: true })
    // The seed spent 10 credits a day of Umbrella's 1,500; the chart covers 30 UTC days, today
    // included, so whether the oldest use is in depends on the hour.
    const since = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10)
    const used = await page.evaluate(
      async ({ id, since }) => {
        const query = `where[license][equals]=${id}&where[occurredAt][greater_than_equal]=${since}T00:00:00.000Z&limit=1000&depth=0`
        const response = await fetch(`/api/usage-records?${query}`, { credentials: 'include' })
        const { docs } = (await response.json()) as { docs: Array<{ quantity: number }> }
        return docs.reduce((sum, record) => sum + record.quantity, 0)
      },
      { id: license.id, since },
    )
    expect(used).toBeGreaterThanOrEqual(290)
    await expect(page.locator('.license-usage h4').innerText()).resolves.toBe(
      `Usage: ${license.credits} credits left · ${used} used in the last 30 days`,
    )
    expect(await chart.locator('div[title]').count()).toBeGreaterThanOrEqual(30)
    expect(await page.locator('.license-usage tbody tr').count()).toBeGreaterThan(0)
  })

  it('lets support run a scheduled task now from the outbox list', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } })
    await logIn(page, session.server.url, 'support@example.com', adminPassword)
    await page.goto(`${session.server.url}/admin/collections/outbox`)
    await page.selectOption('#run-now-task', 'license-alerts', { timeout: 60_000 })
    await page.getByRole('button', { name: 'Run now' }).click()
    await expect(
      page
        .getByText(/^license-alerts, .+ UTC: \{"checked":\d+,"queued":\d+/)
        .waitFor({ timeout: 30_000 }),
    ).resolves.toBeUndefined()
  })

  it('refuses a wrong password', async () => {
    const response = await fetch(`${session.server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: 'wrong' }),
    })
    expect(response.status).toBe(401)
  })
})
