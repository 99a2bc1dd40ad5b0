import { mkdirSync } from 'node:fs'

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { License, LicenseEvent } from '../../payload-types'
import {
  e2eStaffPassword as staffPassword,
  startAdminSession,
  type AdminSession,
} from './helpers/adminSession'
import { logIn } from './helpers/logIn'

/** Reads through the REST API with the page's own staff login. */
const readApi = <T>(page: Page, path: string): Promise<T> =>
  page.evaluate(
    async (url) => (await (await fetch(url, { credentials: 'include' })).json()) as T,
    path,
  )

describe('licenses in the admin (production build)', () => {
  let session: AdminSession
  beforeAll(async () => {
    session = await startAdminSession()
    mkdirSync('test-results', { recursive: true })
  })
  afterAll(async () => session?.stop())

  it('lists every seeded license with its customer and product names without scrolling, and the derived status and days left', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 720 } })
    await logIn(page, session.server.url, 'support@example.com', staffPassword)
    await page.goto(`${session.server.url}/admin/collections/licenses?limit=50`)
    await page.waitForSelector('table tbody tr', { timeout: 60_000 })
    await page.screenshot({ path: 'test-results/licenses-list.png', fullPage: true })

    // Read as served, rows far below the fold included: no scrolling, no waiting for the browser.
    const rows = await page.locator('table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const cell = (name: string) => (tr.querySelector(`.cell-${name}`)?.textContent ?? '').trim()
        return {
          key: cell('key'),
          customer: cell('customerName'),
          product: cell('productName'),
          type: cell('type'),
          status: cell('currentStatus'),
          timeLeft: cell('timeLeft'),
          clients: cell('clientsInUse'),
        }
      }),
    )
    expect(rows).toHaveLength(14)
    for (const row of rows) {
      expect(row.customer, row.key).toMatch(/^(Acme|Globex|Initech|Umbrella|Stark|Wayne) \w+$/)
      expect(['ProMonitor', 'Collector', 'Cockpit'], row.key).toContain(row.product)
      expect(row.clients, row.key).toMatch(/^\d+ \/ \d+$/)
    }
    expect(await page.locator('table').innerText()).not.toContain('<No ')

    const initech = rows.find((row) => row.customer === 'Initech Networks')!
    expect(initech).toMatchObject({
      type: 'subscription',
      status: 'expired',
      timeLeft: 'expired 35 days ago',
    })
    const perpetual = rows.find((row) => row.type === 'perpetual')!
    expect(perpetual).toMatchObject({
      customer: 'Acme Industrial',
      status: 'active',
      timeLeft: 'never expires',
    })
    const stark = rows.find((row) => row.customer === 'Stark Utilities')!
    expect(stark).toMatchObject({ status: 'suspended', timeLeft: '245 days' })
  })

  it('extends a license by the days typed next to its label, suspends it only once confirmed with a reason, and reinstates it', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await logIn(page, session.server.url, 'support@example.com', staffPassword)
    const { docs } = await readApi<{ docs: License[] }>(
      page,
      '/api/licenses?where[customerName][equals]=Umbrella%20Logistics&where[type][equals]=subscription&depth=0',
    )
    const [cockpit] = docs
    expect(cockpit.timeLeft).toBe('275 days')
    await page.goto(`${session.server.url}/admin/collections/licenses/${cockpit.id}`)

    const days = page.getByLabel('Extend by')
    await days.waitFor({ timeout: 60_000 })
    expect(await days.inputValue()).toBe('14')
    await page.screenshot({ path: 'test-results/admin-license.png', fullPage: true })
    await days.fill('10')
    await page.getByRole('button', { name: 'Extend', exact: true }).click()
    await page.getByText('Extended by 10 days').first().waitFor({ timeout: 30_000 })
    await expect
      .poll(async () => page.locator('#field-timeLeft').inputValue(), { timeout: 30_000 })
      .toBe('285 days')
    await page.locator('.license-timeline').getByText('+10 days').waitFor({ timeout: 30_000 })

    // Suspend… asks first: cancelling changes nothing.
    await page.getByRole('button', { name: 'Suspend…' }).click()
    await page.getByText('Suspend this license?').waitFor()
    await page.getByRole('button', { name: 'Cancel' }).click()
    const stillActive = await readApi<License>(page, `/api/licenses/${cockpit.id}?depth=0`)
    expect(stillActive.status).toBe('active')

    await page.getByRole('button', { name: 'Suspend…' }).click()
    await page.getByLabel('Reason (kept in the history)').fill('Chargeback on invoice 2026-0920')
    await page.getByRole('button', { name: 'Suspend', exact: true }).click()
    await page.getByText('License suspended').first().waitFor({ timeout: 30_000 })
    await page.getByRole('button', { name: 'Reinstate' }).waitFor({ timeout: 30_000 })
    await page.screenshot({ path: 'test-results/license-suspended.png', fullPage: true })
    await page.getByRole('button', { name: 'Reinstate' }).click()
    await page.getByText('License reinstated').first().waitFor({ timeout: 30_000 })
    await page.getByRole('button', { name: 'Suspend…' }).waitFor({ timeout: 30_000 })
    expect((await readApi<License>(page, `/api/licenses/${cockpit.id}?depth=0`)).status).toBe(
      'active',
    )
    await page.getByRole('button', { name: 'Suspend…' }).click()
    await page.getByLabel('Reason (kept in the history)').fill('Chargeback on invoice 2026-0920')
    await page.getByRole('button', { name: 'Suspend', exact: true }).click()
    await page.getByText('License suspended').first().waitFor({ timeout: 30_000 })

    const suspended = await readApi<License>(page, `/api/licenses/${cockpit.id}?depth=0`)
    expect(suspended).toMatchObject({ status: 'suspended', currentStatus: 'suspended' })
    const events = await readApi<{ docs: LicenseEvent[] }>(
      page,
      `/api/license-events?where[license][equals]=${cockpit.id}&sort=createdAt&depth=0`,
    )
    expect(events.docs.map((event) => event.type)).toEqual([
      'created',
      'extended',
      'suspended',
      'reinstated',
      'suspended',
    ])
    expect(events.docs[2].details).toMatchObject({ reason: 'Chargeback on invoice 2026-0920' })
  })

  it('adds a pack and modules to a trial, and converts it to a subscription only once confirmed', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await logIn(page, session.server.url, 'support@example.com', staffPassword)
    const { docs } = await readApi<{ docs: License[] }>(
      page,
      '/api/licenses?where[customerName][equals]=Globex%20Energy&where[type][equals]=trial&depth=0',
    )
    const [trial] = docs
    await page.goto(`${session.server.url}/admin/collections/licenses/${trial.id}`)
    const actions = page.locator('section[aria-label="License actions"]')
    await actions.waitFor({ timeout: 60_000 })

    await actions.getByLabel('clients', { exact: true }).fill('2')
    await actions.getByLabel('users', { exact: true }).fill('3')
    await actions.getByRole('button', { name: 'Add', exact: true }).nth(1).click()
    await page.getByText('Pack added').first().waitFor({ timeout: 30_000 })
    const packed = await readApi<License>(page, `/api/licenses/${trial.id}?depth=0`)
    expect(packed).toMatchObject({
      maxClients: (trial.maxClients ?? 0) + 2,
      maxUsers: (trial.maxUsers ?? 0) + 3,
    })

    await actions.getByLabel('Add modules').fill('reporting, sla')
    await actions.getByRole('button', { name: 'Add', exact: true }).first().click()
    await page.getByText('Added reporting, sla').first().waitFor({ timeout: 30_000 })
    const withModules = await readApi<License>(page, `/api/licenses/${trial.id}?depth=0`)
    expect(withModules.modules).toEqual(expect.arrayContaining(['reporting', 'sla']))

    // Convert… asks first: cancelling leaves the trial a trial.
    await actions.getByLabel('Convert to').selectOption('subscription')
    await page.getByRole('button', { name: 'Convert…' }).click()
    await page.getByText('Convert this trial to subscription?').waitFor()
    await page.getByRole('button', { name: 'Cancel' }).click()
    expect((await readApi<License>(page, `/api/licenses/${trial.id}?depth=0`)).type).toBe('trial')

    await page.getByRole('button', { name: 'Convert…' }).click()
    await page.getByRole('button', { name: 'Convert', exact: true }).click()
    await page.getByText('Converted to subscription').first().waitFor({ timeout: 30_000 })
    const converted = await readApi<License>(page, `/api/licenses/${trial.id}?depth=0`)
    expect(converted).toMatchObject({ type: 'subscription', currentStatus: 'active' })
    expect(new Date(converted.expiresAt!).getTime()).toBeGreaterThan(Date.now() + 300 * 86_400_000)
    // The panel follows the new type: no "Convert…" for a subscription.
    await expect
      .poll(async () => page.getByRole('button', { name: 'Convert…' }).count(), { timeout: 30_000 })
      .toBe(0)
    const events = await readApi<{ docs: LicenseEvent[] }>(
      page,
      `/api/license-events?where[license][equals]=${trial.id}&sort=createdAt&depth=0`,
    )
    expect(events.docs.map((event) => event.type)).toEqual(
      expect.arrayContaining(['pack-added', 'modules-added', 'converted']),
    )
  })
})
