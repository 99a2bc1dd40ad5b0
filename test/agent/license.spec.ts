import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { armorLicenseFile } from '../../src/lib/protocol'
import { addDays } from '../../src/lib/time'
import { runAgent } from './agentCli'
import {
  fileClaims,
  initLicensedAgent,
  offlineServer,
  setAgentServer,
  signedFile,
  startLicenseHub,
  stateFolderText,
  strangerFile,
  tamperedFile,
  type LicenseHub,
} from './licenseFixtures'

let hub: LicenseHub

beforeAll(async () => {
  hub = await startLicenseHub()
})
afterAll(async () => {
  await hub?.close()
})

/** An agent activated with a new license of `terms`; returns its folder and the license. */
const activated = async (terms: Parameters<LicenseHub['license']>[0] = {}) => {
  const agent = await initLicensedAgent(hub)
  const license = await hub.license(terms)
  const answer = await runAgent(agent.state, ['license', 'activate', '--key', license.key!])
  return { ...agent, license, answer }
}

describe('license states from the real server', () => {
  it('is unlicensed before anything: status says so (exit 0), check refuses with UNLICENSED (exit 2)', async () => {
    const { state } = await initLicensedAgent(hub)
    const status = await runAgent(state, ['license', 'status'])
    expect(status.exitCode).toBe(0)
    expect(status.json).toMatchObject({ state: 'unlicensed', license: null, daysLeft: null })
    const check = await runAgent(state, ['license', 'check'])
    expect(check.exitCode).toBe(2)
    expect(check.json).toMatchObject({ code: 'UNLICENSED', state: 'unlicensed' })
  })

  it('activates a key: valid, days left, modules and seats from the verified file; the key never in clear on disk', async () => {
    const { state, fingerprint, license, answer } = await activated()
    expect(answer.exitCode, answer.stdout).toBe(0)
    expect(answer.json).toMatchObject({
      state: 'valid',
      code: 'VALID',
      fingerprint,
      daysLeft: 100,
      license: {
        licenseId: String(license.id),
        product: 'promonitor',
        line: 'v7',
        type: 'subscription',
        modules: ['reporting', 'sla'],
        maxClients: 2,
        fingerprint,
      },
      lastCheckAt: expect.any(String),
    })
    expect(answer.json.notifications).toEqual([
      expect.objectContaining({ type: 'license-changed', from: 'unlicensed', to: 'valid' }),
    ])
    const activations = await hub.payload.find({
      collection: 'activations',
      where: { fingerprint: { equals: fingerprint } },
    })
    expect(activations.totalDocs).toBe(1)
    expect(stateFolderText(state)).not.toContain(license.key)

    const check = await runAgent(state, ['license', 'check'])
    expect(check.exitCode).toBe(0)
    expect(check.json).toMatchObject({ state: 'valid', daysLeft: 100 })
  })

  it('refuses an activation past the seats (TOO_MANY_CLIENTS, exit 2) and keeps the state it had', async () => {
    const license = await hub.license({ maxClients: 1 })
    const first = await initLicensedAgent(hub)
    expect(
      (await runAgent(first.state, ['license', 'activate', '--key', license.key!])).exitCode,
    ).toBe(0)
    const second = await initLicensedAgent(hub)
    const refused = await runAgent(second.state, ['license', 'activate', '--key', license.key!])
    expect(refused.exitCode).toBe(2)
    expect(refused.json.code).toBe('TOO_MANY_CLIENTS')
    expect((await runAgent(second.state, ['license', 'status'])).json.state).toBe('unlicensed')
  })

  it('is trial for a trial, expiring with 30 days or fewer left', async () => {
    const trial = await activated({
      type: 'trial',
      expiresAt: addDays(new Date(), 14).toISOString(),
    })
    expect(trial.answer.json).toMatchObject({ state: 'trial', daysLeft: 14 })
    const expiring = await activated({ expiresAt: addDays(new Date(), 10).toISOString() })
    expect(expiring.answer.json).toMatchObject({ state: 'expiring', daysLeft: 10 })
    expect(expiring.answer.json.notifications).toContainEqual(
      expect.objectContaining({ type: 'license-expiring', daysLeft: 10 }),
    )
  })

  it('follows the server: suspended, expired, no-credit, invalid (each exit 2 with its code), valid again', async () => {
    const { state, license } = await activated({ type: 'on-usage', credits: 5 })
    const update = (data: Record<string, unknown>) =>
      hub.payload.update({ collection: 'licenses', id: license.id, data })
    const check = () => runAgent(state, ['license', 'check'])

    await update({ status: 'suspended' })
    expect((await check()).json).toMatchObject({ state: 'suspended', code: 'SUSPENDED' })
    await update({ status: 'active', credits: 0 })
    const noCredit = await check()
    expect(noCredit.exitCode).toBe(2)
    expect(noCredit.json).toMatchObject({ state: 'no-credit', code: 'NO_CREDIT', credits: 0 })
    await update({ credits: 50 })
    expect((await check()).json).toMatchObject({ state: 'valid', credits: 50 })
    await update({ expiresAt: addDays(new Date(), -1).toISOString() })
    const expired = await check()
    expect(expired.exitCode).toBe(2)
    expect(expired.json).toMatchObject({ state: 'expired', code: 'EXPIRED' })
    await hub.payload.delete({ collection: 'licenses', id: license.id })
    const gone = await check()
    expect(gone.exitCode).toBe(2)
    expect(gone.json).toMatchObject({ state: 'invalid', code: 'NOT_FOUND' })

    const { notifications } = (await runAgent(state, ['license', 'status'])).json
    expect(
      notifications
        .filter((notification: { type: string }) => notification.type === 'license-changed')
        .map(
          (notification: { from: string; to: string }) => `${notification.from}>${notification.to}`,
        ),
    ).toEqual([
      'unlicensed>valid',
      'valid>suspended',
      'suspended>no-credit',
      'no-credit>valid',
      'valid>expired',
      'expired>invalid',
    ])
    expect(notifications).toContainEqual(expect.objectContaining({ type: 'license-expired' }))
    expect(notifications).toContainEqual(
      expect.objectContaining({ type: 'credit-exhausted', credits: 0 }),
    )
  })

  it('falls back to grace offline while the license file holds, and is valid again online', async () => {
    const { state } = await activated()
    setAgentServer(state, offlineServer)
    const offline = await runAgent(state, ['license', 'check'])
    expect(offline.exitCode, offline.stdout).toBe(0)
    expect(offline.json).toMatchObject({ state: 'grace', code: 'NETWORK', daysLeft: 100 })
    setAgentServer(state, hub.api.url)
    expect((await runAgent(state, ['license', 'check'])).json.state).toBe('valid')
  })

  it('deactivates: the seat is free on the server and the agent is unlicensed', async () => {
    const { state, fingerprint, license } = await activated()
    const answer = await runAgent(state, ['license', 'deactivate'])
    expect(answer.exitCode, answer.stdout).toBe(0)
    expect(answer.json).toMatchObject({ state: 'unlicensed', code: 'DEACTIVATED', license: null })
    const activations = await hub.payload.find({
      collection: 'activations',
      where: { fingerprint: { equals: fingerprint }, license: { equals: license.id } },
    })
    expect(activations.totalDocs).toBe(0)
  })
})

