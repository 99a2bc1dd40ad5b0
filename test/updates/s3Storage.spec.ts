import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { License, Product } from '../../payload-types'
import { applyRetention } from '../../plugins/updates'
import { addDays } from '../../src/lib/time'
import { verifyOfflineBundle, type TrustStore } from '../../src/sdk'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import {
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
import { startS3Server, type S3Sink } from '../helpers/s3Server'
import { startApiHost } from '../helpers/startApiHost'

let s3: S3Sink
let booted: TestPayload
let payload: Payload
let api: HttpClient
let trust: TrustStore
let promonitor: Product
let license: License

beforeAll(async () => {
  s3 = await startS3Server()
  booted = await bootPayload(s3.env)
  payload = booted.payload
  const host = await startApiHost(booted)
  api = httpClient(host.url, host.close)
  trust = await trustServerKeys(payload)
  promonitor = await createProduct(payload, 'promonitor', { keepVersionsDays: 100 })
  license = await createLicense(payload, {
    customer: await createCustomer(payload, 'Acme'),
    product: promonitor,
  })
})

afterAll(async () => {
  await api?.close()
  await booted?.shutdown()
  await s3?.close()
})

describe('S3 storage', () => {
  it('the file link redirects to a short-lived presigned object URL whose bytes are the artifact', async () => {
    const bytes = installerBytes(300 * 1024)
    const release = await createRelease(payload, { product: promonitor, version: '7.3.0' })
    const artifact = await uploadArtifact(payload, release, 'linux-x64', bytes)
    expect(artifact.sha256).toBe(sha256Hex(bytes))

    const link = await api.get(`/api/v1/downloads/${artifact.id}`, {
      Authorization: `License ${license.key}`,
    })
    expect(link.status).toBe(302)
    const file = await api.get(link.headers.get('location')!)
    expect(file.status).toBe(302)
    const presigned = new URL(file.headers.get('location')!)
    expect(presigned.origin).toBe(s3.endpoint)
    expect(presigned.pathname).toBe(`/${s3.bucket}/${artifact.filename}`)
    expect(Number(presigned.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(60)

    const object = await fetch(presigned)
    expect(object.status).toBe(200)
    const downloaded = Buffer.from(await object.arrayBuffer())
    expect(downloaded.equals(bytes)).toBe(true)
    expect(sha256Hex(downloaded)).toBe(artifact.sha256)
    expect(object.headers.get('content-disposition')).toMatch(
      /^attachment; filename="7\.3\.0-linux-x64/,
    )
  })

  it('builds offline bundles from the bucket, and retention deletes the object', async () => {
    const bytes = installerBytes(80 * 1024)
    const release = await createRelease(payload, {
      product: promonitor,
      version: '7.1.0',
      releasedAt: addDays(new Date(), -200).toISOString(),
    })
    const artifact = await uploadArtifact(payload, release, 'linux-x64', bytes)

    const bundle = await api.get(
      '/api/v1/updates/offline-bundle?product=promonitor&line=v7&version=7.1.0&platform=linux-x64',
      { Authorization: `License ${license.key}` },
    )
    expect(bundle.status).toBe(200)
    const verified = await verifyOfflineBundle(new Uint8Array(bundle.bytes), trust)
    expect(bundle.bytes.subarray(verified.artifactOffset).equals(bytes)).toBe(true)

    const link = await api.get(`/api/v1/downloads/${artifact.id}`, {
      Authorization: `License ${license.key}`,
    })
    const presigned = (await api.get(link.headers.get('location')!)).headers.get('location')!
    expect((await fetch(presigned)).status).toBe(200)

    expect(await applyRetention(payload)).toEqual({
      archived: ['promonitor v7 7.1.0'],
      deletedFiles: 1,
    })
    expect((await fetch(presigned)).status).toBe(404)
    const gone = await api.get(`/api/v1/downloads/${artifact.id}`, {
      Authorization: `License ${license.key}`,
    })
    expect([gone.status, gone.json().code]).toEqual([410, 'ARTIFACT_GONE'])
  })
})
