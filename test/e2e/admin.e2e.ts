import { mkdirSync } from 'node:fs'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchChromium } from './helpers/launchChromium'
import { logIn } from './helpers/logIn'
import { startNextServer, type NextServer } from './helpers/startNextServer'

const adminPassword = 'e2e-admin-password'

describe('the admin on the production build', () => {
  let server: NextServer
  let browser: Browser

  beforeAll(async () => {
    server = await startNextServer({ SEED_ADMIN_PASSWORD: adminPassword })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('lets the seeded admin log in and open the licenses list', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    await logIn(page, server.url, 'admin@example.com', adminPassword)

    await page.goto(`${server.url}/admin/collections/licenses`)
    await page.waitForSelector('table tbody tr', { timeout: 60_000 })
    const rows = await page.locator('table tbody tr').count()
    expect(rows).toBeGreaterThanOrEqual(8)
    // Relationship cells (customer, product) fill in after the rows: wait for the names.
    mkdirSync('test-results', { recursive: true })
    await page
      .waitForFunction(() => document.querySelector('table')?.textContent?.includes('Acme Industrial'), undefined, { timeout: 30_000 })
      .finally(() => page.screenshot({ path: 'test-results/admin-licenses.png', fullPage: true }))
    const text = await page.locator('table').innerText()
    expect(text).toMatch(/PMON-[0-9A-Z]{5}-/)
    expect(text).toContain('Globex Energy')
  })

  it('refuses a wrong password', async () => {
    const response = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: 'wrong' }),
    })
    expect(response.status).toBe(401)
  })
})