describe('license load-file (the offline textbox)', () => {
  it('loads an armoured file from standard input and a bare one from a file', async () => {
    const { state, fingerprint } = await initLicensedAgent(hub)
    const jws = await signedFile(hub.payload, fileClaims(fingerprint))
    const file = path.join(state, '..', `license-${Date.now()}.txt`)
    writeFileSync(file, jws)
    const bare = await runAgent(state, ['license', 'load-file', file])
    expect(bare.exitCode, bare.stdout).toBe(0)
    expect(bare.json).toMatchObject({
      state: 'valid',
      daysLeft: 365,
      license: { licenseId: '9001' },
    })
    expect(stateFolderText(state)).not.toContain('PMON-OFFLINE-KEY-0001')

    const other = await initLicensedAgent(hub)
    const armoured = armorLicenseFile(
      await signedFile(hub.payload, fileClaims(other.fingerprint, { type: 'trial' })),
    )
    const { execFileSync } = await import('node:child_process')
    const { agentCliFile } = await import('./agentCli')
    const output = execFileSync(
      process.execPath,
      [await agentCliFile(), '--state', other.state, '--json', 'license', 'load-file', '-'],
      { input: armoured },
    )
    expect(JSON.parse(output.toString())).toMatchObject({ state: 'trial' })
  })

  it('refuses each bad file with its code (exit 2) and changes nothing', async () => {
    const { state, fingerprint } = await initLicensedAgent(hub)
    const now = new Date()
    const seconds = Math.floor(now.getTime() / 1000)
    const good = fileClaims(fingerprint)
    const cases: Array<[string, string]> = [
      ['MALFORMED', 'not a license file at all'],
      ['BAD_SIGNATURE', tamperedFile(await signedFile(hub.payload, good))],
      ['UNKNOWN_KEY', strangerFile(good)],
      ['FINGERPRINT_MISMATCH', await signedFile(hub.payload, fileClaims('another-machine'))],
      ['FINGERPRINT_MISMATCH', await signedFile(hub.payload, fileClaims(null))],
      [
        'PRODUCT_MISMATCH',
        await signedFile(hub.payload, fileClaims(fingerprint, { product: 'collector' })),
      ],
      ['LINE_MISMATCH', await signedFile(hub.payload, fileClaims(fingerprint, { line: 'v6' }))],
      [
        'FILE_EXPIRED',
        await signedFile(hub.payload, fileClaims(fingerprint, { exp: seconds - 60 })),
      ],
      [
        'EXPIRED',
        await signedFile(
          hub.payload,
          fileClaims(fingerprint, { expiresAt: addDays(now, -1).toISOString() }),
        ),
      ],
      [
        'NOT_STARTED',
        await signedFile(
          hub.payload,
          fileClaims(fingerprint, { startsAt: addDays(now, 3).toISOString() }),
        ),
      ],
      [
        'ISSUED_IN_FUTURE',
        await signedFile(hub.payload, fileClaims(fingerprint, { iat: seconds + 3600 })),
      ],
    ]
    for (const [code, text] of cases) {
      const file = path.join(state, '..', `refused-${code}-${Date.now()}.lic`)
      writeFileSync(file, text)
      const answer = await runAgent(state, ['license', 'load-file', file])
      expect({ code: answer.json.code, exitCode: answer.exitCode }, text).toEqual({
        code,
        exitCode: 2,
      })
    }
    const status = await runAgent(state, ['license', 'status'])
    expect(status.json).toMatchObject({ state: 'unlicensed', license: null })
    expect(readFileSync(path.join(state, 'state.json'), 'utf8')).not.toContain('sealed.v1')
  })
})
