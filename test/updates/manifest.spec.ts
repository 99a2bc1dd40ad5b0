import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { Product } from '../../payload-types'
import { getManifest, ManifestCache, pullRelease, restoreRelease } from '../../plugins/updates'
import { signJws } from '../../plugins/signing'
import { rolloutBucket } from '../../src/lib/rollout'
import { SignedKind } from '../../src/lib/protocol'
import { apiSecurityHeaders } from '../../src/server/securityHeaders'
import { checkForUpdate, TrustStore, verifyManifest, type UpdateManifest } from '../../src/sdk'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import {
  clearReleases,
  createProduct,
  createRelease,
  sequenceOf,
  trustServerKeys,
  uploadArtifact,
} from '../helpers/fixtures'
import { httpClient, type HttpAnswer, type HttpClient } from '../helpers/httpClient'
import { refusalOf } from '../helpers/refusalOf'
import { servePayloadRouter } from '../helpers/servePayloadRouter'
import { startApiHost } from '../helpers/startApiHost'
import { createSigningKey, withEditedPayload } from '../sdk/signingFixtures'

let booted: TestPayload
let payload: Payload
let api: HttpClient
let trust: TrustStore
let promonitor: Product
let collector: Product

const manifestPath = ({
  product = 'promonitor',
  line = 'v7',
  channel = 'stable',
  platform = 'linux-x64',
} = {}) =>
  `/api/v1/updates/manifest?product=${product}&line=${line}&channel=${channel}&platform=${platform}`

const fetchManifest = async (scope: Parameters<typeof manifestPath>[0] = {}) => {
  const answer = await api.get(manifestPath(scope))
  expect(answer.status, answer.bytes.toString()).toBe(200)
  return {
    text: answer.bytes.toString('utf8'),
    body: answer.json() as UpdateManifest & { signed: string },
    etag: answer.headers.get('etag'),
  }
}

const app = (
  version: string,
  overrides: Partial<{ product: string; line: string; channel: string; platform: string }> = {},
) => ({
  product: 'promonitor',
  line: 'v7',
  channel: 'stable',
  platform: 'linux-x64',
  version,
  ...overrides,
})

/** A published release with a build for both platforms. */
const ship = async (
  version: string,
  fields: Parameters<typeof createRelease>[1] extends infer Input
    ? Omit<Input, 'product' | 'version'> & { product?: Product }
    : never = {},
) => {
  const release = await createRelease(payload, {
    product: fields.product ?? promonitor,
    version,
    ...fields,
  })
  await uploadArtifact(payload, release, 'linux-x64')
  await uploadArtifact(payload, release, 'windows-x64')
  return release
}

beforeAll(async () => {
  booted = await bootPayload()
  payload = booted.payload
  const host = await startApiHost(booted)
  api = httpClient(host.url, host.close)
  trust = await trustServerKeys(payload)
  promonitor = await createProduct(payload, 'promonitor')
  collector = await createProduct(payload, 'collector', {
    platforms: ['windows-x64', 'linux-x64', 'linux-arm64'],
  })
})

afterAll(async () => {
  await api?.close()
  await booted?.shutdown()
})

beforeEach(async () => {
  await clearReleases(payload)
})

