import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { flushValidationCounts, stopValidationCountFlush } from '../../plugins/licensing'
import { armorLicenseFile } from '../../src/lib/protocol'
import { generateLicenseKey } from '../../src/lib/licenseKey'
import { addDays } from '../../src/lib/time'
import { SignedKind, verifyLicenseFile, verifySignedAnswer, type TrustStore } from '../../src/sdk'
import type { Customer, License, Product } from '../../payload-types'
import { sql, type DrizzleDatabase } from '../../src/database/database'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCatalogue, createCustomer, createLicense, pinnedTrust } from '../helpers/fixtures'
import { serveApi, type ApiServer } from '../helpers/serveApi'
import { testDatabaseKind } from '../helpers/testDatabase'
import { withChangedSignatureCharacter, withEditedPayload } from '../sdk/signingFixtures'

describe('license protocol: validate, activate, deactivate', () => {
  let booted: TestPayload
  let api: ApiServer
  let trust: TrustStore
  let promonitor: Product
  let collector: Product
  let acme: Customer
  let license: License

  const post = (path: string, body: unknown) =>
    api.call('POST', `/api/v1/licenses/${path}`, { body })

  beforeAll(async () => {
    booted = await bootPayload()
    api = await serveApi(booted)
    ;({ promonitor, collector } = await createCatalogue(booted.payload))
    acme = await createCustomer(booted.payload, 'Acme Industrial')
    trust = await pinnedTrust(api.call)
  })
  afterAll(async () => {
    await api?.close()
    await booted?.shutdown()
  })
  beforeEach(async () => {
    await booted.payload.delete({ collection: 'activations', where: { id: { exists: true } } })
    await booted.payload.delete({ collection: 'licenses', where: { id: { exists: true } } })
    license = await createLicense(booted.payload, {
      customer: acme.id,
      product: promonitor.id,
      modules: ['reporting'],
      maxClients: 2,
    })
  })

  describe('validate', () => {
    it('answers VALID with the license and a signed copy echoing the nonce', async () => {
      const answer = await post('validate', {
        key: license.key,
        product: 'promonitor',
        line: 'v7',
        nonce: 'nonce-1',
      })
      expect(answer.status).toBe(200)
      expect(answer.body).toMatchObject({
        valid: true,
        code: 'VALID',
        license: {
          id: license.id,
          product: 'promonitor',
          line: 'v7',
          type: 'subscription',
          status: 'active',
          modules: ['reporting'],
          maxClients: 2,
          maxUsers: 5,
          activeClients: 0,
          daysLeft: 100,
        },
      })
      expect(answer.body.licenseFile).toBeUndefined()
      const signed = await verifySignedAnswer(answer.body.signed, SignedKind.validation, {
        trust,
        nonce: 'nonce-1',
      })
      const { signed: _signed, ...fields } = answer.body
      expect(signed).toEqual({ ...fields, nonce: 'nonce-1', iat: expect.any(Number) })
    })

    it('reads a license’s modules through an index on the license, not a scan of every license’s modules', async () => {
      const { drizzle } = booted.payload.db as unknown as { drizzle: DrizzleDatabase }
      if (testDatabaseKind === 'sqlite') {
        const plan = await drizzle.all(
          sql`EXPLAIN QUERY PLAN SELECT text FROM licenses_texts WHERE parent_id = ${license.id} AND path = 'modules'`,
        )
        expect(plan.map((step: { detail: string }) => step.detail).join('; ')).toContain(
          'USING INDEX licenses_texts_parent_path_idx (parent_id=? AND path=?)',
        )
      } else {
        const { rows } = await drizzle.execute(
          sql`SELECT indexdef FROM pg_indexes WHERE indexname = 'licenses_texts_parent_path_idx'`,
        )
        expect(rows[0]?.indexdef).toMatch(/ON \S*licenses_texts USING btree \(parent_id, path\)/)
      }
    })

    it('answers the modules in the license’s order, none as [], and a change at the next validate', async () => {
      const modulesNow = async () => (await post('validate', { key: license.key })).body
      await booted.payload.update({
        collection: 'licenses',
        id: license.id,
        data: { modules: ['topology', 'reporting', 'sla'] },
      })
      expect((await modulesNow()).license.modules).toEqual(['topology', 'reporting', 'sla'])
      await booted.payload.update({
        collection: 'licenses',
        id: license.id,
        data: { modules: ['sla', 'topology'] },
      })
      expect((await modulesNow()).license.modules).toEqual(['sla', 'topology'])
      await booted.payload.update({ collection: 'licenses', id: license.id, data: { modules: [] } })
      expect((await modulesNow()).license).toMatchObject({ modules: [], status: 'active' })
      await booted.payload.update({
        collection: 'licenses',
        id: license.id,
        data: { status: 'suspended' },
      })
      expect(await modulesNow()).toMatchObject({ valid: false, code: 'SUSPENDED' })
    })

    it('accepts the key in lower case with spaces for dashes', async () => {
      const typed = (license.key as string).toLowerCase().replace(/-/g, ' ')
      expect((await post('validate', { key: typed })).body.code).toBe('VALID')
    })

    it('is refused by the SDK when the nonce differs, a byte changed, or the kind is swapped', async () => {
      const { body } = await post('validate', { key: license.key, nonce: 'mine' })
      await expect(
        verifySignedAnswer(body.signed, SignedKind.validation, { trust, nonce: 'other' }),
      ).rejects.toMatchObject({ code: 'NONCE_MISMATCH' })
      await expect(
        verifySignedAnswer(
          withEditedPayload(body.signed, (claims) => (claims.valid = false)),
          SignedKind.validation,
          { trust },
        ),
      ).rejects.toMatchObject({ code: 'BAD_SIGNATURE' })
      await expect(
        verifySignedAnswer(withChangedSignatureCharacter(body.signed), SignedKind.validation, {
          trust,
        }),
      ).rejects.toMatchObject({ code: 'BAD_SIGNATURE' })
      await expect(
        verifySignedAnswer(body.signed, SignedKind.activation, { trust }),
      ).rejects.toMatchObject({ code: 'WRONG_KIND' })
    })

    it('answers NOT_FOUND for a well-formed key that does not exist and for a malformed one', async () => {
      const unknown = await post('validate', { key: generateLicenseKey('promonitor'), nonce: 'x' })
      expect(unknown.body).toMatchObject({ valid: false, code: 'NOT_FOUND' })
      expect(unknown.body.license).toBeUndefined()
      const key = license.key as string
      const typo = key.slice(0, 6) + (key[6] === 'A' ? 'B' : 'A') + key.slice(7)
      const malformed = await post('validate', { key: typo })
      expect(malformed.body).toMatchObject({ valid: false, code: 'NOT_FOUND' })
      await expect(
        verifySignedAnswer(malformed.body.signed, SignedKind.validation, { trust }),
      ).resolves.toMatchObject({ code: 'NOT_FOUND' })
    })

    it('answers validates of several keys at once each with its own license (lookups read together)', async () => {
      const suspended = await createLicense(booted.payload, {
        customer: acme.id,
        product: promonitor.id,
        status: 'suspended',
      })
      const collectorLicense = await createLicense(booted.payload, {
        customer: acme.id,
        product: collector.id,
        modules: ['snmp', 'wmi'],
      })
      const unknownKey = generateLicenseKey('promonitor')
      const asked = [
        { key: license.key as string, code: 'VALID', id: license.id, modules: ['reporting'] },
        { key: suspended.key as string, code: 'SUSPENDED', id: suspended.id, modules: [] },
        { key: collectorLicense.key as string, code: 'VALID', id: collectorLicense.id },
        { key: unknownKey, code: 'NOT_FOUND' },
        // The same license typed another way, twice in the same moment.
        { key: (license.key as string).toLowerCase(), code: 'VALID', id: license.id },
        { key: license.key as string, code: 'VALID', id: license.id },
      ]
      const answers = await Promise.all(
        [...asked, ...asked].map((ask, index) =>
          post('validate', { key: ask.key, nonce: `batch-${index}` }),
        ),
      )
      for (const [index, answer] of answers.entries()) {
        const ask = asked[index % asked.length]
        expect(answer.status).toBe(200)
        expect(answer.body.code).toBe(ask.code)
        expect(answer.body.license?.id).toBe(ask.id)
        if (ask.modules) expect(answer.body.license.modules).toEqual(ask.modules)
        await expect(
          verifySignedAnswer(answer.body.signed, SignedKind.validation, {
            trust,
            nonce: `batch-${index}`,
          }),
        ).resolves.toMatchObject({ code: ask.code })
      }
      expect(answers[2].body.license.modules).toEqual(['snmp', 'wmi'])
    })

    it('answers PRODUCT_MISMATCH and LINE_MISMATCH for another scope', async () => {
      expect(
        (await post('validate', { key: license.key, product: 'collector' })).body,
      ).toMatchObject({ valid: false, code: 'PRODUCT_MISMATCH' })
      expect(
        (await post('validate', { key: license.key, product: 'promonitor', line: 'v6' })).body,
      ).toMatchObject({ valid: false, code: 'LINE_MISMATCH' })
      expect(
        (await post('validate', { key: license.key, product: 'promonitor', line: 'V7' })).body.code,
      ).toBe('VALID')
    })

    it('answers SUSPENDED, NOT_STARTED and EXPIRED from the license state', async () => {
      const suspended = await createLicense(booted.payload, {
        customer: acme.id,
        product: promonitor.id,
        status: 'suspended',
      })
      const future = await createLicense(booted.payload, {
        customer: acme.id,
        product: promonitor.id,
        startsAt: addDays(new Date(), 3).toISOString(),
        expiresAt: addDays(new Date(), 30).toISOString(),
      })
      const expired = await createLicense(booted.payload, {
        customer: acme.id,
        product: promonitor.id,
        startsAt: addDays(new Date(), -60).toISOString(),
        expiresAt: addDays(new Date(), -1).toISOString(),
      })
      expect((await post('validate', { key: suspended.key })).body).toMatchObject({
        valid: false,
        code: 'SUSPENDED',
      })
      expect((await post('validate', { key: future.key })).body).toMatchObject({
        valid: false,
        code: 'NOT_STARTED',
      })
      expect((await post('validate', { key: expired.key })).body).toMatchObject({
        valid: false,
        code: 'EXPIRED',
        license: { daysLeft: 0 },
      })
    })

    it('answers NO_CREDIT for an on-usage license with nothing left, VALID with credits', async () => {
      const empty = await createLicense(booted.payload, {
        customer: acme.id,
        product: collector.id,
        type: 'on-usage',
        credits: 0,
      })
      const funded = await createLicense(booted.payload, {
        customer: acme.id,
        product: collector.id,
        type: 'on-usage',
        credits: 40,
      })
      expect((await post('validate', { key: empty.key })).body).toMatchObject({
        valid: false,
        code: 'NO_CREDIT',
        license: { credits: 0 },
      })
      expect((await post('validate', { key: funded.key })).body).toMatchObject({
        valid: true,
        code: 'VALID',
        license: { credits: 40 },
      })
    })

    it('answers NO_ACTIVATION for a fingerprint that is not activated, and a fresh license file once it is', async () => {
      expect(
        (await post('validate', { key: license.key, fingerprint: 'fp-1' })).body,
      ).toMatchObject({ valid: false, code: 'NO_ACTIVATION' })
      await post('activate', { key: license.key, fingerprint: 'fp-1' })
      const answer = await post('validate', {
        key: license.key,
        fingerprint: 'fp-1',
        nonce: 'daily',
      })
      expect(answer.body).toMatchObject({
        valid: true,
        code: 'VALID',
        license: { activeClients: 1 },
      })
      const claims = await verifyLicenseFile(answer.body.licenseFile, {
        trust,
        fingerprint: 'fp-1',
      })
      expect(claims).toMatchObject({
        licenseId: String(license.id),
        key: license.key,
        fingerprint: 'fp-1',
        product: 'promonitor',
      })
      const signed = await verifySignedAnswer(answer.body.signed, SignedKind.validation, {
        trust,
        nonce: 'daily',
      })
      expect(signed.licenseFile).toBe(answer.body.licenseFile)
    })

    it('counts validations in memory and writes them in one batch, not on the request path', async () => {
      // The background flush would race the assertions; the test flushes by hand. Counts of
      // earlier tests are written first, to a license created afterwards.
      stopValidationCountFlush(booted.payload)
      await flushValidationCounts(booted.payload)
      license = await createLicense(booted.payload, { customer: acme.id, product: promonitor.id })
      for (let index = 0; index < 3; index++) await post('validate', { key: license.key })
      const before = await booted.payload.findByID({ collection: 'licenses', id: license.id })
      expect(before.validationCount).toBe(0)
      expect(await flushValidationCounts(booted.payload)).toBe(3)
      const after = await booted.payload.findByID({ collection: 'licenses', id: license.id })
      expect(after.validationCount).toBe(3)
      expect(new Date(after.lastValidatedAt as string).getTime()).toBeGreaterThan(
        Date.now() - 60_000,
      )
      const events = await booted.payload.find({
        collection: 'license-events',
        where: { license: { equals: license.id } },
      })
      expect(events.docs.map((event) => event.type)).toEqual(['created'])
    })
  })

  describe('bad input', () => {
    const cases: Array<[string, string | Record<string, unknown>]> = [
      ['a body that is not JSON', '{"key": '],
      ['a missing key', { fingerprint: 'fp' }],
      ['an empty key', { key: '' }],
      ['a key longer than 256 characters', { key: 'P'.repeat(257) }],
      ['a key that is not a string', { key: 42 }],
      ['a fingerprint longer than 256 characters', { key: 'PMON', fingerprint: 'f'.repeat(257) }],
    ]
    it.each(cases)('refuses %s on validate with 400 BAD_REQUEST', async (_name, body) => {
      const answer = await post('validate', body)
      expect(answer.status).toBe(400)
      expect(answer.body).toEqual({ code: 'BAD_REQUEST', message: expect.any(String) })
    })

    it('refuses an oversized body on validate with 413 PAYLOAD_TOO_LARGE', async () => {
      const answer = await post('validate', { key: 'PMON', padding: 'x'.repeat(20_000) })
      expect(answer.status).toBe(413)
      expect(answer.body).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) })
    })

    it('refuses activate without a fingerprint, with an unknown role, and deactivate without a key, changing nothing', async () => {
      expect((await post('activate', { key: license.key })).body.code).toBe('BAD_REQUEST')
      expect(
        (await post('activate', { key: license.key, fingerprint: 'fp', role: 'printer' })).status,
      ).toBe(400)
      expect((await post('deactivate', { fingerprint: 'fp' })).status).toBe(400)
      const { totalDocs } = await booted.payload.count({ collection: 'activations' })
      expect(totalDocs).toBe(0)
      const unchanged = await booted.payload.findByID({ collection: 'licenses', id: license.id })
      expect(unchanged.activeClients).toBe(0)
    })
  })

  describe('activate and deactivate', () => {
    it('activates, then answers ALREADY_ACTIVE for the same fingerprint without taking a second seat', async () => {
      const first = await post('activate', {
        key: license.key,
        fingerprint: 'fp-a',
        hostname: 'plant-1',
        role: 'app',
        appVersion: '7.4.0',
        nonce: 'a1',
      })
      expect(first.body).toMatchObject({
        code: 'ACTIVATED',
        activation: { id: expect.anything(), fingerprint: 'fp-a' },
        licenseFile: expect.any(String),
      })
      const signed = await verifySignedAnswer(first.body.signed, SignedKind.activation, {
        trust,
        nonce: 'a1',
      })
      expect(signed).toMatchObject({ code: 'ACTIVATED', activation: first.body.activation })
      await expect(
        verifySignedAnswer(
          withEditedPayload(first.body.signed, (claims) => (claims.code = 'ALREADY_ACTIVE')),
          SignedKind.activation,
          { trust },
        ),
      ).rejects.toMatchObject({ code: 'BAD_SIGNATURE' })
      await expect(
        verifySignedAnswer(
          withChangedSignatureCharacter(first.body.signed),
          SignedKind.activation,
          { trust },
        ),
      ).rejects.toMatchObject({ code: 'BAD_SIGNATURE' })
      await expect(
        verifySignedAnswer(first.body.signed, SignedKind.validation, { trust }),
      ).rejects.toMatchObject({ code: 'WRONG_KIND' })
      const again = await post('activate', { key: license.key, fingerprint: 'fp-a' })
      expect(again.body).toMatchObject({
        code: 'ALREADY_ACTIVE',
        activation: first.body.activation,
      })
      const stored = await booted.payload.findByID({ collection: 'licenses', id: license.id })
      expect(stored.activeClients).toBe(1)
      const activation = await booted.payload.findByID({
        collection: 'activations',
        id: first.body.activation.id,
      })
      expect(activation).toMatchObject({
        fingerprint: 'fp-a',
        hostname: 'plant-1',
        role: 'app',
        appVersion: '7.4.0',
      })
    })

    it('answers TOO_MANY_CLIENTS over maxClients, counting the refusal', async () => {
      await post('activate', { key: license.key, fingerprint: 'fp-1' })
      await post('activate', { key: license.key, fingerprint: 'fp-2' })
      const third = await post('activate', { key: license.key, fingerprint: 'fp-3', nonce: 't' })
      expect(third.body).toMatchObject({ code: 'TOO_MANY_CLIENTS' })
      expect(third.body.licenseFile).toBeUndefined()
      await expect(
        verifySignedAnswer(third.body.signed, SignedKind.activation, { trust, nonce: 't' }),
      ).resolves.toMatchObject({ code: 'TOO_MANY_CLIENTS' })
      const stored = await booted.payload.findByID({ collection: 'licenses', id: license.id })
      expect(stored).toMatchObject({ activeClients: 2, limitReachedCount: 1 })
      const events = await booted.payload.find({
        collection: 'license-events',
        where: { license: { equals: license.id } },
        sort: 'createdAt',
      })
      expect(events.docs.map((event) => event.type)).toEqual([
        'created',
        'activated',
        'activated',
        'limit-reached',
      ])
      expect(events.docs[1].actor).toMatchObject({ kind: 'app', ref: 'fp-1' })
    })

    it('answers the validate code for a license that cannot be used', async () => {
      const suspended = await createLicense(booted.payload, {
        customer: acme.id,
        product: promonitor.id,
        status: 'suspended',
      })
      const expired = await createLicense(booted.payload, {
        customer: acme.id,
        product: promonitor.id,
        startsAt: addDays(new Date(), -60).toISOString(),
        expiresAt: addDays(new Date(), -1).toISOString(),
      })
      expect((await post('activate', { key: suspended.key, fingerprint: 'fp' })).body.code).toBe(
        'SUSPENDED',
      )
      expect((await post('activate', { key: expired.key, fingerprint: 'fp' })).body.code).toBe(
        'EXPIRED',
      )
      expect(
        (await post('activate', { key: generateLicenseKey('promonitor'), fingerprint: 'fp' })).body
          .code,
      ).toBe('NOT_FOUND')
      expect((await booted.payload.count({ collection: 'activations' })).totalDocs).toBe(0)
    })

    it('deactivates once, frees the seat, then answers NOT_ACTIVE', async () => {
      await post('activate', { key: license.key, fingerprint: 'fp-1' })
      await post('activate', { key: license.key, fingerprint: 'fp-2' })
      const freed = await post('deactivate', { key: license.key, fingerprint: 'fp-1', nonce: 'd' })
      expect(freed.body).toMatchObject({ code: 'DEACTIVATED' })
      await expect(
        verifySignedAnswer(freed.body.signed, SignedKind.activation, { trust, nonce: 'd' }),
      ).resolves.toMatchObject({ code: 'DEACTIVATED' })
      expect((await post('deactivate', { key: license.key, fingerprint: 'fp-1' })).body.code).toBe(
        'NOT_ACTIVE',
      )
      expect(
        (await booted.payload.findByID({ collection: 'licenses', id: license.id })).activeClients,
      ).toBe(1)
      expect((await post('activate', { key: license.key, fingerprint: 'fp-3' })).body.code).toBe(
        'ACTIVATED',
      )
    })

    it('frees the seat when support deletes an activation in the admin', async () => {
      const { body } = await post('activate', { key: license.key, fingerprint: 'fp-1' })
      await booted.payload.delete({ collection: 'activations', id: body.activation.id })
      expect(
        (await booted.payload.findByID({ collection: 'licenses', id: license.id })).activeClients,
      ).toBe(0)
    })
  })

  describe('license file', () => {
    it('is verified offline by the SDK, bare and armoured, with its terms and a 30-day exp', async () => {
      const { body } = await post('activate', { key: license.key, fingerprint: 'fp-file' })
      const expected = {
        licenseId: String(license.id),
        key: license.key,
        customer: { id: String(acme.id), name: 'Acme Industrial' },
        product: 'promonitor',
        line: 'v7',
        type: 'subscription',
        modules: ['reporting'],
        maxClients: 2,
        maxUsers: 5,
        fingerprint: 'fp-file',
        startsAt: new Date(license.startsAt).toISOString(),
        expiresAt: new Date(license.expiresAt as string).toISOString(),
      }
      const claims = await verifyLicenseFile(body.licenseFile, { trust, fingerprint: 'fp-file' })
      expect(claims).toMatchObject(expected)
      expect(claims.exp - claims.iat).toBe(30 * 24 * 3600)
      await expect(
        verifyLicenseFile(armorLicenseFile(body.licenseFile), { trust, fingerprint: 'fp-file' }),
      ).resolves.toMatchObject(expected)
    })

    it('never outlives the license, and is refused when tampered, bound elsewhere, expired or from the future', async () => {
      const short = await createLicense(booted.payload, {
        customer: acme.id,
        product: promonitor.id,
        type: 'trial',
        expiresAt: addDays(new Date(), 5).toISOString(),
      })
      const { body } = await post('activate', { key: short.key, fingerprint: 'fp-x' })
      const claims = await verifyLicenseFile(body.licenseFile, { trust })
      expect(claims.exp).toBe(Math.floor(new Date(short.expiresAt as string).getTime() / 1000))
      await expect(
        verifyLicenseFile(
          withEditedPayload(body.licenseFile, (file) => (file.maxClients = 99)),
          { trust },
        ),
      ).rejects.toMatchObject({ code: 'BAD_SIGNATURE' })
      await expect(
        verifyLicenseFile(body.licenseFile, { trust, fingerprint: 'another-machine' }),
      ).rejects.toMatchObject({ code: 'FINGERPRINT_MISMATCH' })
      await expect(
        verifyLicenseFile(body.licenseFile, { trust, now: addDays(new Date(), 6) }),
      ).rejects.toMatchObject({ code: 'FILE_EXPIRED' })
      await expect(
        verifyLicenseFile(body.licenseFile, { trust, now: new Date(Date.now() - 10 * 60_000) }),
      ).rejects.toMatchObject({ code: 'ISSUED_IN_FUTURE' })
      const signedAnswer = (await post('validate', { key: short.key })).body.signed
      await expect(verifyLicenseFile(signedAnswer, { trust })).rejects.toMatchObject({
        code: 'WRONG_KIND',
      })
    })

    it('carries no expiry for a perpetual license and expires by its own 30 days', async () => {
      const perpetual = await createLicense(booted.payload, {
        customer: acme.id,
        product: promonitor.id,
        type: 'perpetual',
        expiresAt: null,
      })
      const { body } = await post('activate', { key: perpetual.key, fingerprint: 'fp-p' })
      const claims = await verifyLicenseFile(body.licenseFile, { trust })
      expect(claims.expiresAt).toBeNull()
      expect(claims.exp - claims.iat).toBe(30 * 24 * 3600)
    })
  })
})
