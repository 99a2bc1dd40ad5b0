import { writeFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { Artifact, Customer, License, Product, Release } from '../../payload-types'
import { issueDownloadToken, pullRelease } from '../../plugins/updates'
import { addDays } from '../../src/lib/time'
import {
  assertManifestIsFor,
  verifyArtifact,
  verifyOfflineBundle,
  type TrustStore,
} from '../../src/sdk'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import {
  clearReleases,
  createCustomer,
  createLicense,
  createProduct,
  createRelease,
  installerBytes,
  sha256Hex,
  trustServerKeys,
  uploadArtifact,
} from '../helpers/fixtures'
import { httpClient, type HttpClient } from '../helpers/httpClient'
import { refusalOf } from '../helpers/refusalOf'
import { startApiHost } from '../helpers/startApiHost'
import { makeTempDir } from '../helpers/tempDir'
import { withEditedPayload } from '../sdk/signingFixtures'

let booted: TestPayload
let payload: Payload
let api: HttpClient
let trust: TrustStore
let promonitor: Product
let collector: Product
let acme: Customer
let globex: Customer
let license: License
let release: Release
let artifact: Artifact
const bytes = installerBytes(200 * 1024 + 17)

const withLicense = (key: string | null | undefined) => ({ Authorization: `License ${key}` })

/** Bytes as they arrive over a network, chunk by chunk. */
async function* arriving(...chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* chunks
}

/**
 * Follows the download flow like an app: the 302 from the licensed endpoint, then the file link.
 */
const downloadLink = async (artifactId: number | string, headers: Record<string, string>) => {
  const answer = await api.get(`/api/v1/downloads/${artifactId}`, headers)
  expect(answer.status, answer.bytes.toString()).toBe(302)
  return answer.headers.get('location')!
}

beforeAll(async () => {
  booted = await bootPayload()
  payload = booted.payload
  const host = await startApiHost(booted)
  api = httpClient(host.url, host.close)
  trust = await trustServerKeys(payload)
  promonitor = await createProduct(payload, 'promonitor')
  collector = await createProduct(payload, 'collector')
  acme = await createCustomer(payload, 'Acme Industrial')
  globex = await createCustomer(payload, 'Globex')
  await payload.create({
    collection: 'customer-users',
    data: { email: 'ops@acme.test', password: 'acme-password-1', customers: [acme.id] },
  })
  await payload.create({
    collection: 'customer-users',
    data: { email: 'it@globex.test', password: 'globex-password-1', customers: [globex.id] },
  })
})

afterAll(async () => {
  await api?.close()
  await booted?.shutdown()
})

beforeEach(async () => {
  await clearReleases(payload)
  await payload.delete({ collection: 'licenses', where: { id: { exists: true } } })
  license = await createLicense(payload, { customer: acme, product: promonitor })
  release = await createRelease(payload, {
    product: promonitor,
    version: '7.3.0',
    releasedAt: addDays(new Date(), -10).toISOString(),
  })
  artifact = await uploadArtifact(payload, release, 'linux-x64', bytes)
})

describe('download link', () => {
  it('refuses a request without credentials or with an unknown key (401)', async () => {
    for (const headers of [
      {},
      withLicense('not-a-key'),
      withLicense('PMON-7QK2M-0ZC9D-H4TXV-N8R1B-6JWEA-K'),
      { Authorization: 'Bearer x' },
    ]) {
      const answer = await api.get(`/api/v1/downloads/${artifact.id}`, headers)
      expect([answer.status, answer.json().code], JSON.stringify(headers)).toEqual([
        401,
        'UNAUTHORIZED',
      ])
    }
  })

  it('redirects a licensed app to a short-lived link serving the file with its checksum', async () => {
    const answer = await api.get(`/api/v1/downloads/${artifact.id}`, withLicense(license.key))
    expect(answer.status).toBe(302)
    const location = answer.headers.get('location')!
    expect(location).toMatch(new RegExp(`^/api/v1/downloads/${artifact.id}/file\\?token=`))
    const { url, expiresAt } = answer.json()
    expect(url).toBe(location)
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(10 * 60 * 1000)
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now())

    const file = await api.get(location)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-length')).toBe(String(bytes.length))
    expect(file.headers.get('accept-ranges')).toBe('bytes')
    expect(file.headers.get('x-checksum-sha256')).toBe(sha256Hex(bytes))
    expect(file.headers.get('etag')).toBe(`"${sha256Hex(bytes)}"`)
    expect(file.headers.get('content-disposition')).toMatch(
      /^attachment; filename="7\.3\.0-linux-x64-[0-9a-f]+\.bin"/,
    )
    expect(file.bytes.equals(bytes)).toBe(true)
    await expect(
      verifyArtifact(arriving(file.bytes), { sha256: artifact.sha256!, size: artifact.size! }),
    ).resolves.toEqual({ bytes: bytes.length })
  })

  it('accepts the key as typed (lower case, spaces)', async () => {
    const typed = String(license.key).toLowerCase().replace(/-/g, ' ')
    expect((await api.get(`/api/v1/downloads/${artifact.id}`, withLicense(typed))).status).toBe(302)
  })

  it('lets a logged-in account of a licensed company download, not one of another company', async () => {
    const acmeLogin = await payload.login({
      collection: 'customer-users',
      data: { email: 'ops@acme.test', password: 'acme-password-1' },
    })
    const location = await downloadLink(artifact.id, { Authorization: `JWT ${acmeLogin.token}` })
    expect((await api.get(location)).bytes.equals(bytes)).toBe(true)

    const globexLogin = await payload.login({
      collection: 'customer-users',
      data: { email: 'it@globex.test', password: 'globex-password-1' },
    })
    const refused = await api.get(`/api/v1/downloads/${artifact.id}`, {
      Authorization: `JWT ${globexLogin.token}`,
    })
    expect([refused.status, refused.json().code]).toEqual([403, 'NOT_ENTITLED'])
  })

  it('refuses a license of another product (NOT_ENTITLED) and a suspended one (SUSPENDED)', async () => {
    const collectorLicense = await createLicense(payload, { customer: acme, product: collector })
    const other = await api.get(
      `/api/v1/downloads/${artifact.id}`,
      withLicense(collectorLicense.key),
    )
    expect([other.status, other.json().code]).toEqual([403, 'NOT_ENTITLED'])

    await payload.update({ collection: 'licenses', id: license.id, data: { status: 'suspended' } })
    const suspended = await api.get(`/api/v1/downloads/${artifact.id}`, withLicense(license.key))
    expect([suspended.status, suspended.json().code]).toEqual([403, 'SUSPENDED'])
  })

  it('lets an expired subscription download releases published before its expiry only (EXPIRED)', async () => {
    const expired = await createLicense(payload, {
      customer: globex,
      product: promonitor,
      startsAt: addDays(new Date(), -400).toISOString(),
      expiresAt: addDays(new Date(), -5).toISOString(),
    })
    expect(
      (await api.get(`/api/v1/downloads/${artifact.id}`, withLicense(expired.key))).status,
    ).toBe(302)

    const newer = await createRelease(payload, {
      product: promonitor,
      version: '7.4.0',
      releasedAt: addDays(new Date(), -1).toISOString(),
    })
    const newerArtifact = await uploadArtifact(payload, newer, 'linux-x64')
    const refused = await api.get(`/api/v1/downloads/${newerArtifact.id}`, withLicense(expired.key))
    expect([refused.status, refused.json().code]).toEqual([403, 'EXPIRED'])
    expect(
      (await api.get(`/api/v1/downloads/${newerArtifact.id}`, withLicense(license.key))).status,
    ).toBe(302)
  })

  it('answers 404 for an unknown artifact or one of an unpublished release, 410 for a pulled release', async () => {
    for (const id of ['999999', 'abc', '0']) {
      const answer = await api.get(`/api/v1/downloads/${id}`, withLicense(license.key))
      expect([answer.status, answer.json().code], id).toEqual([404, 'NOT_FOUND'])
    }
    const draft = await createRelease(payload, {
      product: promonitor,
      version: '7.5.0',
      status: 'draft',
    })
    const draftArtifact = await uploadArtifact(payload, draft, 'linux-x64')
    expect(
      (await api.get(`/api/v1/downloads/${draftArtifact.id}`, withLicense(license.key))).status,
    ).toBe(404)

    const pulled = await createRelease(payload, { product: promonitor, version: '7.4.0' })
    const pulledArtifact = await uploadArtifact(payload, pulled, 'linux-x64')
    await pullRelease(payload, { releaseId: pulled.id })
    const answer = await api.get(`/api/v1/downloads/${pulledArtifact.id}`, withLicense(license.key))
    expect([answer.status, answer.json().code]).toEqual([410, 'RELEASE_PULLED'])
  })
})