describe('manifest contents', () => {
  it('lists the published releases of the line for the platform, newest first, signed as the SDK expects', async () => {
    await ship('7.2.0', { minimumUpgradeFrom: '6.9.0' })
    const release73 = await ship('7.3.0', {
      critical: true,
      requires: [{ product: 'collector', range: '>=7.3.0' }],
      summary: 'Reporting and SSO',
    })
    const windowsOnly = await createRelease(payload, { product: promonitor, version: '7.3.1' })
    await uploadArtifact(payload, windowsOnly, 'windows-x64')
    await createRelease(payload, { product: promonitor, version: '7.4.0', status: 'draft' })
    await ship('6.9.2', { line: 'v6' })
    await ship('7.9.0', { product: collector })

    const { body, text } = await fetchManifest()
    const verified = await verifyManifest(text, trust)
    const { signed: _signed, ...unsigned } = body
    expect(verified).toEqual(unsigned)
    expect(verified).toMatchObject({
      product: 'promonitor',
      line: 'v7',
      channel: 'stable',
      platform: 'linux-x64',
      pulled: [],
    })
    expect(verified.releases.map((release) => release.version)).toEqual(['7.3.0', '7.2.0'])
    expect(verified.sequence).toBe(await sequenceOf(payload, promonitor, 'stable'))
    expect(Date.parse(verified.expiresAt) - Date.parse(verified.issuedAt)).toBe(
      7 * 24 * 60 * 60 * 1000,
    )

    const artifact = (
      await payload.find({
        collection: 'artifacts',
        where: { release: { equals: release73.id }, platform: { equals: 'linux-x64' } },
      })
    ).docs[0]
    expect(verified.releases[0]).toEqual({
      version: '7.3.0',
      releasedAt: expect.any(String),
      critical: true,
      minimumUpgradeFrom: null,
      rolloutPercent: 100,
      requires: { collector: '>=7.3.0' },
      notesUrl: `http://localhost:3000/portal/releases/${release73.id}`,
      summary: 'Reporting and SSO',
      artifact: {
        id: String(artifact.id),
        url: `http://localhost:3000/api/v1/downloads/${artifact.id}`,
        sha256: artifact.sha256,
        size: artifact.size,
      },
    })
    expect(verified.releases[1].minimumUpgradeFrom).toBe('6.9.0')

    const decision = await checkForUpdate({
      manifestText: text,
      trust,
      current: app('7.2.0'),
      installId: 'install-1',
    })
    expect(decision).toMatchObject({
      action: 'update',
      release: { version: '7.3.0' },
      critical: true,
      automatic: true,
    })
    expect(
      await checkForUpdate({
        manifestText: text,
        trust,
        current: app('7.3.0'),
        installId: 'install-1',
      }),
    ).toMatchObject({ action: 'up-to-date' })
  })

  it('lists at most 10 releases', async () => {
    for (let minor = 0; minor < 12; minor++) await ship(`7.${minor}.0`)
    const { body } = await fetchManifest()
    expect(body.releases.map((release) => release.version)).toEqual(
      Array.from({ length: 10 }, (_, index) => `7.${11 - index}.0`),
    )
  })

  it('answers 404 with a code for an unknown product, line, channel or platform, and 400 for bad parameters', async () => {
    const cases = [
      [{ product: 'nothing' }, 404, 'UNKNOWN_PRODUCT'],
      [{ line: 'v9' }, 404, 'UNKNOWN_LINE'],
      [{ channel: 'nightly' }, 404, 'UNKNOWN_CHANNEL'],
      [{ platform: 'linux-arm64' }, 404, 'UNKNOWN_PLATFORM'],
      [{ platform: 'Linux x64' }, 400, 'BAD_REQUEST'],
      [{ product: '' }, 400, 'BAD_REQUEST'],
    ] as const
    for (const [scope, status, code] of cases) {
      const answer = await api.get(manifestPath(scope))
      expect([answer.status, answer.json().code], JSON.stringify(scope)).toEqual([status, code])
    }
    const missing = await api.get(
      '/api/v1/updates/manifest?product=promonitor&line=v7&channel=stable',
    )
    expect([missing.status, missing.json().code]).toEqual([400, 'BAD_REQUEST'])
  })
})

describe('client protocol document', () => {
  it('documents the manifest, download and offline bundle endpoints in /api/v1/openapi.json', async () => {
    const document = (await api.get('/api/v1/openapi.json')).json()
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/updates/manifest',
        '/api/v1/downloads/{artifactId}',
        '/api/v1/downloads/{artifactId}/file',
        '/api/v1/updates/offline-bundle',
      ]),
    )
    expect(Object.keys(document.paths['/api/v1/updates/manifest'].get.responses)).toEqual([
      '200',
      '304',
      '400',
      '404',
    ])
  })
})

