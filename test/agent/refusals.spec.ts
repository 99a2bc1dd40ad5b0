import { writeFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { signJws } from '../../plugins/signing'
import { SignedKind } from '../../src/lib/protocol'
import { extractManifestJws } from '../../src/sdk'
import { createSigningKey, sign, withEditedPayload } from '../sdk/signingFixtures'
import { runAgent } from './agentCli'
import { startInterceptingProxy } from './interceptingProxy'
import { agentFolders, readInstallLog, recordingInstaller, startHub, type Hub } from './hubFixtures'

let hub: Hub
let proxy: Awaited<ReturnType<typeof startInterceptingProxy>>

beforeAll(async () => {
  hub = await startHub()
  proxy = await startInterceptingProxy(hub.api.url)
  await hub.ship(hub.promonitor, '7.3.0')
})

afterAll(async () => {
  await proxy?.close()
  await hub?.close()
})

beforeEach(() => {
  proxy.intercept = {}
})

/** A manual-mode agent for ProMonitor 7.2.0 talking to the hub through the proxy. */
const setUpAgent = async (version = '7.2.0') => {
  const { state, work } = agentFolders()
  const installer = recordingInstaller(work, 'app')
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
    version,
    '--installer-command',
    installer.command,
    '--license-key',
    hub.appKey,
  ])
  await runAgent(state, ['settings', '--auto-download', 'off', '--auto-install', 'off'])
  return { state, work, installer }
}

/** The hub's real manifest payload, re-signed by the hub's own key after `edit`. */
const resigned = (edit: (payload: Record<string, any>) => void) => async (text: string) => {
  const [, payloadPart] = extractManifestJws(text).split('.')
  const payload = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8'))
  edit(payload)
  return JSON.stringify({ signed: await signJws(hub.payload, SignedKind.manifest, payload) })
}

const expectCheckRefused = async (state: string, code: string) => {
  const check = await runAgent(state, ['check'])
  expect(check.exitCode, check.stdout).toBe(2)
  expect(check.json.code).toBe(code)
  expect(check.json.targets[0]).toMatchObject({
    target: 'app',
    state: 'error',
    lastGoodState: 'idle',
    error: { phase: 'check', code, retryable: false },
  })
  return check
}