describe('download token', () => {
  it('refuses an expired token (TOKEN_EXPIRED)', async () => {
    const { token } = await issueDownloadToken(payload, artifact.id, {
      seconds: 300,
      now: new Date(Date.now() - 6 * 60 * 1000),
    })
    const answer = await api.get(`/api/v1/downloads/${artifact.id}/file?token=${token}`)
    expect([answer.status, answer.json().code]).toEqual([403, 'TOKEN_EXPIRED'])
  })

  it('refuses a token for another artifact, an edited one and a made-up one (TOKEN_INVALID), and a missing one (400)', async () => {
    const other = await uploadArtifact(payload, release, 'windows-x64')
    const location = await downloadLink(other.id, withLicense(license.key))
    const token = new URL(location, 'http://x').searchParams.get('token')!
    const edited = withEditedPayload(token, (claims) => {
      claims.sub = String(artifact.id)
    })
    for (const candidate of [token, edited, 'abc.def.ghi', 'nonsense']) {
      const answer = await api.get(
        `/api/v1/downloads/${artifact.id}/file?token=${encodeURIComponent(candidate)}`,
      )
      expect([answer.status, answer.json().code], candidate).toEqual([403, 'TOKEN_INVALID'])
    }
    const missing = await api.get(`/api/v1/downloads/${artifact.id}/file`)
    expect([missing.status, missing.json().code]).toEqual([400, 'BAD_REQUEST'])
  })
})

