import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { Artifact, Customer, License, Product, Release } from '../../payload-types'
import { addDays } from '../../src/lib/time'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import {
  clearReleases,
  createCustomer,
  createLicense,
  createProduct,
  createRelease,
  uploadArtifact,
} from '../helpers/fixtures'
import { httpClient, type HttpClient } from '../helpers/httpClient'
import { startApiHost } from '../helpers/startApiHost'

// A license is for one product line: a V6 key must not fetch V7 builds, by link or by bundle.

let booted: TestPayload
let payload: Payload
let api: HttpClient
let promonitor: Product
let acme: Customer
let v6License: License
let v7Release: Release
let v7Artifact: Artifact
let v6Release: Release
let v6Artifact: Artifact

const withLicense = (key: string | null | undefined) => ({ Authorization: `License ${key}` })
const bundlePath = (line: string, version: string) =>
  `/api/v1/updates/offline-bundle?product=promonitor&line=${line}&version=${version}&platform=linux-x64`

beforeAll(async () => {
  booted = await bootPayload()
  payload = booted.payload
  const host = await startApiHost(booted)
  api = httpClient(host.url, host.close)
  promonitor = await createProduct(payload, 'promonitor')
  acme = await createCustomer(payload, 'Acme Industrial')
  await payload.create({
    collection: 'customer-users',
    data: { email: 'ops@acme.test', password: 'acme-password-1', customers: [acme.id] },
  })
})

afterAll(async () => {
  await api?.close()
  await booted?.shutdown()
})

beforeEach(async () => {
  await clearReleases(payload)
  await payload.delete({ collection: 'licenses', where: { id: { exists: true } } })
  v6License = await createLicense(payload, { customer: acme, product: promonitor, line: 'v6' })
  v7Release = await createRelease(payload, {
    product: promonitor,
    line: 'v7',
    version: '7.3.0',
    releasedAt: addDays(new Date(), -10).toISOString(),
  })
  v7Artifact = await uploadArtifact(payload, v7Release, 'linux-x64')
  v6Release = await createRelease(payload, {
    product: promonitor,
    line: 'v6',
    version: '6.9.0',
    releasedAt: addDays(new Date(), -10).toISOString(),
  })
  v6Artifact = await uploadArtifact(payload, v6Release, 'linux-x64')
})

describe('downloads by product line', () => {
  it('a V6 license gets a link to a V6 artifact and LINE_MISMATCH (403) for a V7 one', async () => {
    expect(
      (await api.get(`/api/v1/downloads/${v6Artifact.id}`, withLicense(v6License.key))).status,
    ).toBe(302)
    const refused = await api.get(`/api/v1/downloads/${v7Artifact.id}`, withLicense(v6License.key))
    expect(refused.status).toBe(403)
    expect(refused.json().code).toBe('LINE_MISMATCH')
  })

  it('a V6 license gets the V6 offline bundle and LINE_MISMATCH (403) for the V7 one', async () => {
    expect((await api.get(bundlePath('v6', '6.9.0'), withLicense(v6License.key))).status).toBe(200)
    const refused = await api.get(bundlePath('v7', '7.3.0'), withLicense(v6License.key))
    expect(refused.status).toBe(403)
    expect(refused.json().code).toBe('LINE_MISMATCH')
  })

  it('a customer account whose companies hold only a V6 license may not download V7, until one holds a V7 license', async () => {
    const login = await payload.login({
      collection: 'customer-users',
      data: { email: 'ops@acme.test', password: 'acme-password-1' },
    })
    const asAcme = { Authorization: `JWT ${login.token}` }
    expect((await api.get(`/api/v1/downloads/${v6Artifact.id}`, asAcme)).status).toBe(302)
    const refused = await api.get(`/api/v1/downloads/${v7Artifact.id}`, asAcme)
    expect(refused.status).toBe(403)
    expect(refused.json().code).toBe('LINE_MISMATCH')
    expect((await api.get(bundlePath('v7', '7.3.0'), asAcme)).json().code).toBe('LINE_MISMATCH')

    await createLicense(payload, { customer: acme, product: promonitor, line: 'v7' })
    expect((await api.get(`/api/v1/downloads/${v7Artifact.id}`, asAcme)).status).toBe(302)
    expect((await api.get(bundlePath('v7', '7.3.0'), asAcme)).status).toBe(200)
  })

  it('an expired license of the right line still gets only releases published before it expired', async () => {
    const expired = await createLicense(payload, {
      customer: acme,
      product: promonitor,
      line: 'v6',
      startsAt: addDays(new Date(), -400).toISOString(),
      expiresAt: addDays(new Date(), -5).toISOString(),
    })
    expect(
      (await api.get(`/api/v1/downloads/${v6Artifact.id}`, withLicense(expired.key))).status,
    ).toBe(302)
    expect(
      (await api.get(`/api/v1/downloads/${v7Artifact.id}`, withLicense(expired.key))).json().code,
    ).toBe('LINE_MISMATCH')
    const newer = await createRelease(payload, {
      product: promonitor,
      line: 'v6',
      version: '6.9.1',
      releasedAt: addDays(new Date(), -1).toISOString(),
    })
    const newerArtifact = await uploadArtifact(payload, newer, 'linux-x64')
    expect(
      (await api.get(`/api/v1/downloads/${newerArtifact.id}`, withLicense(expired.key))).json()
        .code,
    ).toBe('EXPIRED')
    expect((await api.get(bundlePath('v6', '6.9.1'), withLicense(expired.key))).json().code).toBe(
      'EXPIRED',
    )
  })
})
