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

  it('refuses a wrong password', async () => {
    const response = await fetch(`${session.server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: 'wrong' }),
    })
    expect(response.status).toBe(401)
  })
})