describe('resume', () => {
  it('serves byte ranges (206) that put together give the file and its sha256', async () => {
    const location = await downloadLink(artifact.id, withLicense(license.key))
    const split = 65_536
    const first = await api.get(location, { Range: `bytes=0-${split - 1}` })
    expect(first.status).toBe(206)
    expect(first.headers.get('content-range')).toBe(`bytes 0-${split - 1}/${bytes.length}`)
    expect(first.headers.get('content-length')).toBe(String(split))
    const rest = await api.get(location, {
      Range: `bytes=${split}-`,
      'If-Range': `"${sha256Hex(bytes)}"`,
    })
    expect(rest.status).toBe(206)
    expect(rest.headers.get('content-range')).toBe(
      `bytes ${split}-${bytes.length - 1}/${bytes.length}`,
    )
    const whole = Buffer.concat([first.bytes, rest.bytes])
    expect(whole.equals(bytes)).toBe(true)
    expect(sha256Hex(whole)).toBe(first.headers.get('x-checksum-sha256'))

    const stale = await api.get(location, {
      Range: `bytes=${split}-`,
      'If-Range': '"an-older-build"',
    })
    expect(stale.status).toBe(200)
    expect(stale.bytes.length).toBe(bytes.length)
  })

  it('answers 416 with the size for a range past the end', async () => {
    const location = await downloadLink(artifact.id, withLicense(license.key))
    const answer = await api.get(location, { Range: `bytes=${bytes.length}-` })
    expect(answer.status).toBe(416)
    expect(answer.headers.get('content-range')).toBe(`bytes */${bytes.length}`)
    expect(answer.json().code).toBe('RANGE_NOT_SATISFIABLE')
  })

  it('the SDK refuses downloaded bytes that differ from the manifest, or that go on past its size', async () => {
    const location = await downloadLink(artifact.id, withLicense(license.key))
    const file = await api.get(location)
    const changed = Buffer.from(file.bytes)
    changed[1000] ^= 0xff
    const expected = { sha256: artifact.sha256!, size: artifact.size! }
    expect(await refusalOf(verifyArtifact(arriving(changed), expected))).toBe(
      'ARTIFACT_HASH_MISMATCH',
    )
    expect(await refusalOf(verifyArtifact(arriving(file.bytes, Buffer.alloc(10)), expected))).toBe(
      'ARTIFACT_SIZE_MISMATCH',
    )
    expect(await refusalOf(verifyArtifact(arriving(file.bytes.subarray(0, 1000)), expected))).toBe(
      'ARTIFACT_SIZE_MISMATCH',
    )
  })
})

