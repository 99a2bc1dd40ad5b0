import { mkdirSync } from 'node:fs'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchChromium } from './helpers/launchChromium'
import { logIn } from './helpers/logIn'
import { startNextServer, type NextServer } from './helpers/startNextServer'

const adminPassword = 'e2e-admin-password'

describe('one-click license actions in the admin (production build)', () => {
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

  it('extends the seeded trial by 14 days from its edit view and shows it in the timeline', async () => {
    const login = await fetch(`${server.url}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'support@example.com', password: adminPassword }) })
    const { token } = (await login.json()) as { token: string }
    const found = await fetch(`${server.url}/api/licenses?where[type][equals]=trial&depth=0`, { headers: { Authorization: `JWT ${token}` } })
    const trial = ((await found.json()) as { docs: Array<{ id: number; daysLeft: number }> }).docs[0]
    expect(trial.daysLeft).toBe(3)

    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await logIn(page, server.url, 'support@example.com', adminPassword)
    await page.goto(`${server.url}/admin/collections/licenses/${trial.id}`)
    const extend = page.getByRole('button', { name: 'Extend' })
    await extend.waitFor({ timeout: 60_000 })
    await extend.click()
    await page.getByText('Extended by 14 days').first().waitFor({ timeout: 30_000 })
    mkdirSync('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/license-extended.png', fullPage: true })

    const after = await fetch(`${server.url}/api/licenses/${trial.id}?depth=0`, { headers: { Authorization: `JWT ${token}` } })
    expect(((await after.json()) as { daysLeft: number }).daysLeft).toBe(17)
    const events = await fetch(`${server.url}/api/license-events?where[license][equals]=${trial.id}&where[type][equals]=extended`, { headers: { Authorization: `JWT ${token}` } })
    expect(((await events.json()) as { totalDocs: number }).totalDocs).toBe(1)
  })
})
