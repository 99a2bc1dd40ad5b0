import type { ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { License } from '../../payload-types'
import { relayHeaders, sealLeaseFile, unsealLeaseFile } from '../../src/agent/relay/pairing'
import { createCustomerAccount, createRelease } from '../helpers/fixtures'
import { makeTempDir } from '../helpers/tempDir'
import { runAgent, spawnAgent } from './agentCli'
import { tarGzPackage, uploadPackage } from './hubFixtures'
import { startDaemonProcess } from './daemonHarness'
import {
  fileClaims,
  initLicensedAgent,
  offlineServer,
  setAgentServer,
  signedFile,
  startLicenseHub,
  stateFolderText,
  tamperedFile,
  type LicenseHub,
} from './licenseFixtures'

let hub: LicenseHub
let license: License
let master: { state: string; fingerprint: string }
let secret: string
const leaseTtl = 12

/** `hub-agent relay --port 0` on the master's state folder; resolves once it printed its URL. */
const startRelayProcess = async (state: string, port = 0) => {
  const child: ChildProcess = await spawnAgent(state, [
    'relay',
    '--port',
    String(port),
    '--lease-ttl',
    String(leaseTtl),
  ])
  const firstLine = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout!.on('data', (chunk) => {
      output += chunk
      if (output.includes('\n')) resolve(output.split('\n')[0])
    })
    child.once('exit', (code) => reject(new Error(`relay exited with ${code}: ${output}`)))
  })
  const { relayUrl } = JSON.parse(firstLine)
  return {
    url: String(relayUrl),
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
    },
  }
}

let relay: Awaited<ReturnType<typeof startRelayProcess>>

type Exchange = {
  method: string
  path: string
  headers: Record<string, string>
  body: string
  status: number
  answer: string
}

