import { beforeAll, describe, expect, it } from 'vitest'
import { isInRollout } from '../../src/lib/rollout'
import { SignedKind } from '../../src/lib/protocol'
import { checkForUpdate } from '../../src/sdk/updates/checkForUpdate'
import type { UpdateManifest } from '../../src/sdk/updates/types'
import { installedV7, installIdWhere, manifest, now, release } from './manifestFixtures'
import {
  createSigningKey,
  sign,
  trustOnly,
  withEditedPayload,
  type SigningKey,
} from './signingFixtures'

let key: SigningKey
let strangerKey: SigningKey

beforeAll(async () => {
  key = await createSigningKey('k1')
  strangerKey = await createSigningKey('stranger')
})

const anyInstall = 'install-any'

function signManifest(
  payload: UpdateManifest | Record<string, unknown>,
  signer = key,
  typ: string = SignedKind.manifest,
) {
  return sign(signer, typ, payload)
}

/** The HTTP body the server answers: the signed JWS plus an unsigned copy of the payload. */
async function httpBody(payload: UpdateManifest): Promise<string> {
  return JSON.stringify({ signed: await signManifest(payload), ...payload })
}

function check(manifestText: string, options: Partial<Parameters<typeof checkForUpdate>[0]> = {}) {
  return checkForUpdate({
    manifestText,
    trust: trustOnly(key),
    current: installedV7,
    installId: anyInstall,
    now,
    ...options,
  })
}

describe('checkForUpdate decisions', () => {
  it('offers the newest release to an install inside its rollout', async () => {
    const decision = await check(await httpBody(manifest()))
    expect(decision).toMatchObject({
      action: 'update',
      release: { version: '7.4.0' },
      critical: false,
      automatic: true,
      sequence: 12,
    })
  })

  it('accepts the bare JWS as well as the HTTP body', async () => {
    const decision = await check(await signManifest(manifest()))
    expect(decision).toMatchObject({ action: 'update', release: { version: '7.4.0' } })
  })

  it('answers up-to-date to an install on the newest release', async () => {
    const decision = await check(await httpBody(manifest()), {
      current: { ...installedV7, version: '7.4.0' },
    })
    expect(decision).toEqual({ action: 'up-to-date', sequence: 12 })
  })

  it('uses only the signed manifest, never the unsigned copy in the HTTP body', async () => {
    const signedPart = manifest({ releases: [release('7.2.0')] })
    const body = JSON.stringify({
      ...signedPart,
      signed: await signManifest(signedPart),
      releases: [release('9.9.9')],
    })
    expect(await check(body)).toEqual({ action: 'up-to-date', sequence: 12 })
  })

  it('gives an install outside the newest release rollout the previous release it is in', async () => {
    const installId = installIdWhere(
      (id) => !isInRollout(id, '7.4.0', 30) && isInRollout(id, '7.3.0', 100),
    )
    const payload = manifest({
      releases: [release('7.4.0', { rolloutPercent: 30 }), release('7.3.0')],
    })
    const decision = await check(await httpBody(payload), { installId })
    expect(decision).toMatchObject({ action: 'update', release: { version: '7.3.0' } })
  })

  it('answers up-to-date to an install outside every rollout', async () => {
    const installId = installIdWhere(
      (id) => !isInRollout(id, '7.4.0', 20) && !isInRollout(id, '7.3.0', 20),
    )
    const payload = manifest({
      releases: [
        release('7.4.0', { rolloutPercent: 20 }),
        release('7.3.0', { rolloutPercent: 20 }),
      ],
    })
    expect(await check(await httpBody(payload), { installId })).toEqual({
      action: 'up-to-date',
      sequence: 12,
    })
  })

  it('points an install of a pulled release back to the release named by the pull', async () => {
    const payload = manifest({
      sequence: 13,
      releases: [release('7.3.0')],
      pulled: [{ version: '7.4.0', rollbackTo: '7.3.0' }],
    })
    const decision = await check(await httpBody(payload), {
      current: { ...installedV7, version: '7.4.0' },
    })
    expect(decision).toMatchObject({
      action: 'rollback',
      rollbackTo: '7.3.0',
      release: { version: '7.3.0' },
      sequence: 13,
    })
  })

  it('never offers a pulled release as an update', async () => {
    const payload = manifest({
      releases: [release('7.4.0'), release('7.3.0')],
      pulled: [{ version: '7.4.0', rollbackTo: '7.3.0' }],
    })
    expect(await check(await httpBody(payload))).toMatchObject({
      action: 'update',
      release: { version: '7.3.0' },
    })
  })

  it('marks an update not automatic when the install is older than its minimumUpgradeFrom', async () => {
    const payload = manifest({ releases: [release('7.4.0', { minimumUpgradeFrom: '7.3.0' })] })
    expect(await check(await httpBody(payload))).toMatchObject({
      action: 'update',
      automatic: false,
    })
  })

  it('marks an update automatic when the install is at its minimumUpgradeFrom', async () => {
    const payload = manifest({ releases: [release('7.4.0', { minimumUpgradeFrom: '7.2.0' })] })
    expect(await check(await httpBody(payload))).toMatchObject({
      action: 'update',
      automatic: true,
    })
  })

  it('marks an update critical when a release it includes is critical', async () => {
    const payload = manifest({ releases: [release('7.4.0'), release('7.3.0', { critical: true })] })
    expect(await check(await httpBody(payload))).toMatchObject({
      release: { version: '7.4.0' },
      critical: true,
    })
  })

  it('never offers a downgrade, whatever the order of the releases', async () => {
    const payload = manifest({ releases: [release('7.1.0'), release('7.3.0'), release('6.9.0')] })
    expect(await check(await httpBody(payload))).toMatchObject({
      action: 'update',
      release: { version: '7.3.0' },
    })
    const older = manifest({ releases: [release('7.1.0')] })
    expect(await check(await httpBody(older))).toEqual({ action: 'up-to-date', sequence: 12 })
  })

  it('accepts a manifest with the sequence it saw last', async () => {
    expect(await check(await httpBody(manifest()), { lastSeenSequence: 12 })).toMatchObject({
      action: 'update',
    })
  })
})