describe('caching', () => {
  it('serves the same bytes every time with a strong ETag, Cache-Control, and 304 for If-None-Match', async () => {
    await ship('7.3.0')
    const first = await api.get(manifestPath())
    const second = await api.get(manifestPath())
    expect(second.bytes.equals(first.bytes)).toBe(true)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/)
    expect(second.headers.get('etag')).toBe(etag)
    expect(first.headers.get('cache-control')).toBe('public, max-age=60')
    expect(first.headers.get('content-type')).toMatch(/^application\/json/)

    const notModified = await api.get(manifestPath(), { 'If-None-Match': etag })
    expect(notModified.status).toBe(304)
    expect(notModified.bytes.length).toBe(0)
    expect(notModified.headers.get('etag')).toBe(etag)
    expect((await api.get(manifestPath(), { 'If-None-Match': `"other", W/${etag}` })).status).toBe(
      304,
    )
    expect((await api.get(manifestPath(), { 'If-None-Match': '"other"' })).status).toBe(200)
  })

  it('answers a manifest from this instance’s cache (API host) exactly as the endpoint’s handler does (Payload router)', async () => {
    const hostHeaders = Object.keys(apiSecurityHeaders({ publicUrl: 'https://hub.example' }))
    await ship('7.3.0')
    const router = await servePayloadRouter(booted)
    try {
      const handled = httpClient(router.url, router.close)
      const etag = (await handled.get(manifestPath())).headers.get('etag')!
      const comparable = (answer: HttpAnswer) => ({
        status: answer.status,
        // How each server frames the body (length or chunks) is its own business, and so are the
        // security headers and the request id it adds to every answer.
        headers: [...answer.headers].filter(
          ([name]) =>
            ![
              'date',
              'connection',
              'keep-alive',
              'content-length',
              'x-request-id',
              'transfer-encoding',
              ...hostHeaders,
            ].includes(name),
        ),
        body: answer.bytes.toString('base64'),
      })
      const conditions: Record<string, string>[] = [
        {},
        { 'If-None-Match': etag },
        { 'If-None-Match': '"other"' },
      ]
      for (const headers of conditions) {
        const fromCache = await api.get(manifestPath(), headers)
        expect(fromCache.status).toBe(headers['If-None-Match'] === etag ? 304 : 200)
        if (fromCache.status === 200)
          expect(fromCache.headers.get('content-length')).toBe(String(fromCache.bytes.length))
        expect(comparable(fromCache), JSON.stringify(headers)).toEqual(
          comparable(await handled.get(manifestPath(), headers)),
        )
      }
      // A query of another shape goes to the handler on the API host too.
      for (const path of [
        `${manifestPath()}&product=promonitor`,
        `${manifestPath()}&product=nothing`,
        `${manifestPath()}&extra=1`,
      ]) {
        expect(comparable(await api.get(path)), path).toEqual(comparable(await handled.get(path)))
      }
    } finally {
      await router.close()
    }
  })

  it('signs a manifest once per change: repeated requests add no signed manifest and serve the stored bytes', async () => {
    await ship('7.3.0')
    const answers = await Promise.all(Array.from({ length: 20 }, () => api.get(manifestPath())))
    expect(new Set(answers.map((answer) => answer.bytes.toString())).size).toBe(1)
    const stored = await payload.find({
      collection: 'signed-manifests',
      where: { platform: { equals: 'linux-x64' } },
    })
    expect(stored.totalDocs).toBe(1)
    expect(stored.docs[0].body).toBe(answers[0].bytes.toString())
    expect(stored.docs[0].etag).toBe(answers[0].headers.get('etag'))
  })

  it('serves a change made through another instance within the check interval, with the same bytes on both', async () => {
    await ship('7.3.0')
    const query = { product: 'promonitor', line: 'v7', channel: 'stable', platform: 'linux-x64' }
    const otherInstance = new ManifestCache(payload)
    const start = Date.now()
    const before = await otherInstance.manifestFor(query, start)
    expect(Buffer.from(before.body).equals((await api.get(manifestPath())).bytes)).toBe(true)

    await ship('7.4.0')
    const ours = await api.get(manifestPath())
    expect(ours.json().releases[0].version).toBe('7.4.0')
    // The other instance trusts what it confirmed less than 2 s ago, then re-reads the sequence.
    expect((await otherInstance.manifestFor(query, start + 1000)).sequence).toBe(before.sequence)
    const after = await otherInstance.manifestFor(query, start + 2500)
    expect(after.manifest.releases[0].version).toBe('7.4.0')
    expect(Buffer.from(after.body).equals(ours.bytes)).toBe(true)
    expect(after.etag).toBe(ours.headers.get('etag'))
  })

  it('re-signs the manifest once less than half its validity is left, keeping the sequence', async () => {
    await ship('7.3.0')
    const query = { product: 'promonitor', line: 'v7', channel: 'stable', platform: 'linux-x64' }
    const now = Date.now()
    const current = await getManifest(payload, query, new Date(now))
    const dayLater = await getManifest(payload, query, new Date(now + 1 * 86_400_000))
    expect(dayLater.etag).toBe(current.etag)

    const fourDaysLater = new Date(now + 4 * 86_400_000)
    const resigned = await getManifest(payload, query, fourDaysLater)
    expect(resigned.etag).not.toBe(current.etag)
    expect(resigned.sequence).toBe(current.sequence)
    expect(resigned.manifest.issuedAt).toBe(fourDaysLater.toISOString())
    const decision = await checkForUpdate({
      manifestText: Buffer.from(resigned.body).toString(),
      trust,
      current: app('7.2.0'),
      installId: 'install-1',
      lastSeenSequence: current.sequence,
      now: new Date(now + 8 * 86_400_000),
    })
    expect(decision).toMatchObject({ action: 'update', release: { version: '7.3.0' } })
  })
})

