import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SignedKind } from '../../src/lib/protocol'
import {
  offlineBundleMagicLine,
  parseOfflineBundleHeader,
  verifyOfflineBundle,
} from '../../src/sdk/updates/offlineBundle'
import { manifest, release } from './manifestFixtures'
import { createSigningKey, sha256Hex, sign, trustOnly, type SigningKey } from './signingFixtures'

const artifact = randomBytes(50_000)
let key: SigningKey
let folder: string

beforeAll(async () => {
  key = await createSigningKey('k1')
  folder = await mkdtemp(join(tmpdir(), 'offline-bundle-'))
})

afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

function bundleRelease(bytes: Uint8Array = artifact) {
  return release('7.4.0', {
    artifact: { id: 'a1', url: 'offline', sha256: sha256Hex(bytes), size: bytes.byteLength },
  })
}

async function bundle(
  payloadOverrides: Record<string, unknown> = {},
  bytes: Uint8Array = artifact,
): Promise<Buffer> {
  const payload = {
    ...manifest({ releases: [bundleRelease()] }),
    offline: true,
    ...payloadOverrides,
  }
  const jws = await sign(key, SignedKind.manifest, payload)
  return Buffer.concat([Buffer.from(`${offlineBundleMagicLine}${jws}\n`, 'latin1'), bytes])
}

async function onDisk(bytes: Uint8Array): Promise<string> {
  const path = join(folder, `${Math.random().toString(36).slice(2)}.bundle`)
  await writeFile(path, bytes)
  return path
}

describe('offline bundles', () => {
  it('verifies a bundle given as bytes and says where its artifact is', async () => {
    const bytes = await bundle()
    const result = await verifyOfflineBundle(bytes, trustOnly(key))
    expect(result.release.version).toBe('7.4.0')
    expect(result.manifest.offline).toBe(true)
    expect(result.artifactSize).toBe(artifact.byteLength)
    expect(bytes.subarray(result.artifactOffset).equals(artifact)).toBe(true)
  })

  it('verifies a bundle given as a file path', async () => {
    const path = await onDisk(await bundle())
    await expect(verifyOfflineBundle(path, trustOnly(key))).resolves.toMatchObject({
      artifactSize: artifact.byteLength,
    })
  })

  it('accepts a bundle whose manifest has expired, for sites that cannot fetch a fresh one', async () => {
    const bytes = await bundle({ expiresAt: '2020-01-01T00:00:00.000Z' })
    await expect(verifyOfflineBundle(bytes, trustOnly(key))).resolves.toMatchObject({
      release: { version: '7.4.0' },
    })
  })

  it('reads the manifest line and the artifact offset from the header', async () => {
    const bytes = await bundle()
    const { jws, artifactOffset } = parseOfflineBundleHeader(bytes)
    expect(jws.split('.')).toHaveLength(3)
    expect(artifactOffset).toBe(bytes.byteLength - artifact.byteLength)
  })

  it('refuses a bundle file with one changed artifact byte with ARTIFACT_HASH_MISMATCH', async () => {
    const tampered = await bundle()
    tampered[tampered.byteLength - 100] ^= 0xff
    await expect(verifyOfflineBundle(await onDisk(tampered), trustOnly(key))).rejects.toMatchObject(
      {
        code: 'ARTIFACT_HASH_MISMATCH',
      },
    )
  })

  it('refuses bundle bytes with one changed artifact byte with ARTIFACT_HASH_MISMATCH', async () => {
    const tampered = await bundle()
    tampered[tampered.byteLength - 1] ^= 0x01
    await expect(verifyOfflineBundle(tampered, trustOnly(key))).rejects.toMatchObject({
      code: 'ARTIFACT_HASH_MISMATCH',
    })
  })

  it('refuses a bundle with bytes appended with ARTIFACT_SIZE_MISMATCH', async () => {
    const longer = Buffer.concat([await bundle(), Buffer.from('x')])
    await expect(verifyOfflineBundle(await onDisk(longer), trustOnly(key))).rejects.toMatchObject({
      code: 'ARTIFACT_SIZE_MISMATCH',
    })
  })

  it('refuses a truncated bundle with ARTIFACT_SIZE_MISMATCH', async () => {
    const truncated = (await bundle()).subarray(0, -10)
    await expect(verifyOfflineBundle(truncated, trustOnly(key))).rejects.toMatchObject({
      code: 'ARTIFACT_SIZE_MISMATCH',
    })
  })

  it('refuses a bundle whose manifest was changed with BAD_SIGNATURE', async () => {
    const tampered = await bundle()
    const signatureStart = tampered.indexOf(0x0a, offlineBundleMagicLine.length) - 20
    tampered[signatureStart] = tampered[signatureStart] === 0x41 ? 0x42 : 0x41
    await expect(verifyOfflineBundle(tampered, trustOnly(key))).rejects.toMatchObject({
      code: 'BAD_SIGNATURE',
    })
  })

  it('refuses a file without the magic line with BUNDLE_INVALID', async () => {
    const bytes = (await bundle()).subarray(offlineBundleMagicLine.length)
    await expect(verifyOfflineBundle(bytes, trustOnly(key))).rejects.toMatchObject({
      code: 'BUNDLE_INVALID',
    })
  })

  it('refuses a bundle of a later format version with BUNDLE_INVALID', async () => {
    const bytes = Buffer.from(await bundle())
    bytes.write('2', offlineBundleMagicLine.length - 2, 'latin1')
    await expect(verifyOfflineBundle(bytes, trustOnly(key))).rejects.toMatchObject({
      code: 'BUNDLE_INVALID',
    })
  })

  it('refuses a bundle whose manifest is not marked offline with BUNDLE_INVALID', async () => {
    await expect(
      verifyOfflineBundle(await bundle({ offline: false }), trustOnly(key)),
    ).rejects.toMatchObject({
      code: 'BUNDLE_INVALID',
    })
  })

  it('refuses a bundle whose manifest holds more than one release with BUNDLE_INVALID', async () => {
    const bytes = await bundle({ releases: [bundleRelease(), release('7.3.0')] })
    await expect(verifyOfflineBundle(bytes, trustOnly(key))).rejects.toMatchObject({
      code: 'BUNDLE_INVALID',
    })
  })

  it('refuses a bundle whose manifest line never ends with BUNDLE_INVALID', async () => {
    const bytes = Buffer.from(`${offlineBundleMagicLine}eyJhbGciOiJFZERTQSJ9`, 'latin1')
    await expect(verifyOfflineBundle(bytes, trustOnly(key))).rejects.toMatchObject({
      code: 'BUNDLE_INVALID',
    })
  })

  it('refuses a bundle signed as another kind with WRONG_KIND', async () => {
    const payload = { ...manifest({ releases: [bundleRelease()] }), offline: true }
    const jws = await sign(key, SignedKind.license, payload)
    const bytes = Buffer.concat([
      Buffer.from(`${offlineBundleMagicLine}${jws}\n`, 'latin1'),
      artifact,
    ])
    await expect(verifyOfflineBundle(bytes, trustOnly(key))).rejects.toMatchObject({
      code: 'WRONG_KIND',
    })
  })
})
