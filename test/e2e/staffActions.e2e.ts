import { mkdirSync } from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  e2eStaffPassword as adminPassword,
  startAdminSession,
  type AdminSession,
} from './helpers/adminSession'
import { logIn } from './helpers/logIn'

describe('staff actions in the admin (production build)', () => {
  let session: AdminSession
  beforeAll(async () => {
    session = await startAdminSession()
  })
  afterAll(async () => session?.stop())

  it('extends the seeded trial by 14 days from its edit view and shows it in the timeline', async () => {
    const login = await fetch(`${session.server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'support@example.com', password: adminPassword }),
    })
    const { token } = (await login.json()) as { token: string }
    const found = await fetch(
      `${session.server.url}/api/licenses?where[type][equals]=trial&depth=0`,
      { headers: { Authorization: `JWT ${token}` } },
    )
    const trial = ((await found.json()) as { docs: Array<{ id: number; daysLeft: number }> })
      .docs[0]
    expect(trial.daysLeft).toBe(3)

    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await logIn(page, session.server.url, 'support@example.com', adminPassword)
    await page.goto(`${session.server.url}/admin/collections/licenses/${trial.id}`)
    const extend = page.getByRole('button', { name: 'Extend' })
    await extend.waitFor({ timeout: 60_000 })
    await extend.click()
    await page.getByText('Extended by 14 days').first().waitFor({ timeout: 30_000 })
    mkdirSync('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/license-extended.png', fullPage: true })

    const after = await fetch(`${session.server.url}/api/licenses/${trial.id}?depth=0`, {
      headers: { Authorization: `JWT ${token}` },
    })
    expect(((await after.json()) as { daysLeft: number }).daysLeft).toBe(17)
    const events = await fetch(
      `${session.server.url}/api/license-events?where[license][equals]=${trial.id}&where[type][equals]=extended`,
      { headers: { Authorization: `JWT ${token}` } },
    )
    expect(((await events.json()) as { totalDocs: number }).totalDocs).toBe(1)
  })

  it('refuses to delete a product that has licenses and releases, and says why', async () => {
    const products = await fetch(
      `${session.server.url}/api/products?where[slug][equals]=promonitor&depth=0`,
    )
    const promonitor = ((await products.json()) as { docs: Array<{ id: number }> }).docs[0]

    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await logIn(page, session.server.url, 'releases@example.com', adminPassword)
    await page.goto(`${session.server.url}/admin/collections/products/${promonitor.id}`)
    const menu = page.locator('.doc-controls__dots')
    await menu.waitFor({ timeout: 60_000 })
    await menu.click()
    await page.locator('#action-delete').click()
    await page.getByRole('button', { name: 'Confirm' }).click()
    await page
      .getByText(/This product cannot be deleted: it has \d+ licenses? and \d+ releases?/)
      .first()
      .waitFor({ timeout: 30_000 })
    await page.screenshot({ path: 'test-results/product-delete-refused.png' })

    const still = await fetch(`${session.server.url}/api/products/${promonitor.id}?depth=0`)
    expect(still.status).toBe(200)
  })
})