describe('sequence', () => {
  it('grows on publish, edit of a listed field, a new artifact, pull and restore, and not on other edits', async () => {
    const seen: number[] = [(await fetchManifest()).body.sequence]
    const expectGrowth = async (what: string) => {
      const { body } = await fetchManifest()
      expect(body.sequence, what).toBeGreaterThan(seen[seen.length - 1])
      seen.push(body.sequence)
      return body
    }

    await ship('7.3.0')
    const release = await ship('7.4.0', { rolloutPercent: 20 })
    expect((await expectGrowth('publish')).releases[0]).toMatchObject({
      version: '7.4.0',
      rolloutPercent: 20,
    })

    await payload.update({ collection: 'releases', id: release.id, data: { rolloutPercent: 60 } })
    expect((await expectGrowth('rollout edit')).releases[0].rolloutPercent).toBe(60)

    await payload.update({
      collection: 'releases',
      id: release.id,
      data: { title: 'renamed only' },
    })
    expect((await fetchManifest()).body.sequence).toBe(seen[seen.length - 1])

    const draft = await createRelease(payload, {
      product: promonitor,
      version: '7.5.0',
      status: 'draft',
    })
    await uploadArtifact(payload, draft, 'linux-x64')
    expect((await fetchManifest()).body.sequence).toBe(seen[seen.length - 1])
    await payload.update({
      collection: 'releases',
      id: draft.id,
      data: { status: 'published', _status: 'published' },
    })
    expect((await expectGrowth('draft published')).releases[0].version).toBe('7.5.0')

    const replacement = await payload.find({
      collection: 'artifacts',
      where: { release: { equals: release.id }, platform: { equals: 'linux-x64' } },
    })
    await payload.delete({ collection: 'artifacts', id: replacement.docs[0].id })
    expect((await expectGrowth('artifact removed')).releases.map((entry) => entry.version)).toEqual(
      ['7.5.0', '7.3.0'],
    )
    await uploadArtifact(payload, release, 'linux-x64')
    await expectGrowth('artifact added')

    await pullRelease(payload, { releaseId: draft.id })
    expect((await expectGrowth('pull')).pulled).toEqual([{ version: '7.5.0', rollbackTo: '7.4.0' }])
    await restoreRelease(payload, { releaseId: draft.id })
    expect((await expectGrowth('restore')).pulled).toEqual([])

    expect(seen).toEqual([...seen].sort((left, right) => left - right))
  })

  it('a stable change moves the stable, beta and alpha sequences; a beta change only beta and alpha', async () => {
    const before = {
      stable: await sequenceOf(payload, promonitor, 'stable'),
      beta: await sequenceOf(payload, promonitor, 'beta'),
      alpha: await sequenceOf(payload, promonitor, 'alpha'),
    }
    await ship('7.3.0')
    const afterStable = {
      stable: await sequenceOf(payload, promonitor, 'stable'),
      beta: await sequenceOf(payload, promonitor, 'beta'),
      alpha: await sequenceOf(payload, promonitor, 'alpha'),
    }
    expect(afterStable.stable).toBeGreaterThan(before.stable)
    expect(afterStable.beta).toBeGreaterThan(before.beta)
    expect(afterStable.alpha).toBeGreaterThan(before.alpha)
    await ship('7.4.0-beta.1', { channel: 'beta' })
    expect(await sequenceOf(payload, promonitor, 'stable')).toBe(afterStable.stable)
    expect(await sequenceOf(payload, promonitor, 'beta')).toBeGreaterThan(afterStable.beta)
    expect(await sequenceOf(payload, promonitor, 'alpha')).toBeGreaterThan(afterStable.alpha)
  })
})

