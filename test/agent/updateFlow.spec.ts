import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { runAgent } from './agentCli'
import {
  agentFolders,
  readInstallLog,
  recordingInstaller,
  startHub,
  type Hub,
  initAppArgs,
} from './hubFixtures'

let hub: Hub
let sha: Record<string, string>

beforeAll(async () => {
  hub = await startHub()
  const app73 = await hub.ship(hub.promonitor, '7.3.0', {
    requires: [{ product: 'collector', range: '>=7.3.0' }],
  } as never)
  await hub.ship(hub.promonitor, '7.2.0')
  const collector73 = await hub.ship(hub.collector, '7.3.0')
  await hub.ship(hub.collector, '7.2.0')
  sha = { app: String(app73.artifact.sha256), collector: String(collector73.artifact.sha256) }
})

afterAll(async () => {
  await hub?.close()
})

/**
 * An agent for ProMonitor 7.2.0 with two collectors (7.2.0 and 7.3.0), each with a recording
 * installer.
 */
const setUpAgent = async ({ manual = false } = {}) => {
  const { state, work } = agentFolders()
  const app = recordingInstaller(work, 'app')
  const c1 = recordingInstaller(work, 'c1')
  const c2 = recordingInstaller(work, 'c2')
  const init = await runAgent(state, initAppArgs(hub, app.command))
  expect(init.exitCode, init.stdout + init.stderr).toBe(0)
  for (const [id, version, installer] of [
    ['c1', '7.2.0', c1],
    ['c2', '7.3.0', c2],
  ] as const) {
    const added = await runAgent(state, [
      'collector',
      'add',
      '--id',
      id,
      '--version',
      version,
      '--platform',
      'linux-x64',
      '--installer-command',
      installer.command,
      '--license-key',
      hub.collectorKey,
    ])
    expect(added.exitCode, added.stdout).toBe(0)
  }
  if (manual)
    expect(
      (await runAgent(state, ['settings', '--auto-download', 'off', '--auto-install', 'off']))
        .exitCode,
    ).toBe(0)
  return { state, work, installers: { app, c1, c2 } }
}

const stateOf = (answer: { json: Record<string, any> }, target: string) =>
  answer.json.targets.find((entry: { target: string }) => entry.target === target)

describe('setting up', () => {
  it('starts with auto-download and auto-install on, a 24 h interval on stable, and writes agent.json and state.json (0600)', async () => {
    const { state } = await setUpAgent()
    const settings = await runAgent(state, ['settings'])
    expect(settings).toMatchObject({
      exitCode: 0,
      json: {
        settings: {
          autoDownload: true,
          autoInstall: true,
          checkIntervalHours: 24,
          channel: 'stable',
        },
      },
    })
    for (const file of ['agent.json', 'state.json'])
      expect(statSync(path.join(state, file)).mode & 0o777).toBe(0o600)
    const config = JSON.parse(readFileSync(path.join(state, 'agent.json'), 'utf8'))
    expect(config.trust.keys.length).toBeGreaterThan(0)
    const status = await runAgent(state, ['status'])
    expect(
      status.json.targets.map((target: { target: string; state: string }) => [
        target.target,
        target.state,
      ]),
    ).toEqual([
      ['app', 'idle'],
      ['collector:c1', 'idle'],
      ['collector:c2', 'idle'],
    ])
  })

  it('refuses bad settings and bad input with a code and exit 2, changing nothing', async () => {
    const { state } = await setUpAgent()
    expect(await runAgent(state, ['settings', '--check-interval-hours', '0.5'])).toMatchObject({
      exitCode: 2,
      json: { code: 'BAD_REQUEST' },
    })
    expect(await runAgent(state, ['settings', '--auto-install', 'maybe'])).toMatchObject({
      exitCode: 2,
      json: { code: 'BAD_REQUEST' },
    })
    expect(await runAgent(state, ['download', '--target', 'collector:nope'])).toMatchObject({
      exitCode: 2,
      json: { code: 'UNKNOWN_TARGET' },
    })
    expect(await runAgent(state, ['init', '--server', hub.api.url])).toMatchObject({
      exitCode: 2,
      json: { code: 'BAD_REQUEST' },
    })
    expect((await runAgent(state, ['settings'])).json.settings).toMatchObject({
      checkIntervalHours: 24,
      autoInstall: true,
    })
  })
})