describe('refusals', () => {
  it('refuses a forged manifest (payload edited under the genuine signature, or signed by an unknown key)', async () => {
    const { state } = await setUpAgent()
    proxy.intercept.manifest = (text) =>
      JSON.stringify({
        signed: withEditedPayload(
          extractManifestJws(text),
          (payload) => ((payload.releases as Array<{ version: string }>)[0].version = '9.9.9'),
        ),
      })
    await expectCheckRefused(state, 'BAD_SIGNATURE')
    const stranger = await createSigningKey('stranger')
    proxy.intercept.manifest = async (text) =>
      JSON.stringify({
        signed: await sign(
          stranger,
          SignedKind.manifest,
          JSON.parse(Buffer.from(extractManifestJws(text).split('.')[1], 'base64url').toString()),
        ),
      })
    await expectCheckRefused(state, 'UNKNOWN_KEY')
  })

  it('refuses an expired manifest (a replay to freeze updates)', async () => {
    const { state } = await setUpAgent()
    proxy.intercept.manifest = resigned(
      (payload) => (payload.expiresAt = new Date(Date.now() - 60_000).toISOString()),
    )
    await expectCheckRefused(state, 'MANIFEST_EXPIRED')
  })

  it('refuses a manifest older than one already seen (rollback), and falls back to the last good state', async () => {
    const { state } = await setUpAgent()
    proxy.intercept.manifest = resigned((payload) => (payload.sequence += 100))
    expect((await runAgent(state, ['check'])).json.targets[0].state).toBe('available')
    proxy.intercept.manifest = resigned((payload) => (payload.sequence += 50))
    const check = await runAgent(state, ['check'])
    expect(check).toMatchObject({
      exitCode: 2,
      json: {
        code: 'SEQUENCE_ROLLBACK',
        targets: [{ state: 'error', lastGoodState: 'available' }],
      },
    })
  })

  it('refuses a genuine manifest of another platform or product (mix-and-match)', async () => {
    const { state } = await setUpAgent()
    proxy.intercept.manifest = async (_text, url) => {
      url.searchParams.set('platform', 'windows-x64')
      return (await fetch(new URL(url.pathname + url.search, hub.api.url))).text()
    }
    await expectCheckRefused(state, 'MANIFEST_MISMATCH')
  })

  it('refuses tampered bytes: the download fails verification, nothing reaches the installer, the part is dropped', async () => {
    const { state, installer } = await setUpAgent()
    await runAgent(state, ['check'])
    proxy.intercept.fileBytes = (bytes) => {
      const copy = Buffer.from(bytes)
      copy[copy.length - 10] ^= 0xff
      return copy
    }
    const download = await runAgent(state, ['download'])
    expect(download).toMatchObject({ exitCode: 2, json: { code: 'ARTIFACT_HASH_MISMATCH' } })
    const status = await runAgent(state, ['status'])
    expect(status.json.targets[0]).toMatchObject({
      state: 'error',
      lastGoodState: 'available',
      error: { phase: 'download', code: 'ARTIFACT_HASH_MISMATCH', retryable: true },
    })
    expect(await runAgent(state, ['install'])).toMatchObject({
      exitCode: 2,
      json: { code: 'NOTHING_TO_INSTALL' },
    })
    expect(await readInstallLog(installer.log)).toEqual([])
    proxy.intercept = {}
    expect((await runAgent(state, ['download'])).json.targets[0].state).toBe('downloaded')
  })

  it('refuses a downgrade, unless the signed manifest points back to it', async () => {
    const { state } = await setUpAgent('7.4.0')
    expect((await runAgent(state, ['check'])).json.targets[0].state).toBe('up-to-date')
    proxy.intercept.manifest = resigned((payload) =>
      payload.pulled.push({ version: '7.4.0', rollbackTo: '7.3.0' }),
    )
    const check = await runAgent(state, ['check'])
    expect(check.json.targets[0]).toMatchObject({
      state: 'available',
      available: { version: '7.3.0', rollback: true },
    })
    expect((await runAgent(state, ['download'])).exitCode).toBe(0)
    expect(await runAgent(state, ['install'])).toMatchObject({
      exitCode: 0,
      json: { installed: ['app'] },
    })
  })
})

describe('offline packages', () => {
  const fetchBundle = async (version: string) => {
    const response = await fetch(
      `${hub.api.url}/api/v1/updates/offline-bundle?product=promonitor&line=v7&version=${version}&platform=linux-x64`,
      { headers: { authorization: `License ${hub.appKey}` } },
    )
    expect(response.status).toBe(200)
    return Buffer.from(await response.arrayBuffer())
  }

  it('installs a verified offline bundle, and refuses one signed by an unknown key or for an older version', async () => {
    const { state, work, installer } = await setUpAgent()
    await runAgent(state, ['settings', '--auto-install', 'on'])
    const bundle = await fetchBundle('7.3.0')
    const file = path.join(work, 'promonitor-7.3.0.bundle')
    writeFileSync(file, bundle)

    const stranger = await createSigningKey('stranger')
    const [magic, jws] = bundle.toString('latin1').split('\n')
    const forged = Buffer.concat([
      Buffer.from(
        `${magic}\n${await sign(stranger, SignedKind.manifest, JSON.parse(Buffer.from(jws.split('.')[1], 'base64url').toString()))}\n`,
        'latin1',
      ),
      bundle.subarray(magic.length + jws.length + 2),
    ])
    writeFileSync(path.join(work, 'forged.bundle'), forged)
    expect(
      await runAgent(state, ['install-package', path.join(work, 'forged.bundle')]),
    ).toMatchObject({ exitCode: 2, json: { code: 'UNKNOWN_KEY' } })

    const install = await runAgent(state, ['install-package', file])
    expect(install.exitCode, install.stdout).toBe(0)
    expect(install.json).toMatchObject({
      staged: ['app'],
      installed: ['app'],
      targets: [{ target: 'app', version: '7.3.0', state: 'installed' }],
    })
    expect((await readInstallLog(installer.log)).map((run) => run.version)).toEqual(['7.3.0'])
    expect(await runAgent(state, ['install-package', file])).toMatchObject({
      exitCode: 2,
      json: { code: 'ALREADY_INSTALLED' },
    })
  })
})