describe('channels', () => {
  it('a beta app also sees stable releases, an alpha app sees all, a stable app only stable', async () => {
    await ship('7.3.0')
    await ship('7.4.0-beta.1', { channel: 'beta' })
    await ship('7.5.0-alpha.1', { channel: 'alpha' })
    const versionsOn = async (channel: string) =>
      (await fetchManifest({ channel })).body.releases.map((release) => release.version)
    expect(await versionsOn('stable')).toEqual(['7.3.0'])
    expect(await versionsOn('beta')).toEqual(['7.4.0-beta.1', '7.3.0'])
    expect(await versionsOn('alpha')).toEqual(['7.5.0-alpha.1', '7.4.0-beta.1', '7.3.0'])

    const { text } = await fetchManifest({ channel: 'beta' })
    const decision = await checkForUpdate({
      manifestText: text,
      trust,
      current: app('7.2.0', { channel: 'beta' }),
      installId: 'install-1',
    })
    expect(decision).toMatchObject({ action: 'update', release: { version: '7.4.0-beta.1' } })
  })
})

describe('rollout', () => {
  it('an install outside the newest release’s rollout gets the previous release; 10,000 installs split within ±2 %', async () => {
    await ship('7.3.0')
    await ship('7.4.0', { rolloutPercent: 30 })
    const { text } = await fetchManifest()
    const inside = Array.from({ length: 1000 }, (_, index) => `install-${index}`).find(
      (id) => rolloutBucket(id, '7.4.0') < 30,
    )!
    const outside = Array.from({ length: 1000 }, (_, index) => `install-${index}`).find(
      (id) => rolloutBucket(id, '7.4.0') >= 30,
    )!
    expect(
      await checkForUpdate({ manifestText: text, trust, current: app('7.2.0'), installId: inside }),
    ).toMatchObject({ action: 'update', release: { version: '7.4.0' } })
    expect(
      await checkForUpdate({
        manifestText: text,
        trust,
        current: app('7.2.0'),
        installId: outside,
      }),
    ).toMatchObject({ action: 'update', release: { version: '7.3.0' } })
    expect(
      await checkForUpdate({
        manifestText: text,
        trust,
        current: app('7.3.0'),
        installId: outside,
      }),
    ).toMatchObject({ action: 'up-to-date' })

    let onNewest = 0
    for (let index = 0; index < 10_000; index++) {
      const decision = await checkForUpdate({
        manifestText: text,
        trust,
        current: app('7.2.0'),
        installId: `site-${index}`,
      })
      if (decision.action === 'update' && decision.release.version === '7.4.0') onNewest += 1
      else expect(decision).toMatchObject({ action: 'update', release: { version: '7.3.0' } })
    }
    expect(onNewest).toBeGreaterThanOrEqual(2800)
    expect(onNewest).toBeLessThanOrEqual(3200)
  })
})