/** A LAN eavesdropper between the nodes and the relay: passes every byte on and keeps a copy. */
const startTap = async (upstream: () => string) => {
  const seen: Exchange[] = []
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const headers: Record<string, string> = {}
      for (const [name, value] of Object.entries(incoming.headers))
        if (name.startsWith('x-relay-') || name === 'content-type') headers[name] = String(value)
      const method = String(incoming.method)
      void fetch(new URL(String(incoming.url), upstream()), {
        method,
        headers,
        ...(body ? { body } : {}),
      }).then(async (response) => {
        const answer = await response.text()
        seen.push({
          method,
          path: String(incoming.url),
          headers,
          body,
          status: response.status,
          answer,
        })
        outgoing.writeHead(response.status, { 'content-type': 'application/json' })
        outgoing.end(answer)
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A slave set up with `init --master URL --pairing-secret S` (the keys from the master). */
const initNode = async ({
  product = 'promonitor',
  line = 'v7',
  pairingSecret = secret,
  masterUrl = relay.url,
  trust,
}: {
  product?: string
  line?: string
  pairingSecret?: string
  masterUrl?: string
  trust?: string
} = {}) => {
  const state = makeTempDir('hub-agent-node-')
  const init = await runAgent(state, [
    'init',
    '--master',
    masterUrl,
    '--pairing-secret',
    pairingSecret,
    '--product',
    product,
    '--line',
    line,
    '--platform',
    'linux-x64',
    '--version',
    '7.2.0',
    '--install-root',
    path.join(state, 'install'),
    ...(trust ? ['--trust', trust] : []),
  ])
  const status = await runAgent(state, ['license', 'status'])
  return { state, init, fingerprint: String(status.json.fingerprint) }
}

const activationsOf = async (fingerprint?: string, of: License = license) =>
  (
    await hub.payload.find({
      collection: 'activations',
      where: {
        license: { equals: of.id },
        ...(fingerprint ? { fingerprint: { equals: fingerprint } } : {}),
      },
      pagination: false,
    })
  ).docs

beforeAll(async () => {
  hub = await startLicenseHub()
  license = await hub.license({ maxClients: 3 })
  master = await initLicensedAgent(hub)
  expect(
    (await runAgent(master.state, ['license', 'activate', '--key', license.key!])).exitCode,
  ).toBe(0)
  const paired = await runAgent(master.state, ['relay', 'pair'])
  expect(paired.exitCode, paired.stdout).toBe(0)
  secret = paired.json.secret
  relay = await startRelayProcess(master.state)
})
afterAll(async () => {
  await relay?.stop()
  await hub?.close()
})

describe('master relay: leases of the master license seats', () => {
  it('leases seats up to the license client limit with server-signed files, 410 NO_SEAT past it, renews after a restart, frees expired seats', async () => {
    const health = await fetch(`${relay.url}/relay/v1/health`)
    expect(await health.json()).toMatchObject({ status: 'ok', licensed: true, leases: 0 })

    const first = await initNode()
    expect(first.init.exitCode, first.init.stdout).toBe(0)
    const leased = await runAgent(first.state, ['license', 'check'])
    expect(leased.exitCode, leased.stdout).toBe(0)
    expect(leased.json).toMatchObject({
      state: 'leased',
      fingerprint: first.fingerprint,
      license: { licenseId: String(license.id), fingerprint: first.fingerprint },
      lease: { ttlSeconds: leaseTtl },
    })
    expect(leased.json.notifications).toContainEqual(
      expect.objectContaining({ type: 'lease-acquired' }),
    )
    expect(await activationsOf(first.fingerprint)).toEqual([
      expect.objectContaining({ role: 'slave' }),
    ])

    const second = await initNode()
    expect((await runAgent(second.state, ['license', 'check'])).json.state).toBe('leased')
    const third = await initNode()
    const refused = await runAgent(third.state, ['license', 'check'])
    expect(refused.exitCode).toBe(2)
    expect(refused.json.code).toBe('NO_SEAT')
    expect(await activationsOf()).toHaveLength(3)

    // Restarted, the relay still holds both leases: a heartbeat renews without a new seat.
    await relay.stop()
    relay = await startRelayProcess(master.state, Number(new URL(relay.url).port))
    const health2 = await (await fetch(`${relay.url}/relay/v1/health`)).json()
    expect(health2.leases).toBe(2)
    const before = (await runAgent(first.state, ['license', 'status'])).json.lease.expiresAt
    const renewed = await runAgent(first.state, ['license', 'check'])
    expect(renewed.json, renewed.stdout).toMatchObject({ state: 'leased', code: 'VALID' })
    expect(Date.parse(renewed.json.lease.expiresAt)).toBeGreaterThan(Date.parse(before))
    expect(await activationsOf()).toHaveLength(3)

    // The second node stops renewing: its lease is culled and its seat freed on the server.
    await expect
      .poll(async () => (await activationsOf(second.fingerprint)).length, { timeout: 40_000 })
      .toBe(0)
    const afterExpiry = await runAgent(third.state, ['license', 'check'])
    expect(afterExpiry.exitCode, afterExpiry.stdout).toBe(0)
    expect(afterExpiry.json.state).toBe('leased')

    // Giving the lease back frees the seat at once.
    const released = await runAgent(third.state, ['license', 'deactivate'])
    expect(released.exitCode, released.stdout).toBe(0)
    expect(released.json.state).toBe('unlicensed')
    expect(await activationsOf(third.fingerprint)).toHaveLength(0)
  })

  it('refuses an unpaired node (401 UNAUTHORIZED) and a product line the master license does not cover (409 NOT_COVERED)', async () => {
    const stranger = await initNode({ pairingSecret: 'not-the-pairing-secret' })
    expect(stranger.init.exitCode).toBe(2)
    expect(stranger.init.json.code).toBe('UNAUTHORIZED')
    const unsigned = await fetch(`${relay.url}/relay/v1/nodes/someone`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ product: 'promonitor', line: 'v7' }),
    })
    expect(unsigned.status).toBe(401)
    const signedDelete = (now: Date) =>
      fetch(`${relay.url}/relay/v1/nodes/nobody`, {
        method: 'DELETE',
        headers: relayHeaders(
          secret,
          { method: 'DELETE', path: '/relay/v1/nodes/nobody', body: '' },
          now,
        ),
      })
    // Signed with the secret: heard (no such lease). The same signature ten minutes old: refused.
    expect((await signedDelete(new Date())).status).toBe(404)
    expect((await signedDelete(new Date(Date.now() - 10 * 60_000))).status).toBe(401)

    const v6 = await initNode({ line: 'v6' })
    expect(v6.init.exitCode, v6.init.stdout).toBe(0)
    const refused = await runAgent(v6.state, ['license', 'check'])
    expect(refused.exitCode).toBe(2)
    expect(refused.json).toMatchObject({ code: 'NOT_COVERED', state: 'invalid' })
    // What needs the server itself is done on the master.
    const activate = await runAgent(v6.state, ['license', 'activate', '--key', license.key!])
    expect(activate.exitCode).toBe(2)
    expect(activate.json.code).toBe('LICENSED_BY_MASTER')
    const use = await runAgent(v6.state, ['license', 'usage', '--quantity', '1'])
    expect(use.json.code).toBe('LICENSED_BY_MASTER')
  })

  it('seals the lease answer for the paired node: an eavesdropper sees neither the license file nor the key, and another secret or fingerprint cannot open it', async () => {
    const tap = await startTap(() => relay.url)
    try {
      const node = await initNode({ masterUrl: tap.url })
      expect(node.init.exitCode, node.init.stdout).toBe(0)
      const leased = await runAgent(node.state, ['license', 'check'])
      expect(leased.exitCode, leased.stdout).toBe(0)
      expect(leased.json).toMatchObject({
        state: 'leased',
        license: { fingerprint: node.fingerprint },
      })

      const lease = tap.seen.find((exchange) => exchange.method === 'PUT')!
      expect(lease.status).toBe(201)
      expect(lease.answer).not.toContain(license.key!)
      const answer = JSON.parse(lease.answer)
      expect(answer).toMatchObject({ lease: { ttlSeconds: leaseTtl } })
      expect(answer.licenseFile).toBeUndefined()
      // No compact JWS (the license file) anywhere in the answer, nor the key's base64url form.
      expect(lease.answer).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/)
      expect(lease.answer).not.toContain(Buffer.from(license.key!).toString('base64url'))

      // The paired node opens it (and gets the server-signed file bound to it) ...
      const file = unsealLeaseFile(secret, node.fingerprint, answer.sealedLicenseFile)
      expect(file.split('.')).toHaveLength(3)
      expect(Buffer.from(file.split('.')[1], 'base64url').toString('utf8')).toContain(license.key!)
      // ... another secret, or the same secret for another fingerprint, cannot.
      for (const [otherSecret, otherFingerprint] of [
        ['not-the-pairing-secret', node.fingerprint],
        [secret, `${node.fingerprint}x`],
      ])
        expect(() =>
          unsealLeaseFile(otherSecret, otherFingerprint, answer.sealedLicenseFile),
        ).toThrow(expect.objectContaining({ code: 'LEASE_UNSEALABLE' }))
      expect((await runAgent(node.state, ['license', 'deactivate'])).exitCode).toBe(0)
    } finally {
      await tap.close()
    }
  })

  it('refuses a captured signed request replayed within the time window (401 REPLAYED), while the node goes on', async () => {
    const tap = await startTap(() => relay.url)
    const replay = ({ method, path: requestPath, headers, body }: Exchange) =>
      fetch(`${relay.url}${requestPath}`, { method, headers, ...(body ? { body } : {}) })
    try {
      const node = await initNode({ masterUrl: tap.url })
      expect((await runAgent(node.state, ['license', 'check'])).json.state).toBe('leased')
      const lease = tap.seen.find((exchange) => exchange.method === 'PUT')!
      expect(lease.status).toBe(201)
      const replayed = await replay(lease)
      expect(replayed.status).toBe(401)
      expect(await replayed.json()).toMatchObject({ code: 'REPLAYED' })

      // The node's own next request is signed anew: heard.
      const renewed = await runAgent(node.state, ['license', 'check'])
      expect(renewed.json, renewed.stdout).toMatchObject({ state: 'leased', code: 'VALID' })
      expect(tap.seen.filter((exchange) => exchange.method === 'PUT').map((e) => e.status)).toEqual(
        [201, 202],
      )

      // Giving the lease back cannot be replayed either (a second node could not be freed by it).
      expect((await runAgent(node.state, ['license', 'deactivate'])).exitCode).toBe(0)
      const release = tap.seen.find((exchange) => exchange.method === 'DELETE')!
      expect(release.status).toBe(204)
      const again = await replay(release)
      expect(again.status).toBe(401)
      expect(await again.json()).toMatchObject({ code: 'REPLAYED' })
      expect(await activationsOf(node.fingerprint)).toHaveLength(0)
    } finally {
      await tap.close()
    }
  })

  it('refuses a license file the master tampered with (the node trusts only the vendor keys)', async () => {
    const keys = await (await fetch(`${hub.api.url}/api/v1/keys`)).json()
    const trust = path.join(makeTempDir('hub-trust-'), 'keys.json')
    writeFileSync(trust, JSON.stringify(keys))
    let fingerprint = ''
    const forger = createServer((request, response) => {
      fingerprint = decodeURIComponent(String(request.url).split('/').pop() ?? '')
      void signedFile(hub.payload, fileClaims(fingerprint)).then((file) => {
        response.writeHead(201, { 'content-type': 'application/json' })
        // The master holds the pairing secret, so it can seal what it forged.
        response.end(
          JSON.stringify({
            sealedLicenseFile: sealLeaseFile(secret, fingerprint, tamperedFile(file)),
            lease: { expiresAt: new Date(Date.now() + 60_000).toISOString(), ttlSeconds: 60 },
          }),
        )
      })
    })
    await new Promise<void>((resolve) => forger.listen(0, '127.0.0.1', resolve))
    try {
      const node = await initNode({
        masterUrl: `http://127.0.0.1:${(forger.address() as AddressInfo).port}`,
        trust,
      })
      expect(node.init.exitCode, node.init.stdout).toBe(0)
      const refused = await runAgent(node.state, ['license', 'check'])
      expect(refused.exitCode).toBe(2)
      expect(refused.json).toMatchObject({ code: 'BAD_SIGNATURE', state: 'invalid', license: null })
      expect(fingerprint).toBe(node.fingerprint)
    } finally {
      forger.closeAllConnections()
      await new Promise<void>((resolve) => forger.close(() => resolve()))
    }
  })

  it("renews the lease from the node's daemon at half its time to live; a master offline refuses new seats (MASTER_OFFLINE) and renews with the files it holds", async () => {
    const node = await initNode()
    const daemon = await startDaemonProcess(node.state)
    const leaseOf = async () => (await runAgent(node.state, ['license', 'status'])).json
    try {
      await expect.poll(async () => (await leaseOf()).state, { timeout: 20_000 }).toBe('leased')
      const first = (await leaseOf()).lease.expiresAt
      await expect
        .poll(async () => (await leaseOf()).lease?.expiresAt, { timeout: 20_000 })
        .not.toBe(first)

      setAgentServer(master.state, offlineServer)
      const newcomer = await initNode()
      const refused = await runAgent(newcomer.state, ['license', 'check'])
      expect(refused.exitCode).toBe(2)
      expect(refused.json.code).toBe('MASTER_OFFLINE')
      const held = (await leaseOf()).lease.expiresAt
      await expect
        .poll(async () => (await leaseOf()).lease?.expiresAt, { timeout: 20_000 })
        .not.toBe(held)
      expect((await leaseOf()).state).toBe('leased')
    } finally {
      setAgentServer(master.state, hub.api.url)
      await daemon.stop()
    }
  })

  it("lends collectors seats of the company's collector license the master loaded after its login (relay load-license); 409 NOT_COVERED before and for what no license covers", async () => {
    const collectorLicense = await hub.license({
      product: hub.collector.id,
      line: 'v7',
      maxClients: 1,
      modules: [],
    })
    const apiKey = 'relay-master-api-key-0001'
    await createCustomerAccount(hub.payload, 'ops@acme.example', [hub.acme.id], apiKey)

    const collector = await initNode({ product: 'collector' })
    expect(collector.init.exitCode, collector.init.stdout).toBe(0)
    const before = await runAgent(collector.state, ['license', 'check'])
    expect(before.exitCode).toBe(2)
    expect(before.json).toMatchObject({ code: 'NOT_COVERED', state: 'invalid' })

    // Without a login (or --api-key) the master cannot load it.
    const noLogin = await runAgent(master.state, [
      'relay',
      'load-license',
      '--product',
      'collector',
    ])
    expect(noLogin.exitCode).toBe(2)
    expect(noLogin.json.code).toBe('LOGIN_REQUIRED')
    expect((await runAgent(master.state, ['license', 'login', '--api-key', apiKey])).exitCode).toBe(
      0,
    )
    const loaded = await runAgent(master.state, [
      'relay',
      'load-license',
      '--product',
      'collector',
      '--line',
      'v7',
    ])
    expect(loaded.exitCode, loaded.stdout).toBe(0)
    expect(loaded.json.nodeLicense).toMatchObject({
      licenseId: String(collectorLicense.id),
      product: 'collector',
      line: 'v7',
    })
    // Kept sealed like the master's own key; no seat taken by loading it.
    expect(stateFolderText(master.state)).not.toContain(collectorLicense.key!)
    expect(stateFolderText(master.state)).not.toContain(apiKey)
    expect(await activationsOf(undefined, collectorLicense)).toHaveLength(0)

    const leased = await runAgent(collector.state, ['license', 'check'])
    expect(leased.exitCode, leased.stdout).toBe(0)
    expect(leased.json).toMatchObject({
      state: 'leased',
      license: {
        licenseId: String(collectorLicense.id),
        product: 'collector',
        fingerprint: collector.fingerprint,
      },
    })
    expect(await activationsOf(collector.fingerprint, collectorLicense)).toEqual([
      expect.objectContaining({ role: 'collector' }),
    ])
    expect(await activationsOf(collector.fingerprint)).toHaveLength(0)

    // The collector license's one seat is taken: the next collector gets 410.
    const second = await initNode({ product: 'collector' })
    const full = await runAgent(second.state, ['license', 'check'])
    expect(full.exitCode).toBe(2)
    expect(full.json.code).toBe('NO_SEAT')
    // A line no license of the company covers stays 409.
    const v6Collector = await initNode({ product: 'collector', line: 'v6' })
    const uncovered = await runAgent(v6Collector.state, ['license', 'check'])
    expect(uncovered.json.code).toBe('NOT_COVERED')

    // Giving the lease back frees the seat on the collector license.
    expect((await runAgent(collector.state, ['license', 'deactivate'])).exitCode).toBe(0)
    expect(await activationsOf(collector.fingerprint, collectorLicense)).toHaveLength(0)
    expect((await runAgent(second.state, ['license', 'check'])).json.state).toBe('leased')
    expect((await runAgent(second.state, ['license', 'deactivate'])).exitCode).toBe(0)
  })

  it("forwards a node's update checks to the server verbatim (manifest, keys) for paired nodes only; the node verifies them itself", async () => {
    const release = await createRelease(hub.payload, { product: hub.promonitor, version: '7.3.0' })
    await uploadPackage(
      hub.payload,
      release,
      'linux-x64',
      await tarGzPackage('promonitor', '7.3.0'),
    )
    const tap = await startTap(() => relay.url)
    try {
      const node = await initNode({ masterUrl: tap.url })
      expect(node.init.exitCode, node.init.stdout).toBe(0)
      const check = await runAgent(node.state, ['check'])
      expect(check.exitCode, check.stdout).toBe(0)
      expect(check.json.targets).toEqual([
        expect.objectContaining({
          target: 'app',
          version: '7.2.0',
          state: 'available',
          available: expect.objectContaining({ version: '7.3.0' }),
        }),
      ])
      // What the node got through the relay is the server's own answer, byte for byte.
      const manifest = tap.seen.find((exchange) =>
        exchange.path.startsWith('/api/v1/updates/manifest'),
      )!
      expect(manifest.status).toBe(200)
      expect(manifest.headers['x-relay-signature']).toBeTruthy()
      const direct = await fetch(new URL(manifest.path, hub.api.url))
      expect(JSON.parse(manifest.answer)).toEqual(JSON.parse(await direct.text()))
      expect(tap.seen.map((exchange) => exchange.path)).toContain('/api/v1/keys')

      // A stranger on the LAN gets nothing through the relay.
      const unsigned = await fetch(`${relay.url}${manifest.path}`)
      expect(unsigned.status).toBe(401)
    } finally {
      await tap.close()
    }
  })
})