describe('check, download, install', () => {
  it('checks the app and every collector against the signed manifests', async () => {
    const { state } = await setUpAgent()
    const check = await runAgent(state, ['check'])
    expect(check.exitCode, check.stdout).toBe(0)
    expect(check.json.targets).toEqual([
      expect.objectContaining({
        target: 'app',
        product: 'promonitor',
        version: '7.2.0',
        state: 'available',
        available: {
          version: '7.3.0',
          critical: false,
          size: expect.any(Number),
          notesUrl: expect.stringContaining('/portal/releases/'),
        },
      }),
      expect.objectContaining({
        target: 'collector:c1',
        product: 'collector',
        version: '7.2.0',
        state: 'available',
        available: expect.objectContaining({ version: '7.3.0' }),
      }),
      expect.objectContaining({
        target: 'collector:c2',
        product: 'collector',
        version: '7.3.0',
        state: 'up-to-date',
      }),
    ])
    expect(Object.keys(check.json.targets[2])).not.toContain('available')
  })

  it('goes Download → Install: available, downloaded (verified), installed, with a notification at each step', async () => {
    const { state, installers } = await setUpAgent({ manual: true })
    await runAgent(state, ['check'])
    const download = await runAgent(state, ['download', '--target', 'collector:c1'])
    expect(download.exitCode, download.stdout).toBe(0)
    expect(stateOf(download, 'collector:c1')).toMatchObject({
      state: 'downloaded',
      pending: { version: '7.3.0', verified: true },
    })

    const install = await runAgent(state, ['install', '--target', 'collector:c1'])
    expect(install.exitCode, install.stdout).toBe(0)
    expect(install.json.installed).toEqual(['collector:c1'])
    expect(stateOf(install, 'collector:c1')).toMatchObject({ state: 'installed', version: '7.3.0' })
    const [run] = await readInstallLog(installers.c1.log)
    expect(run).toMatchObject({
      target: 'collector:c1',
      product: 'collector',
      version: '7.3.0',
      sha256: sha.collector,
      actual: sha.collector,
    })
    expect(existsSync(run.file)).toBe(false)

    const status = await runAgent(state, ['status'])
    const types = status.json.notifications
      .filter((entry: { target: string }) => entry.target === 'collector:c1')
      .map((entry: { type: string }) => entry.type)
    expect(types).toEqual([
      'update-available',
      'update-downloaded',
      'update-installing',
      'update-installed',
    ])
    expect(
      status.json.notifications.find(
        (entry: { target: string; type: string }) => entry.target === 'collector:c2',
      ).type,
    ).toBe('update-not-available')
    expect(status.json.notifications[0]).toMatchObject({
      target: expect.any(String),
      version: expect.any(String),
      at: expect.any(String),
    })
  })

  it('installs the collectors the app release requires first, each confirmed, then the app', async () => {
    const { state, work, installers } = await setUpAgent({ manual: true })
    await runAgent(state, ['check'])
    const download = await runAgent(state, ['download'])
    expect(download.json.targets.map((target: { target: string }) => target.target)).toEqual([
      'collector:c1',
      'app',
    ])
    const install = await runAgent(state, ['install', '--target', 'app'])
    expect(install.exitCode, install.stdout).toBe(0)
    expect(install.json.installed).toEqual(['collector:c1', 'app'])
    expect((await readInstallLog(installers.app.log)).map((run) => run.version)).toEqual(['7.3.0'])
    expect(await readInstallLog(installers.c2.log)).toEqual([])
    expect(install.json.targets.map((target: { version: string }) => target.version)).toEqual([
      '7.3.0',
      '7.3.0',
      '7.3.0',
    ])
    expect(work).toBeTruthy()
  })

  it('stops the app update when a collector fails: the error names the collector and the app is not touched', async () => {
    const { state, installers } = await setUpAgent({ manual: true })
    await runAgent(state, ['check'])
    await runAgent(state, ['download'])
    writeFileSync(installers.c1.failFlag, '')
    const install = await runAgent(state, ['install'])
    expect(install.exitCode).toBe(1)
    expect(install.json).toMatchObject({
      code: 'COLLECTOR_INSTALL_FAILED',
      collector: 'collector:c1',
      cause: 'INSTALLER_FAILED',
    })
    expect(install.json.message).toContain('c1')
    expect(await readInstallLog(installers.app.log)).toEqual([])
    const status = await runAgent(state, ['status'])
    expect(stateOf(status, 'app')).toMatchObject({ version: '7.2.0', state: 'downloaded' })
    expect(stateOf(status, 'collector:c1')).toMatchObject({
      version: '7.2.0',
      state: 'error',
      lastGoodState: 'downloaded',
      error: { phase: 'install', code: 'INSTALLER_FAILED', retryable: false },
    })
  })

  it('refuses to install an app whose required collector has no update to satisfy it', async () => {
    const { state } = await setUpAgent({ manual: true })
    await runAgent(state, ['check'])
    await runAgent(state, ['download', '--target', 'app'])
    await runAgent(state, [
      'collector',
      'add',
      '--id',
      'c1',
      '--version',
      '7.2.0',
      '--platform',
      'linux-arm64',
      '--installer-command',
      'true',
    ])
    const install = await runAgent(state, ['install', '--target', 'app'])
    expect(install).toMatchObject({
      exitCode: 2,
      json: {
        code: 'COLLECTOR_REQUIRED',
        collectors: [{ target: 'collector:c1', version: '7.2.0', requires: 'collector >=7.3.0' }],
      },
    })
  })

  it('runs check → download → install by itself with the default settings (the daemon cycle), collectors first', async () => {
    const { state, installers } = await setUpAgent()
    await runAgent(state, ['check'])
    // download + install without --target is what auto mode runs after a check
    await runAgent(state, ['download'])
    const install = await runAgent(state, ['install'])
    expect(install.json.installed).toEqual(['collector:c1', 'app'])
    expect((await readInstallLog(installers.c1.log)).length).toBe(1)
  })
})
