import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { License, Product, Release } from '../../payload-types'
import { applyRetention, pullRelease, runDailyRetention } from '../../plugins/updates'
import { addDays } from '../../src/lib/time'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import {
  artifactFileExists,
  clearReleases,
  createCustomer,
  createLicense,
  createProduct,
  createRelease,
  sequenceOf,
  uploadArtifact,
} from '../helpers/fixtures'
import { httpClient, type HttpClient } from '../helpers/httpClient'
import { startApiHost } from '../helpers/startApiHost'

let booted: TestPayload
let payload: Payload
let api: HttpClient
let promonitor: Product
let license: License

const daysAgo = (days: number) => addDays(new Date(), -days).toISOString()

const shipped = async (
  version: string,
  days: number,
  fields: Partial<Omit<Release, 'product'>> = {},
) => {
  const release = await createRelease(payload, {
    product: promonitor,
    version,
    releasedAt: daysAgo(days),
    ...fields,
  })
  await uploadArtifact(payload, release, 'linux-x64')
  await uploadArtifact(payload, release, 'windows-x64')
  return release
}

const artifactsOf = async (release: Release) =>
  (
    await payload.find({
      collection: 'artifacts',
      where: { release: { equals: release.id } },
      depth: 0,
    })
  ).docs

beforeAll(async () => {
  booted = await bootPayload()
  payload = booted.payload
  const host = await startApiHost(booted)
  api = httpClient(host.url, host.close)
  promonitor = await createProduct(payload, 'promonitor', { keepVersionsDays: 365 })
  license = await createLicense(payload, {
    customer: await createCustomer(payload, 'Acme'),
    product: promonitor,
  })
})

afterAll(async () => {
  await api?.close()
  await booted?.shutdown()
})

beforeEach(async () => {
  await clearReleases(payload)
  await payload.delete({ collection: 'scheduled-runs', where: { id: { exists: true } } })
})

describe('retention', () => {
  it('deletes the files of releases older than keepVersionsDays and archives them, keeping what apps still need', async () => {
    const old = await shipped('7.0.0', 500)
    const older = await shipped('7.1.0', 400)
    const current = await shipped('7.2.0', 30)
    const onlyV6 = await shipped('6.9.0', 600, { line: 'v6' })
    const onlyBeta = await shipped('7.1.0-beta.1', 450, { channel: 'beta' })
    const rollbackTarget = await shipped('7.0.5', 420)
    const pulled = await shipped('7.0.6', 410)
    await pullRelease(payload, { releaseId: pulled.id, rollbackTo: '7.0.5' })
    const draft = await createRelease(payload, {
      product: promonitor,
      version: '6.0.0',
      line: 'v6',
      status: 'draft',
      releasedAt: daysAgo(1000),
    })
    await uploadArtifact(payload, draft, 'linux-x64')
    const oldArtifacts = await artifactsOf(old)
    const sequenceBefore = await sequenceOf(payload, promonitor, 'stable')

    const report = await applyRetention(payload)
    expect(report.archived.sort()).toEqual([
      'promonitor v7 7.0.0',
      'promonitor v7 7.0.6',
      'promonitor v7 7.1.0',
    ])
    expect(report.deletedFiles).toBe(6)

    for (const release of [old, older, pulled]) {
      expect(
        (await payload.findByID({ collection: 'releases', id: release.id })).archived,
        release.version,
      ).toBe(true)
      for (const artifact of await artifactsOf(release)) {
        expect(artifact.fileDeletedAt, release.version).toEqual(expect.any(String))
        expect(artifact.sha256).toMatch(/^[0-9a-f]{64}$/)
        expect(artifactFileExists(booted.mediaDir, artifact)).toBe(false)
      }
    }
    for (const release of [current, onlyV6, onlyBeta, rollbackTarget, draft]) {
      expect(
        (await payload.findByID({ collection: 'releases', id: release.id, draft: true })).archived,
        release.version,
      ).toBeFalsy()
      for (const artifact of await artifactsOf(release)) {
        expect(artifact.fileDeletedAt ?? null, release.version).toBeNull()
        expect(artifactFileExists(booted.mediaDir, artifact), release.version).toBe(true)
      }
    }

    const manifest = await api.get(
      '/api/v1/updates/manifest?product=promonitor&line=v7&channel=stable&platform=linux-x64',
    )
    expect(manifest.json().sequence).toBeGreaterThan(sequenceBefore)
    expect(manifest.json().releases.map((release: { version: string }) => release.version)).toEqual(
      ['7.2.0', '7.0.5'],
    )
    expect(manifest.json().pulled).toEqual([{ version: '7.0.6', rollbackTo: '7.0.5' }])

    const gone = await api.get(`/api/v1/downloads/${oldArtifacts[0].id}`, {
      Authorization: `License ${license.key}`,
    })
    expect([gone.status, gone.json().code]).toEqual([410, 'ARTIFACT_GONE'])
    expect(
      (
        await api.get(`/api/v1/downloads/${(await artifactsOf(rollbackTarget))[0].id}`, {
          Authorization: `License ${license.key}`,
        })
      ).status,
    ).toBe(302)

    expect(await applyRetention(payload)).toEqual({ archived: [], deletedFiles: 0 })
  })

  it('keeps everything younger than keepVersionsDays', async () => {
    await shipped('7.0.0', 300)
    await shipped('7.1.0', 200)
    expect(await applyRetention(payload)).toEqual({ archived: [], deletedFiles: 0 })
  })

  it('runs once a day however many instances trigger it', async () => {
    await shipped('7.0.0', 500)
    await shipped('7.1.0', 10)
    const now = new Date()
    const [first, second] = await Promise.all([
      runDailyRetention(payload, now),
      runDailyRetention(payload, now),
    ])
    const ran = [first, second].filter((outcome) => outcome.ran)
    expect(ran).toHaveLength(1)
    expect(ran[0]).toMatchObject({
      ran: true,
      result: { archived: ['promonitor v7 7.0.0'], deletedFiles: 2 },
    })
    expect(await runDailyRetention(payload, now)).toEqual({ ran: false })
    const runs = await payload.find({
      collection: 'scheduled-runs',
      where: { task: { equals: 'retention' } },
    })
    expect(runs.docs.map((run) => [run.runKey, run.status])).toEqual([
      [`retention:${now.toISOString().slice(0, 10)}`, 'done'],
    ])
  })
})
