import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { addDays } from '../../src/lib/time'
import { SignedKind, verifyLicenseFile, verifySignedAnswer, type TrustStore } from '../../src/sdk'
import type { Customer, License, Product } from '../../payload-types'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import {
  createCatalogue,
  createCustomer,
  createCustomerAccount,
  createLicense,
  pinnedTrust,
  staffLogin,
} from '../helpers/fixtures'
import { serveApi, type ApiServer } from '../helpers/serveApi'

describe('master login (customer account API key) and who may see a license', () => {
  let booted: TestPayload
  let api: ApiServer
  let trust: TrustStore
  let promonitor: Product
  let collector: Product
  let acme: Customer
  let globex: Customer
  let initech: Customer
  const aliceKey = { Authorization: 'customer-users API-Key alice-api-key-0001' }
  const graceKey = { Authorization: 'customer-users API-Key grace-api-key-0002' }

  beforeAll(async () => {
    booted = await bootPayload()
    api = await serveApi(booted)
    ;({ promonitor, collector } = await createCatalogue(booted.payload))
    acme = await createCustomer(booted.payload, 'Acme Industrial')
    globex = await createCustomer(booted.payload, 'Globex Energy')
    initech = await createCustomer(booted.payload, 'Initech')
    await createCustomerAccount(
      booted.payload,
      'alice@acme.example',
      [acme.id, globex.id],
      'alice-api-key-0001',
    )
    await createCustomerAccount(
      booted.payload,
      'grace@initech.example',
      [initech.id],
      'grace-api-key-0002',
    )
    trust = await pinnedTrust(api.call)
  })
  afterAll(async () => {
    await api?.close()
    await booted?.shutdown()
  })
  beforeEach(async () => {
    await booted.payload.delete({ collection: 'licenses', where: { id: { exists: true } } })
  })

  const chooseLicense = (body: Record<string, unknown>, headers = aliceKey) =>
    api.call('POST', '/api/v1/app/license', { body, headers })

  it('lists the companies of the account', async () => {
    const answer = await api.call('GET', '/api/v1/app/companies', { headers: aliceKey })
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({
      companies: [
        { id: acme.id, name: 'Acme Industrial' },
        { id: globex.id, name: 'Globex Energy' },
      ],
    })
  })

  it('answers 401 UNAUTHORIZED without a key or with a bad one', async () => {
    const missing = await api.call('GET', '/api/v1/app/companies')
    expect(missing.status).toBe(401)
    expect(missing.body.code).toBe('UNAUTHORIZED')
    const wrong = await api.call('GET', '/api/v1/app/companies', {
      headers: { Authorization: 'customer-users API-Key not-a-key' },
    })
    expect(wrong.status).toBe(401)
    const license = await chooseLicense(
      { company: acme.id, product: 'promonitor', fingerprint: 'fp' },
      { Authorization: 'customer-users API-Key nope' },
    )
    expect(license.status).toBe(401)
  })

  it('answers 403 FORBIDDEN for a company the account is not linked to', async () => {
    await createLicense(booted.payload, { customer: initech.id, product: promonitor.id })
    const answer = await chooseLicense({
      company: initech.id,
      product: 'promonitor',
      fingerprint: 'fp',
    })
    expect(answer.status).toBe(403)
    expect(answer.body).toEqual({ code: 'FORBIDDEN', message: expect.any(String) })
    expect((await booted.payload.count({ collection: 'activations' })).totalDocs).toBe(0)
  })

  it('activates the machine under the best license of the product and signs the answer with the nonce', async () => {
    await createLicense(booted.payload, {
      customer: acme.id,
      product: promonitor.id,
      startsAt: addDays(new Date(), -90).toISOString(),
      expiresAt: addDays(new Date(), -2).toISOString(),
    })
    const full = await createLicense(booted.payload, {
      customer: acme.id,
      product: promonitor.id,
      maxClients: 0,
      expiresAt: addDays(new Date(), 900).toISOString(),
    })
    const good = await createLicense(booted.payload, {
      customer: acme.id,
      product: promonitor.id,
      maxClients: 3,
      expiresAt: addDays(new Date(), 200).toISOString(),
    })
    await createLicense(booted.payload, {
      customer: acme.id,
      product: collector.id,
      maxClients: 10,
    })
    const answer = await chooseLicense({
      company: acme.id,
      product: 'promonitor',
      fingerprint: 'plant-7',
      hostname: 'plant-7.acme',
      nonce: 'ml-1',
    })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ code: 'ACTIVATED', activation: { fingerprint: 'plant-7' } })
    const file = await verifyLicenseFile(answer.body.licenseFile, { trust, fingerprint: 'plant-7' })
    expect(file.licenseId).toBe(String(good.id))
    expect(file.licenseId).not.toBe(String(full.id))
    await expect(
      verifySignedAnswer(answer.body.signed, SignedKind.activation, { trust, nonce: 'ml-1' }),
    ).resolves.toMatchObject({ code: 'ACTIVATED' })
    const events = await booted.payload.find({
      collection: 'license-events',
      where: { and: [{ license: { equals: good.id } }, { type: { equals: 'activated' } }] },
    })
    expect(events.docs[0].actor).toMatchObject({ kind: 'customer', label: 'alice@acme.example' })
  })

  it('prefers the license the machine already runs on, answering ALREADY_ACTIVE', async () => {
    const first = await createLicense(booted.payload, {
      customer: acme.id,
      product: promonitor.id,
      maxClients: 3,
      expiresAt: addDays(new Date(), 100).toISOString(),
    })
    await api.call('POST', '/api/v1/licenses/activate', {
      body: { key: first.key, fingerprint: 'plant-9' },
    })
    await createLicense(booted.payload, {
      customer: acme.id,
      product: promonitor.id,
      maxClients: 3,
      expiresAt: addDays(new Date(), 500).toISOString(),
    })
    const answer = await chooseLicense({
      company: acme.id,
      product: 'promonitor',
      fingerprint: 'plant-9',
    })
    expect(answer.body.code).toBe('ALREADY_ACTIVE')
    expect((await verifyLicenseFile(answer.body.licenseFile, { trust })).licenseId).toBe(
      String(first.id),
    )
  })

  it("answers the best license's code when none is usable, and NOT_FOUND when there is none", async () => {
    await createLicense(booted.payload, {
      customer: globex.id,
      product: promonitor.id,
      status: 'suspended',
    })
    expect(
      (await chooseLicense({ company: globex.id, product: 'promonitor', fingerprint: 'fp' })).body
        .code,
    ).toBe('SUSPENDED')
    expect(
      (await chooseLicense({ company: globex.id, product: 'collector', fingerprint: 'fp' })).body
        .code,
    ).toBe('NOT_FOUND')
    expect(
      (
        await chooseLicense({
          company: globex.id,
          product: 'promonitor',
          line: 'v6',
          fingerprint: 'fp',
        })
      ).body.code,
    ).toBe('NOT_FOUND')
    expect(
      (await chooseLicense({ company: globex.id, product: 'no-such-product', fingerprint: 'fp' }))
        .body.code,
    ).toBe('NOT_FOUND')
  })

  it("answers a master the key of the company's best license of a product and line for its nodes, without taking a seat (POST /api/v1/app/license-key)", async () => {
    const collectorLicense = await createLicense(booted.payload, {
      customer: acme.id,
      product: collector.id,
      line: 'v7',
      maxClients: 5,
    })
    await createLicense(booted.payload, {
      customer: acme.id,
      product: collector.id,
      line: 'v7',
      status: 'suspended',
      expiresAt: addDays(new Date(), 900).toISOString(),
    })
    await createLicense(booted.payload, { customer: initech.id, product: collector.id })
    const ask = (body: Record<string, unknown>, headers = aliceKey) =>
      api.call('POST', '/api/v1/app/license-key', { body, headers })

    const found = await ask({
      company: acme.id,
      product: 'collector',
      line: 'V7',
      fingerprint: 'cockpit-1',
    })
    expect(found.status).toBe(200)
    expect(found.body).toEqual({
      code: 'FOUND',
      licenseId: collectorLicense.id,
      key: collectorLicense.key,
      product: 'collector',
      line: 'v7',
    })
    expect((await booted.payload.count({ collection: 'activations' })).totalDocs).toBe(0)

    expect(
      (await ask({ company: acme.id, product: 'collector', line: 'v6', fingerprint: 'cockpit-1' }))
        .body,
    ).toEqual({ code: 'NOT_FOUND' })
    expect(
      (await ask({ company: globex.id, product: 'collector', fingerprint: 'c' })).body,
    ).toEqual({
      code: 'NOT_FOUND',
    })
    const forbidden = await ask({ company: initech.id, product: 'collector', fingerprint: 'c' })
    expect(forbidden.status).toBe(403)
    expect(forbidden.body.code).toBe('FORBIDDEN')
    const stranger = await ask(
      { company: acme.id, product: 'collector', fingerprint: 'c' },
      { Authorization: 'customer-users API-Key nope' },
    )
    expect(stranger.status).toBe(401)
    const bad = await ask({ company: acme.id, fingerprint: 'c' })
    expect(bad.status).toBe(400)
    expect(bad.body.code).toBe('BAD_REQUEST')
  })

  it('refuses bad input with 400 BAD_REQUEST', async () => {
    expect((await chooseLicense({ company: acme.id, product: 'promonitor' })).status).toBe(400)
    expect((await chooseLicense({ product: 'promonitor', fingerprint: 'fp' })).status).toBe(400)
    expect(
      (await api.call('POST', '/api/v1/app/license', { body: 'not json', headers: aliceKey }))
        .status,
    ).toBe(400)
  })

  describe('REST access to licenses', () => {
    it("lets a customer account read its companies' licenses only, by id and in lists", async () => {
      const mine = await createLicense(booted.payload, {
        customer: acme.id,
        product: promonitor.id,
      })
      const theirs = await createLicense(booted.payload, {
        customer: initech.id,
        product: promonitor.id,
      })
      expect(
        (await api.call('GET', `/api/licenses/${mine.id}`, { headers: aliceKey })).status,
      ).toBe(200)
      const other = await api.call('GET', `/api/licenses/${theirs.id}`, { headers: aliceKey })
      expect([403, 404]).toContain(other.status)
      expect(JSON.stringify(other.body)).not.toContain(theirs.key as string)
      const list = await api.call('GET', '/api/licenses?limit=100', { headers: aliceKey })
      expect(list.body.docs.map((license: License) => license.id)).toEqual([mine.id])
      const graceList = await api.call('GET', '/api/licenses?limit=100', { headers: graceKey })
      expect(graceList.body.docs.map((license: License) => license.id)).toEqual([theirs.id])
    })

    it('does not let a customer account, an editor or anonymous change a license; support may', async () => {
      const license = await createLicense(booted.payload, {
        customer: acme.id,
        product: promonitor.id,
        maxClients: 2,
      })
      const editor = await staffLogin(booted.payload, api.call, 'editor@example.com', 'editor')
      const support = await staffLogin(booted.payload, api.call, 'support@example.com', 'support')
      for (const headers of [editor, aliceKey, {}]) {
        const answer = await api.call('PATCH', `/api/licenses/${license.id}`, {
          body: { maxClients: 99 },
          headers,
        })
        expect(answer.status).toBe(403)
      }
      expect(
        (await booted.payload.findByID({ collection: 'licenses', id: license.id })).maxClients,
      ).toBe(2)
      expect(
        (await api.call('GET', `/api/licenses/${license.id}`, { headers: editor })).status,
      ).toBe(403)
      const bySupport = await api.call('PATCH', `/api/licenses/${license.id}`, {
        body: { maxClients: 4 },
        headers: support,
      })
      expect(bySupport.status).toBe(200)
      const events = await booted.payload.find({
        collection: 'license-events',
        where: { license: { equals: license.id } },
        sort: 'createdAt',
      })
      expect(events.docs.map((event) => event.type)).toEqual(['created', 'updated'])
      expect(events.docs[1]).toMatchObject({
        actor: { kind: 'staff', label: 'support@example.com' },
        details: { changes: { maxClients: { from: 2, to: 4 } } },
      })
    })
  })
})