describe('offline bundle', () => {
  const bundlePath = (version = '7.3.0', platform = 'linux-x64') =>
    `/api/v1/updates/offline-bundle?product=promonitor&line=v7&version=${version}&platform=${platform}`

  const saveBundle = (content: Buffer): string => {
    const file = path.join(makeTempDir('hub-bundle-'), 'update.pmbundle')
    writeFileSync(file, content)
    return file
  }

  it('is one file the SDK verifies without network: a signed offline manifest of the release, then the artifact', async () => {
    const answer = await api.get(bundlePath(), withLicense(license.key))
    expect(answer.status, answer.bytes.toString().slice(0, 200)).toBe(200)
    expect(answer.headers.get('content-length')).toBe(String(answer.bytes.length))
    expect(answer.headers.get('content-disposition')).toMatch(
      /promonitor-v7-7\.3\.0-linux-x64\.pmbundle/,
    )

    const verified = await verifyOfflineBundle(saveBundle(answer.bytes), trust)
    expect(verified.manifest).toMatchObject({
      product: 'promonitor',
      line: 'v7',
      channel: 'stable',
      platform: 'linux-x64',
      offline: true,
      pulled: [],
    })
    expect(verified.release).toMatchObject({
      version: '7.3.0',
      artifact: { id: String(artifact.id), sha256: sha256Hex(bytes), size: bytes.length },
    })
    expect(answer.bytes.subarray(verified.artifactOffset).equals(bytes)).toBe(true)
    expect(() =>
      assertManifestIsFor(verified.manifest, {
        product: 'promonitor',
        line: 'v7',
        platform: 'linux-x64',
      }),
    ).not.toThrow()
    expect(() =>
      assertManifestIsFor(verified.manifest, {
        product: 'promonitor',
        line: 'v7',
        platform: 'windows-x64',
      }),
    ).toThrow()
    await expect(verifyOfflineBundle(new Uint8Array(answer.bytes), trust)).resolves.toMatchObject({
      release: { version: '7.3.0' },
    })
  })

  it('a tampered bundle is refused: changed artifact bytes, an edited manifest, extra or missing bytes', async () => {
    const { bytes: bundle } = await api.get(bundlePath(), withLicense(license.key))
    const { artifactOffset } = await verifyOfflineBundle(new Uint8Array(bundle), trust)

    const changedArtifact = Buffer.from(bundle)
    changedArtifact[artifactOffset + 5000] ^= 0x01
    expect(await refusalOf(verifyOfflineBundle(saveBundle(changedArtifact), trust))).toBe(
      'ARTIFACT_HASH_MISMATCH',
    )

    const [magic, jws] = bundle
      .subarray(0, artifactOffset - 1)
      .toString('latin1')
      .split('\n')
    const editedJws = withEditedPayload(jws, (manifest) => {
      ;(manifest.releases as Array<{ artifact: { sha256: string } }>)[0].artifact.sha256 =
        sha256Hex(changedArtifact.subarray(artifactOffset))
    })
    const editedManifest = Buffer.concat([
      Buffer.from(`${magic}\n${editedJws}\n`, 'latin1'),
      changedArtifact.subarray(artifactOffset),
    ])
    expect(await refusalOf(verifyOfflineBundle(saveBundle(editedManifest), trust))).toBe(
      'BAD_SIGNATURE',
    )

    expect(
      await refusalOf(
        verifyOfflineBundle(saveBundle(Buffer.concat([bundle, Buffer.from('x')])), trust),
      ),
    ).toBe('ARTIFACT_SIZE_MISMATCH')
    expect(
      await refusalOf(
        verifyOfflineBundle(saveBundle(bundle.subarray(0, bundle.length - 1)), trust),
      ),
    ).toBe('ARTIFACT_SIZE_MISMATCH')
    expect(
      await refusalOf(verifyOfflineBundle(saveBundle(bundle.subarray(artifactOffset)), trust)),
    ).toBe('BUNDLE_INVALID')
  })

  it('needs a license that allows the release, and answers 404 codes for what does not exist', async () => {
    expect((await api.get(bundlePath())).status).toBe(401)
    const collectorLicense = await createLicense(payload, { customer: acme, product: collector })
    expect((await api.get(bundlePath(), withLicense(collectorLicense.key))).json().code).toBe(
      'NOT_ENTITLED',
    )
    const cases = [
      [bundlePath('7.9.9'), 404, 'UNKNOWN_VERSION'],
      [bundlePath('7.3.0', 'windows-x64'), 404, 'UNKNOWN_PLATFORM'],
      [bundlePath('7.3.0', 'solaris-sparc'), 404, 'UNKNOWN_PLATFORM'],
      [bundlePath('seven'), 400, 'BAD_REQUEST'],
      [
        '/api/v1/updates/offline-bundle?product=promonitor&line=v9&version=7.3.0&platform=linux-x64',
        404,
        'UNKNOWN_LINE',
      ],
      [
        '/api/v1/updates/offline-bundle?product=nothing&line=v7&version=7.3.0&platform=linux-x64',
        404,
        'UNKNOWN_PRODUCT',
      ],
    ] as const
    for (const [url, status, code] of cases) {
      const answer = await api.get(url, withLicense(license.key))
      expect([answer.status, answer.json().code], url).toEqual([status, code])
    }
  })
})