describe('checkForUpdate refusals', () => {
  it('refuses a manifest whose releases were edited after signing with BAD_SIGNATURE', async () => {
    const edited = withEditedPayload(await signManifest(manifest()), (payload) => {
      ;(payload.releases as Array<{ artifact: { url: string } }>)[0].artifact.url =
        'https://evil.test/x'
    })
    await expect(check(edited)).rejects.toMatchObject({ code: 'BAD_SIGNATURE' })
  })

  it('refuses a manifest signed by an unknown key with UNKNOWN_KEY', async () => {
    await expect(check(await signManifest(manifest(), strangerKey))).rejects.toMatchObject({
      code: 'UNKNOWN_KEY',
    })
  })

  it('refuses another kind of signed object with WRONG_KIND', async () => {
    await expect(
      check(await signManifest(manifest(), key, SignedKind.license)),
    ).rejects.toMatchObject({ code: 'WRONG_KIND' })
  })

  it('refuses an expired manifest (freeze attack) with MANIFEST_EXPIRED', async () => {
    const stale = manifest({ expiresAt: '2025-03-10T12:00:00.000Z' })
    await expect(check(await httpBody(stale))).rejects.toMatchObject({ code: 'MANIFEST_EXPIRED' })
  })

  it('refuses a manifest older than the last one seen (rollback attack) with SEQUENCE_ROLLBACK', async () => {
    await expect(
      check(await httpBody(manifest({ sequence: 11 })), { lastSeenSequence: 12 }),
    ).rejects.toMatchObject({
      code: 'SEQUENCE_ROLLBACK',
    })
  })

  it.each([
    ['product', { product: 'collector' }],
    ['line', { line: 'V6' }],
    ['platform', { platform: 'windows-x64' }],
    ['channel', { channel: 'beta' }],
  ])(
    'refuses a manifest for another %s (mix-and-match) with MANIFEST_MISMATCH',
    async (_field, overrides) => {
      await expect(check(await httpBody(manifest(overrides)))).rejects.toMatchObject({
        code: 'MANIFEST_MISMATCH',
      })
    },
  )

  it('refuses a signed manifest with a release that has no artifact digest with MALFORMED', async () => {
    const payload = manifest()
    const broken = {
      ...payload,
      releases: [{ ...payload.releases[0], artifact: { id: 'a', url: 'u', size: 1 } }],
    }
    await expect(check(await signManifest(broken))).rejects.toMatchObject({ code: 'MALFORMED' })
  })

  it('refuses a response body without a signed manifest with MALFORMED', async () => {
    await expect(check(JSON.stringify(manifest()))).rejects.toMatchObject({ code: 'MALFORMED' })
  })
})
