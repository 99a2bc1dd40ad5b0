import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { runAgent } from '../agent/agentCli'
import { startDaemonProcess, type RunningDaemon } from '../agent/daemonHarness'
import {
  agentFolders,
  recordingInstaller,
  startHub,
  type Hub,
  initAppArgs,
} from '../agent/hubFixtures'
import { removeTempDirs } from '../helpers/tempDir'
import { launchChromium } from './helpers/launchChromium'

// The README's screenshot is rewritten only on request (UPDATE_SCREENSHOTS=1): a test run leaves
// the tree clean.
const screenshot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  process.env.UPDATE_SCREENSHOTS === '1'
    ? '../../docs/images/agent-panel.png'
    : '../../test-results/agent-panel.png',
)

/**
 * The agent's reference panel, served by the daemon (no Next build needed) against a real hub:
 * the checkboxes, Check finding the app and collector updates, Download turning into Install.
 */
describe('agent panel in Chromium', () => {
  let hub: Hub
  let daemon: RunningDaemon
  let browser: Browser

  beforeAll(async () => {
    // What test/helpers/testEnvironment.ts sets for the integration tests.
    process.env.SEED_ON_INIT ??= 'false'
    process.env.SCHEDULED_TASKS ??= 'off'
    process.env.PAYLOAD_SECRET ??= 'test-secret'
    // No release yet: the daemon's first check (at start, automatic steps on) finds nothing to do.
    hub = await startHub()
    const { state, work } = agentFolders()
    await runAgent(state, initAppArgs(hub, recordingInstaller(work, 'app').command))
    await runAgent(state, [
      'collector',
      'add',
      '--id',
      'c1',
      '--version',
      '7.2.0',
      '--platform',
      'linux-x64',
      '--installer-command',
      recordingInstaller(work, 'c1').command,
      '--license-key',
      hub.collectorKey,
    ])
    daemon = await startDaemonProcess(state)
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await daemon?.stop()
    await hub?.close()
    removeTempDirs()
  })

  it('shows both settings on by default; turned off, Check finds updates, Download becomes Install, Install installs collectors and app', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 760 } })
    await page.goto(`${daemon.url}/?token=${daemon.token}`)
    const autoDownload = page.getByLabel('Auto-download updates')
    const autoInstall = page.getByLabel('Auto-install updates')
    await expect.poll(() => autoDownload.isChecked()).toBe(true)
    expect(await autoInstall.isChecked()).toBe(true)
    await autoDownload.uncheck()
    await expect.poll(() => autoDownload.isChecked()).toBe(false)
    await autoInstall.uncheck()
    await expect.poll(() => autoInstall.isChecked()).toBe(false)
    await hub.ship(
      hub.promonitor,
      '7.3.0',
      { requires: [{ product: 'collector', range: '>=7.3.0' }], critical: true } as never,
      400_000,
    )
    await hub.ship(hub.collector, '7.3.0')

    await page.getByRole('button', { name: 'Check' }).click()
    const appState = page.getByTestId('state-app')
    const collectorState = page.getByTestId('state-collector:c1')
    await expect
      .poll(() => appState.textContent(), { timeout: 30_000 })
      .toMatch(/Update available → 7\.3\.0 \(critical\)/)
    await expect
      .poll(() => collectorState.textContent(), { timeout: 30_000 })
      .toMatch(/Update available → 7\.3\.0/)

    expect(await page.getByRole('button', { name: 'Install' }).count()).toBe(0)
    await page.getByRole('button', { name: 'Download' }).click()
    const install = page.getByRole('button', { name: 'Install' })
    await install.waitFor({ timeout: 60_000 })
    expect(await appState.textContent()).toContain('Ready to install')
    await page.screenshot({ path: screenshot, fullPage: true })

    await install.click()
    await expect.poll(() => appState.textContent(), { timeout: 60_000 }).toContain('Installed')
    expect(await collectorState.textContent()).toContain('Installed')
    expect(await page.getByRole('row').filter({ hasText: 'promonitor' }).textContent()).toContain(
      '7.3.0',
    )
    expect(await page.getByLabel('Notifications').textContent()).toContain(
      'Version 7.3.0 is installed',
    )
  })
})
