import { existsSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { runAgent, spawnAgent } from './agentCli'
import { startInterceptingProxy } from './interceptingProxy'
import { agentFolders, startHub, type Hub } from './hubFixtures'

let hub: Hub
let proxy: Awaited<ReturnType<typeof startInterceptingProxy>>

beforeAll(async () => {
  hub = await startHub()
  proxy = await startInterceptingProxy(hub.api.url)
  // About 1.5 MB of incompressible bytes: on the proxy's slow line that takes a couple of seconds.
  await hub.ship(hub.promonitor, '7.3.0', {}, 1_500_000)
})

afterAll(async () => {
  await proxy?.close()
  await hub?.close()
})

/**
 * A manual-mode agent for ProMonitor 7.2.0 installed with the directory installer under
 * `<work>/app`.
 */
const setUpDirectoryAgent = async () => {
  const { state, work } = agentFolders()
  const root = path.join(work, 'app')
  await runAgent(state, [
    'init',
    '--server',
    proxy.url,
    '--product',
    'promonitor',
    '--line',
    'v7',
    '--platform',
    'linux-x64',
    '--version',
    '7.2.0',
    '--install-root',
    root,
    '--license-key',
    hub.appKey,
  ])
  await runAgent(state, ['settings', '--auto-download', 'off', '--auto-install', 'off'])
  return { state, root }
}

describe('directory installer', () => {
  it('extracts the verified .tar.gz into <root>/<version>/ and switches current; launch --version confirms it', async () => {
    const { state, root } = await setUpDirectoryAgent()
    await runAgent(state, ['check'])
    await runAgent(state, ['download'])
    const install = await runAgent(state, ['install'])
    expect(install.exitCode, install.stdout).toBe(0)
    expect(readlinkSync(path.join(root, 'current'))).toBe('7.3.0')
    expect(readFileSync(path.join(root, 'current', 'VERSION'), 'utf8')).toBe('promonitor 7.3.0\n')
    expect(statSync(path.join(root, 'current', 'bin', 'promonitor')).mode & 0o111).not.toBe(0)
    expect(install.json.targets[0]).toMatchObject({ version: '7.3.0', state: 'installed' })

    const launch = await runAgent(state, ['launch', '--version', '7.3.0'])
    expect(launch).toMatchObject({ exitCode: 0, json: { confirmed: '7.3.0', rolledBack: null } })
    expect(launch.json.targets[0].unconfirmed).toBeUndefined()
  })

  it('installs at the next launch when asked, verifying the package again first', async () => {
    const { state, root } = await setUpDirectoryAgent()
    await runAgent(state, ['check'])
    await runAgent(state, ['download'])
    const deferred = await runAgent(state, ['install', '--on-next-launch'])
    expect(deferred).toMatchObject({
      exitCode: 0,
      json: {
        installAt: 'next-launch',
        installed: [],
        targets: [{ state: 'downloaded', pending: { onNextLaunch: true } }],
      },
    })
    expect(existsSync(path.join(root, 'current'))).toBe(false)
    const launch = await runAgent(state, ['launch'])
    expect(launch).toMatchObject({
      exitCode: 0,
      json: { installed: ['app'], targets: [{ version: '7.3.0', state: 'installed' }] },
    })
    expect(readlinkSync(path.join(root, 'current'))).toBe('7.3.0')
  })

  it('rolls a version that never confirms itself back to the previous one at the third start', async () => {
    const { state, root } = await setUpDirectoryAgent()
    await runAgent(state, ['check'])
    await runAgent(state, ['download'])
    // The version installed before the agent's first install, for it to go back to.
    mkdirSync(path.join(root, '7.2.0'), { recursive: true })
    symlinkSync('7.2.0', path.join(root, 'current'))
    expect((await runAgent(state, ['install'])).json.targets[0].unconfirmed).toEqual({
      version: '7.3.0',
      previousVersion: '7.2.0',
      startsWithoutConfirmation: 0,
    })
    expect(
      (await runAgent(state, ['launch'])).json.targets[0].unconfirmed.startsWithoutConfirmation,
    ).toBe(1)
    expect(
      (await runAgent(state, ['launch'])).json.targets[0].unconfirmed.startsWithoutConfirmation,
    ).toBe(2)
    const third = await runAgent(state, ['launch'])
    expect(third.json).toMatchObject({
      rolledBack: '7.3.0',
      targets: [
        { version: '7.2.0', state: 'error', error: { phase: 'launch', code: 'ROLLED_BACK' } },
      ],
    })
    expect(readlinkSync(path.join(root, 'current'))).toBe('7.2.0')
    const status = await runAgent(state, ['status'])
    expect(status.json.notifications.at(-1)).toMatchObject({
      type: 'error',
      code: 'ROLLED_BACK',
      target: 'app',
      version: '7.3.0',
    })
  })
})

describe('download', () => {
  it('resumes with Range after the download is killed, and verifies the whole file', async () => {
    const { state } = await setUpDirectoryAgent()
    await runAgent(state, ['check'])
    proxy.intercept = { slowFiles: true }
    proxy.fileRequests.length = 0
    const child = await spawnAgent(state, ['download'])
    const part = path.join(state, 'downloads', 'app-7.3.0.part')
    const deadline = Date.now() + 60_000
    while (!(existsSync(part) && statSync(part).size > 200_000) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50))
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    const cutAt = statSync(part).size
    expect(cutAt).toBeGreaterThan(0)
    const afterKill = JSON.parse(readFileSync(path.join(state, 'state.json'), 'utf8'))
    expect(afterKill.targets.app.state).toBe('downloading')

    proxy.intercept = {}
    const resumed = await runAgent(state, ['download'])
    expect(resumed.exitCode, resumed.stdout).toBe(0)
    expect(resumed.json.targets[0]).toMatchObject({
      state: 'downloaded',
      resumedFrom: cutAt,
      pending: { verified: true },
    })
    expect(proxy.fileRequests.at(-1)).toEqual({ range: `bytes=${cutAt}-` })
    expect(existsSync(part)).toBe(false)
  })
})