describe('pull', () => {
  it('tells apps on a pulled release which version to go back to, and offers it to nobody else', async () => {
    await ship('7.3.0')
    const bad = await ship('7.4.0')
    const { body: before } = await fetchManifest()
    await pullRelease(payload, { releaseId: bad.id })
    const { text, body } = await fetchManifest()
    expect(body.sequence).toBeGreaterThan(before.sequence)
    expect(body.releases.map((release) => release.version)).toEqual(['7.3.0'])
    expect(body.pulled).toEqual([{ version: '7.4.0', rollbackTo: '7.3.0' }])
    const decision = await checkForUpdate({
      manifestText: text,
      trust,
      current: app('7.4.0'),
      installId: 'install-1',
      lastSeenSequence: before.sequence,
    })
    expect(decision).toMatchObject({
      action: 'rollback',
      rollbackTo: '7.3.0',
      release: { version: '7.3.0' },
    })
    expect(
      await checkForUpdate({
        manifestText: text,
        trust,
        current: app('7.2.0'),
        installId: 'install-1',
      }),
    ).toMatchObject({ action: 'update', release: { version: '7.3.0' } })
  })
})

describe('what the SDK refuses, with manifests this server made', () => {
  it('a manifest for another platform, product, line or channel (mix-and-match)', async () => {
    await ship('7.3.0')
    await ship('7.3.0', { product: collector })
    await ship('6.9.0', { line: 'v6' })
    const windows = (await fetchManifest({ platform: 'windows-x64' })).text
    const collectorManifest = (await fetchManifest({ product: 'collector' })).text
    const v6 = (await fetchManifest({ line: 'v6' })).text
    const beta = (await fetchManifest({ channel: 'beta' })).text
    for (const manifestText of [windows, collectorManifest, v6, beta]) {
      expect(
        await refusalOf(
          checkForUpdate({ manifestText, trust, current: app('7.2.0'), installId: 'install-1' }),
        ),
      ).toBe('MANIFEST_MISMATCH')
    }
  })

  it('an expired manifest (freeze attack)', async () => {
    await ship('7.3.0')
    const { text, body } = await fetchManifest()
    const afterExpiry = new Date(Date.parse(body.expiresAt) + 1000)
    expect(
      await refusalOf(
        checkForUpdate({
          manifestText: text,
          trust,
          current: app('7.2.0'),
          installId: 'install-1',
          now: afterExpiry,
        }),
      ),
    ).toBe('MANIFEST_EXPIRED')
  })

  it('a manifest older than the last one seen (rollback attack)', async () => {
    await ship('7.3.0')
    const old = await fetchManifest()
    await ship('7.4.0')
    const fresh = await fetchManifest()
    const seen = await checkForUpdate({
      manifestText: fresh.text,
      trust,
      current: app('7.2.0'),
      installId: 'install-1',
    })
    expect(seen.sequence).toBeGreaterThan(old.body.sequence)
    expect(
      await refusalOf(
        checkForUpdate({
          manifestText: old.text,
          trust,
          current: app('7.2.0'),
          installId: 'install-1',
          lastSeenSequence: seen.sequence,
        }),
      ),
    ).toBe('SEQUENCE_ROLLBACK')
  })

  it('an edited manifest, one signed as another kind, and one signed by an untrusted key', async () => {
    await ship('7.3.0')
    const { body } = await fetchManifest()
    const edited = withEditedPayload(body.signed, (manifest) => {
      ;(manifest.releases as Array<{ artifact: { sha256: string } }>)[0].artifact.sha256 =
        'f'.repeat(64)
    })
    expect(
      await refusalOf(
        checkForUpdate({
          manifestText: edited,
          trust,
          current: app('7.2.0'),
          installId: 'install-1',
        }),
      ),
    ).toBe('BAD_SIGNATURE')

    const { signed: _signed, ...manifest } = body
    const asValidation = await signJws(payload, SignedKind.validation, manifest)
    expect(
      await refusalOf(
        checkForUpdate({
          manifestText: asValidation,
          trust,
          current: app('7.2.0'),
          installId: 'install-1',
        }),
      ),
    ).toBe('WRONG_KIND')

    const stranger = new TrustStore([(await createSigningKey('someone-else')).publicJwk])
    expect(
      await refusalOf(
        checkForUpdate({
          manifestText: body.signed,
          trust: stranger,
          current: app('7.2.0'),
          installId: 'install-1',
        }),
      ),
    ).toBe('UNKNOWN_KEY')
  })
})
