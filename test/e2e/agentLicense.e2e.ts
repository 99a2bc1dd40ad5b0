import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { armorLicenseFile } from '../../src/lib/protocol'
import { createCustomer, createCustomerAccount } from '../helpers/fixtures'
import { removeTempDirs } from '../helpers/tempDir'
import { startDaemonProcess, type RunningDaemon } from '../agent/daemonHarness'
import {
  fileClaims,
  initLicensedAgent,
  signedFile,
  startLicenseHub,
  type LicenseHub,
} from '../agent/licenseFixtures'
import { launchChromium } from './helpers/launchChromium'

/**
 * The panel's License tab, served by the daemon against a real hub: the state and days left,
 * Check license, the master modal (API key, Login, company chooser; DataDog trial) and the offline
 * textbox.
 */
describe('agent panel: the License tab in Chromium', () => {
  let hub: LicenseHub
  let browser: Browser
  const daemons: RunningDaemon[] = []
  const apiKey = 'panel-api-key-0001-agent'

  beforeAll(async () => {
    process.env.SEED_ON_INIT ??= 'false'
    process.env.SCHEDULED_TASKS ??= 'off'
    process.env.PAYLOAD_SECRET ??= 'test-secret'
    hub = await startLicenseHub()
    const globex = await createCustomer(hub.payload, 'Globex')
    await createCustomerAccount(hub.payload, 'alice@acme.example', [hub.acme.id, globex.id], apiKey)
    await hub.license({ customer: globex.id } as never)
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    for (const daemon of daemons) await daemon.stop()
    await hub?.close()
    removeTempDirs()
  })

  const openLicenseTab = async (): Promise<{ page: Page; fingerprint: string }> => {
    const { state, fingerprint } = await initLicensedAgent(hub)
    const daemon = await startDaemonProcess(state)
    daemons.push(daemon)
    const page = await browser.newPage({ viewport: { width: 800, height: 760 } })
    await page.goto(`${daemon.url}/?token=${daemon.token}`)
    await page.getByRole('tab', { name: 'License' }).click()
    await expect.poll(() => page.getByTestId('license-state').textContent()).toBe('Not licensed')
    return { page, fingerprint }
  }

  it('logs in with the API key, chooses the company, and shows the license and its days left; Check license keeps it', async () => {
    const { page } = await openLicenseTab()
    await page.getByRole('button', { name: 'Master login…' }).click()
    const modal = page.getByRole('dialog', { name: 'Master login' })
    await modal.getByLabel('API key').fill(apiKey)
    await modal.getByRole('button', { name: 'Login', exact: true }).click()
    await modal.getByLabel('Company').selectOption({ label: 'Globex' })
    await modal.getByRole('button', { name: 'Use this company' }).click()
    await expect.poll(() => page.getByTestId('license-state').textContent()).toBe('Licensed')
    expect(await page.getByTestId('license-days-left').textContent()).toContain('100 days left')
    expect(await page.getByText('for Globex').count()).toBe(1)
    await page.getByRole('button', { name: 'Check license' }).click()
    await expect.poll(() => page.getByTestId('license-state').textContent()).toBe('Licensed')
    expect(await page.getByRole('alert').count()).toBe(0)
  })

  it('refuses a wrong API key in the modal, and starts a DataDog trial from it', async () => {
    const { page } = await openLicenseTab()
    await page.getByRole('button', { name: 'Master login…' }).click()
    const modal = page.getByRole('dialog', { name: 'Master login' })
    await modal.getByLabel('API key').fill('not-the-key')
    await modal.getByRole('button', { name: 'Login', exact: true }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('UNAUTHORIZED')
    await modal.getByLabel('Email (for a trial)').fill(`panel-${Date.now()}@newco.example`)
    await modal.getByRole('button', { name: 'DataDog trial' }).click()
    await expect.poll(() => page.getByTestId('license-state').textContent()).toBe('Trial')
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
  })

  it('loads a pasted offline license, and says why a bad one is refused', async () => {
    const { page, fingerprint } = await openLicenseTab()
    const textbox = page.getByLabel('Offline license')
    await textbox.fill(
      armorLicenseFile(await signedFile(hub.payload, fileClaims(fingerprint, { line: 'v6' }))),
    )
    await page.getByRole('button', { name: 'Load license' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('LINE_MISMATCH')
    await textbox.fill(armorLicenseFile(await signedFile(hub.payload, fileClaims(fingerprint))))
    await page.getByRole('button', { name: 'Load license' }).click()
    await expect.poll(() => page.getByTestId('license-state').textContent()).toBe('Licensed')
    expect(await page.getByTestId('license-days-left').textContent()).toContain('365 days left')
  })
})
