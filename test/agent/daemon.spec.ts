import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { runAgent } from './agentCli'
import { collectEvents, startDaemonProcess, type RunningDaemon } from './daemonHarness'
import {
  agentFolders,
  readInstallLog,
  recordingInstaller,
  startHub,
  type Hub,
  initAppArgs,
} from './hubFixtures'

let hub: Hub
let daemon: RunningDaemon | undefined

beforeAll(async () => {
  hub = await startHub()
  await hub.ship(hub.promonitor, '7.3.0', {
    requires: [{ product: 'collector', range: '>=7.3.0' }],
  } as never)
  await hub.ship(hub.collector, '7.3.0')
})

afterEach(async () => {
  await daemon?.stop()
  daemon = undefined
})

afterAll(async () => {
  await hub?.close()
})

const setUpAgent = async ({ manual }: { manual: boolean }) => {
  const { state, work } = agentFolders()
  const app = recordingInstaller(work, 'app')
  const c1 = recordingInstaller(work, 'c1')
  await runAgent(state, initAppArgs(hub, app.command))
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
    c1.command,
    '--license-key',
    hub.collectorKey,
  ])
  if (manual) await runAgent(state, ['settings', '--auto-download', 'off', '--auto-install', 'off'])
  return { state, installers: { app, c1 } }
}

const call = (
  method: string,
  route: string,
  { token, body, host }: { token?: string; body?: unknown; host?: string } = {},
) =>
  fetch(`${daemon!.url}${route}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(host ? { host } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

describe('daemon', () => {
  it('listens on 127.0.0.1 and answers only with the token from daemon.token (0600)', async () => {
    const { state } = await setUpAgent({ manual: true })
    daemon = await startDaemonProcess(state)
    expect(new URL(daemon.url).hostname).toBe('127.0.0.1')
    expect(statSync(path.join(state, 'daemon.token')).mode & 0o777).toBe(0o600)
    for (const [method, route] of [
      ['GET', '/status'],
      ['POST', '/check'],
      ['GET', '/'],
      ['GET', '/events'],
      ['PUT', '/settings'],
    ] as const) {
      const answer = await call(method, route)
      expect([route, answer.status, (await answer.json()).code]).toEqual([
        route,
        401,
        'UNAUTHORIZED',
      ])
    }
    expect((await call('GET', '/status', { token: 'wrong' })).status).toBe(401)
    expect((await call('GET', '/status', { token: daemon.token })).status).toBe(200)
    expect(
      (await fetch(`${daemon.url}/?token=${daemon.token}`)).headers.get('content-type'),
    ).toContain('text/html')
  })

  it('mirrors the commands: PUT /settings, POST /check, /download, /install, GET /status; bad input is 400 with a code', async () => {
    const { state, installers } = await setUpAgent({ manual: false })
    await runAgent(state, ['settings', '--auto-download', 'off', '--auto-install', 'off'])
    daemon = await startDaemonProcess(state)
    const token = daemon.token
    expect(
      await (await call('PUT', '/settings', { token, body: { checkIntervalHours: 0 } })).json(),
    ).toMatchObject({ code: 'BAD_REQUEST' })
    const settings = await call('PUT', '/settings', { token, body: { checkIntervalHours: 12 } })
    expect(await settings.json()).toEqual({
      settings: {
        autoDownload: false,
        autoInstall: false,
        checkIntervalHours: 12,
        channel: 'stable',
      },
    })

    const check = await (await call('POST', '/check', { token })).json()
    expect(check.targets.map((target: { state: string }) => target.state)).toEqual([
      'available',
      'available',
    ])
    expect((await call('POST', '/download', { token, body: { target: 42 } })).status).toBe(400)
    const download = await (await call('POST', '/download', { token, body: {} })).json()
    expect(
      download.targets.map((target: { target: string; state: string }) => [
        target.target,
        target.state,
      ]),
    ).toEqual([
      ['collector:c1', 'downloaded'],
      ['app', 'downloaded'],
    ])
    const install = await (
      await call('POST', '/install', { token, body: { target: 'app' } })
    ).json()
    expect(install.installed).toEqual(['collector:c1', 'app'])
    const status = await (await call('GET', '/status', { token })).json()
    expect(status.targets.map((target: { version: string }) => target.version)).toEqual([
      '7.3.0',
      '7.3.0',
    ])
    expect((await call('POST', '/install', { token, body: {} })).status).toBe(409)
    expect(await readInstallLog(installers.c1.log)).toHaveLength(1)
  })

  it('runs the first regular check at start and, with the defaults, downloads and installs by itself, streaming events', async () => {
    const { state, installers } = await setUpAgent({ manual: false })
    // Settings untouched: auto-download and auto-install on. A fresh state folder is due for a
    // check.
    const started = startDaemonProcess(state)
    daemon = await started
    const events = await collectEvents(daemon.url, daemon.token, (seen) =>
      seen.some(
        (event) =>
          event.event === 'notification' &&
          event.data.notification.type === 'update-installed' &&
          event.data.notification.target === 'app',
      ),
    )
    const notifications = events
      .filter((event) => event.event === 'notification')
      .map((event) => `${event.data.notification.type} ${event.data.notification.target}`)
    expect(notifications).toEqual(
      expect.arrayContaining([
        'update-downloaded collector:c1',
        'update-downloaded app',
        'update-installing collector:c1',
        'update-installed collector:c1',
        'update-installing app',
        'update-installed app',
      ]),
    )
    expect(notifications.indexOf('update-installed collector:c1')).toBeLessThan(
      notifications.indexOf('update-installing app'),
    )
    expect(
      events.some((event) => event.event === 'state' && event.data.state.state === 'installing'),
    ).toBe(true)
    expect((await readInstallLog(installers.app.log)).map((run) => run.version)).toEqual(['7.3.0'])
    expect(JSON.parse(readFileSync(path.join(state, 'state.json'), 'utf8')).lastCheckAt).toEqual(
      expect.any(String),
    )
  })
})
