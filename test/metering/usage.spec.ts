import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { Customer, License, Product } from '../../payload-types'
import { addPack, findActivation, findLicenseByKey, systemActor } from '../../plugins/licensing'
import { spendInTransaction } from '../../plugins/metering'
import { addDays } from '../../src/lib/time'
import { SignedKind, verifySignedAnswer, type TrustStore } from '../../src/sdk'
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
import { testDatabaseKind } from '../helpers/testDatabase'

const fingerprint = 'machine-a'

describe('usage metering: POST /api/v1/usage and /usage/batch', () => {
  let booted: TestPayload
  let api: ApiServer
  let trust: TrustStore
  let promonitor: Product
  let acme: Customer
  let license: License
  let keyCounter = 0

  const newKey = () => `use-${Date.now()}-${++keyCounter}`
  const use = (body: Record<string, unknown>) =>
    api.call('POST', '/api/v1/usage', { body: { key: license.key, fingerprint, ...body } })
  const batch = (body: Record<string, unknown>) =>
    api.call('POST', '/api/v1/usage/batch', { body: { key: license.key, fingerprint, ...body } })
  const creditsOf = async (id = license.id) =>
    (await booted.payload.findByID({ collection: 'licenses', id, depth: 0 })).credits
  /** `spendInTransaction` for each use at once, without the per-process queue (two instances). */
  const spendAllAtOnce = async (uses: { quantity: number; idempotencyKey: string }[]) => {
    const record = (await findLicenseByKey(booted.payload, license.key as string))!
    const activation = (await findActivation(booted.payload, license.id, fingerprint))!
    const at = new Date()
    return Promise.all(
      uses.map((use) =>
        spendInTransaction(booted.payload, record, activation.id, { ...use, occurredAt: at }, at),
      ),
    )
  }
  const recordCount = async () =>
    (
      await booted.payload.count({
        collection: 'usage-records',
        where: { license: { equals: license.id } },
      })
    ).totalDocs
  const meteredLicense = async (terms: Partial<License> = {}) => {
    const created = await createLicense(booted.payload, {
      customer: acme.id,
      product: promonitor.id,
      type: 'on-usage',
      credits: 20,
      maxClients: 3,
      ...terms,
    })
    await api.call('POST', '/api/v1/licenses/activate', { body: { key: created.key, fingerprint } })
    return created
  }

  beforeAll(async () => {
    booted = await bootPayload({ STAFF_ALERTS_TO: 'ops@hub.example, billing@hub.example' })
    api = await serveApi(booted)
    ;({ promonitor } = await createCatalogue(booted.payload))
    acme = await createCustomer(booted.payload, 'Acme Industrial', [
      { email: 'it@acme.example' },
      { email: 'news@acme.example', receives: ['releases'] },
    ])
    trust = await pinnedTrust(api.call)
  })
  afterAll(async () => {
    await api?.close()
    await booted?.shutdown()
  })
  beforeEach(async () => {
    for (const collection of [
      'usage-records',
      'outbox',
      'license-events',
      'activations',
      'licenses',
    ] as const) {
      await booted.payload.delete({
        collection,
        where: { id: { exists: true } },
        overrideAccess: true,
      })
    }
    license = await meteredLicense()
  })

  it('records a use: credits deducted, a usage record, a signed usage+jws answer echoing the nonce', async () => {
    const idempotencyKey = newKey()
    const answer = await use({ quantity: 3, idempotencyKey, nonce: 'nonce-u1' })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      code: 'RECORDED',
      quantity: 3,
      remaining: 17,
      replayed: false,
      recordId: expect.anything(),
    })
    const signed = await verifySignedAnswer(answer.body.signed, SignedKind.usage, {
      trust,
      nonce: 'nonce-u1',
    })
    const { signed: _signed, ...fields } = answer.body
    expect(signed).toEqual({ ...fields, nonce: 'nonce-u1', iat: expect.any(Number) })
    await expect(
      verifySignedAnswer(answer.body.signed, SignedKind.validation, { trust }),
    ).rejects.toMatchObject({ code: 'WRONG_KIND' })
    expect(await creditsOf()).toBe(17)
    const record = await booted.payload.findByID({
      collection: 'usage-records',
      id: answer.body.recordId,
      depth: 0,
    })
    expect(record).toMatchObject({
      license: license.id,
      customer: acme.id,
      quantity: 3,
      idempotencyKey,
      remainingAfter: 17,
    })
    expect(record.activation).toEqual(expect.anything())
  })

  it('uses of eight licenses at once spend each license its own credits; a key sent twice at once counts once', async () => {
    const licenses = await Promise.all(
      Array.from({ length: 8 }, () => meteredLicense({ credits: 1000 })),
    )
    // One use each first: the first use after a top-up takes the transaction, the rest may go
    // together in one statement.
    for (const { key } of licenses)
      await api.call('POST', '/api/v1/usage', {
        body: { key, fingerprint, quantity: 1, idempotencyKey: newKey() },
      })
    const twice = newKey()
    const sends = licenses.flatMap(({ key }, index) =>
      Array.from({ length: 10 }, (_, round) => ({
        key,
        fingerprint,
        quantity: index + 1,
        idempotencyKey: index === 0 && round < 2 ? twice : newKey(),
      })),
    )
    const answers = await Promise.all(
      sends.map((body) => api.call('POST', '/api/v1/usage', { body })),
    )
    expect(answers.map((answer) => answer.body.code)).toEqual(sends.map(() => 'RECORDED'))
    expect(answers.filter((answer) => answer.body.replayed)).toHaveLength(1)
    expect(answers[0].body.recordId).toBe(answers[1].body.recordId)
    for (const [index, { id }] of licenses.entries()) {
      const spent = index === 0 ? 9 : 10 * (index + 1)
      expect(await creditsOf(id)).toBe(1000 - 1 - spent)
      const records = await booted.payload.find({
        collection: 'usage-records',
        where: { license: { equals: id } },
        pagination: false,
        depth: 0,
      })
      expect(records.docs.reduce((sum, record) => sum + Number(record.quantity), 0)).toBe(1 + spent)
    }
  })

  it('50 parallel uses of 1 on 20 credits: exactly 20 RECORDED, 30 NO_CREDIT, credits 0, 20 records; replaying all 50 changes nothing', async () => {
    const keys = Array.from({ length: 50 }, () => newKey())
    const answers = await Promise.all(
      keys.map((idempotencyKey) => use({ quantity: 1, idempotencyKey })),
    )
    expect(answers.every((answer) => answer.status === 200)).toBe(true)
    const codes = answers.map((answer) => answer.body.code)
    expect(codes.filter((code) => code === 'RECORDED')).toHaveLength(20)
    expect(codes.filter((code) => code === 'NO_CREDIT')).toHaveLength(30)
    expect(await creditsOf()).toBe(0)
    expect(await recordCount()).toBe(20)
    const remainders = answers
      .filter((answer) => answer.body.code === 'RECORDED')
      .map((answer) => answer.body.remaining)
    expect(remainders.sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, index) => index),
    )

    const replays = await Promise.all(
      keys.map((idempotencyKey) => use({ quantity: 1, idempotencyKey })),
    )
    replays.forEach((replay, index) => {
      const original = answers[index].body
      if (original.code === 'RECORDED')
        expect(replay.body).toMatchObject({
          code: 'RECORDED',
          quantity: 1,
          remaining: original.remaining,
          recordId: original.recordId,
          replayed: true,
        })
      else
        expect(replay.body).toMatchObject({
          code: 'NO_CREDIT',
          quantity: 1,
          remaining: 0,
          replayed: false,
        })
    })
    expect(await creditsOf()).toBe(0)
    expect(await recordCount()).toBe(20)
    const exhausted = await booted.payload.count({
      collection: 'license-events',
      where: {
        and: [{ license: { equals: license.id } }, { type: { equals: 'credit-exhausted' } }],
      },
    })
    expect(exhausted.totalDocs).toBe(1)
  })

  // SQLite has one writer (this process queues its transactions); PostgreSQL takes them side by
  // side.
  it.skipIf(testDatabaseKind === 'sqlite')(
    'on PostgreSQL, 50 transactions at once without the per-process queue (two instances) spend exactly the 20 credits, and the same key 10 times at once is recorded once',
    async () => {
      const outcomes = await spendAllAtOnce(
        Array.from({ length: 50 }, () => ({ quantity: 1, idempotencyKey: newKey() })),
      )
      expect(outcomes.filter((outcome) => outcome.spent)).toHaveLength(20)
      expect(
        outcomes.filter((outcome) => !outcome.spent && outcome.reason === 'no-credit'),
      ).toHaveLength(30)
      expect(await creditsOf()).toBe(0)
      expect(await recordCount()).toBe(20)

      await addPack(booted.payload, { licenseId: license.id, credits: 5 }, systemActor)
      const idempotencyKey = newKey()
      const same = await spendAllAtOnce(Array(10).fill({ quantity: 1, idempotencyKey }))
      expect(same.filter((outcome) => outcome.spent)).toHaveLength(1)
      expect(same.filter((outcome) => !outcome.spent && outcome.reason === 'raced')).toHaveLength(9)
      expect(await creditsOf()).toBe(4)
      expect(await recordCount()).toBe(21)
    },
  )

  it('records the same key sent 10 times at once once and spends its credits once, on SQLite too (which has no transaction to roll back)', async () => {
    const outcomes = await spendAllAtOnce(Array(10).fill({ quantity: 2, idempotencyKey: newKey() }))
    expect(outcomes.filter((outcome) => outcome.spent)).toHaveLength(1)
    expect(outcomes.filter((outcome) => !outcome.spent && outcome.reason === 'raced')).toHaveLength(
      9,
    )
    expect(await creditsOf()).toBe(18)
    expect(await recordCount()).toBe(1)
    const again = await use({ quantity: 2, idempotencyKey: newKey() })
    expect(again.body).toMatchObject({ code: 'RECORDED', remaining: 16 })
  })

  it('answers a replayed key with the original decision and refuses the same key with another quantity (409 IDEMPOTENCY_MISMATCH)', async () => {
    const idempotencyKey = newKey()
    const first = await use({ quantity: 2, idempotencyKey })
    await use({ quantity: 5, idempotencyKey: newKey() })
    const again = await use({ quantity: 2, idempotencyKey, nonce: 'n2' })
    expect(again.body).toMatchObject({
      code: 'RECORDED',
      quantity: 2,
      remaining: first.body.remaining,
      recordId: first.body.recordId,
      replayed: true,
    })
    await verifySignedAnswer(again.body.signed, SignedKind.usage, { trust, nonce: 'n2' })
    const mismatch = await use({ quantity: 3, idempotencyKey })
    expect(mismatch.status).toBe(409)
    expect(mismatch.body.code).toBe('IDEMPOTENCY_MISMATCH')
    expect(await creditsOf()).toBe(13)
    expect(await recordCount()).toBe(2)
  })

  it('answers NO_CREDIT without deducting anything when fewer credits are left than the quantity', async () => {
    const answer = await use({ quantity: 21, idempotencyKey: newKey() })
    expect(answer.body).toMatchObject({
      code: 'NO_CREDIT',
      quantity: 21,
      remaining: 20,
      replayed: false,
    })
    expect(answer.body.recordId).toBeUndefined()
    expect(await creditsOf()).toBe(20)
    expect(await recordCount()).toBe(0)
  })

  it('answers every refusal code, signed, and spends nothing', async () => {
    const subscription = await createLicense(booted.payload, {
      customer: acme.id,
      product: promonitor.id,
    })
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['NOT_METERED', { key: subscription.key }, 'NOT_METERED'],
      ['NOT_FOUND', { key: 'PMON-7QK2M-0ZC9D-H4TXV-N8R1B-6JWEA-K' }, 'NOT_FOUND'],
      ['NO_ACTIVATION', { fingerprint: 'machine-unknown' }, 'NO_ACTIVATION'],
    ]
    for (const [label, body, code] of cases) {
      const answer = await use({ quantity: 1, idempotencyKey: newKey(), nonce: label, ...body })
      expect(answer.status, label).toBe(200)
      expect(answer.body, label).toMatchObject({ code, quantity: 1, replayed: false })
      await verifySignedAnswer(answer.body.signed, SignedKind.usage, { trust, nonce: label })
    }
    expect(
      (await use({ quantity: 1, idempotencyKey: newKey(), key: subscription.key })).body.remaining,
    ).toBeNull()
    expect(
      (await use({ quantity: 1, idempotencyKey: newKey(), fingerprint: 'machine-unknown' })).body
        .remaining,
    ).toBe(20)

    const states: Array<[string, Partial<License>]> = [
      ['EXPIRED', { expiresAt: addDays(new Date(), -1).toISOString() }],
      ['SUSPENDED', { status: 'suspended' }],
      ['NOT_STARTED', { startsAt: addDays(new Date(), 2).toISOString() }],
    ]
    for (const [code, terms] of states) {
      await booted.payload.update({
        collection: 'licenses',
        id: license.id,
        data: {
          status: 'active',
          startsAt: addDays(new Date(), -30).toISOString(),
          expiresAt: addDays(new Date(), 100).toISOString(),
          ...terms,
        },
      })
      const answer = await use({ quantity: 1, idempotencyKey: newKey() })
      expect(answer.body, code).toMatchObject({ code, quantity: 1, remaining: 20, replayed: false })
    }
    expect(await creditsOf()).toBe(20)
    expect(await recordCount()).toBe(0)
  })

  it('refuses bad input field by field with 400 BAD_REQUEST and records nothing', async () => {
    const longAgo = addDays(new Date(), -8).toISOString()
    const ahead = new Date(Date.now() + 10 * 60_000).toISOString()
    const bad: Array<[string, Record<string, unknown>]> = [
      ['quantity 0', { quantity: 0 }],
      ['quantity 1.5', { quantity: 1.5 }],
      ['quantity over a million', { quantity: 1_000_001 }],
      ['quantity as text', { quantity: '1' }],
      ['quantity missing', { quantity: undefined }],
      ['idempotencyKey too short', { idempotencyKey: 'short' }],
      ['idempotencyKey too long', { idempotencyKey: 'k'.repeat(129) }],
      ['idempotencyKey with a space', { idempotencyKey: 'has a space' }],
      ['idempotencyKey missing', { idempotencyKey: undefined }],
      ['occurredAt not a date', { occurredAt: 'yesterday' }],
      ['occurredAt 8 days ago', { occurredAt: longAgo }],
      ['occurredAt 10 minutes ahead', { occurredAt: ahead }],
      ['key missing', { key: undefined }],
      ['fingerprint missing', { fingerprint: undefined }],
      ['nonce too long', { nonce: 'n'.repeat(257) }],
    ]
    for (const [label, override] of bad) {
      const answer = await use({ quantity: 1, idempotencyKey: newKey(), ...override })
      expect(answer.status, label).toBe(400)
      expect(answer.body.code, label).toBe('BAD_REQUEST')
      expect(answer.body.message, label).toBeTruthy()
    }
    expect((await api.call('POST', '/api/v1/usage', { body: 'not json' })).status).toBe(400)
    const batchRecords = (count: number) =>
      Array.from({ length: count }, () => ({ quantity: 1, idempotencyKey: newKey() }))
    for (const [label, records] of [
      ['no records', []],
      ['101 records', batchRecords(101)],
      ['one bad record', [...batchRecords(2), { quantity: 0, idempotencyKey: newKey() }]],
    ] as const) {
      const answer = await batch({ records })
      expect(answer.status, label).toBe(400)
      expect(answer.body.code, label).toBe('BAD_REQUEST')
    }
    expect(await creditsOf()).toBe(20)
    expect(await recordCount()).toBe(0)
  })

  it('accepts a use that happened up to 7 days ago and keeps its time', async () => {
    const occurredAt = addDays(new Date(), -6).toISOString()
    const answer = await use({ quantity: 1, idempotencyKey: newKey(), occurredAt })
    expect(answer.body.code).toBe('RECORDED')
    expect(
      (await booted.payload.findByID({ collection: 'usage-records', id: answer.body.recordId }))
        .occurredAt,
    ).toBe(occurredAt)
  })

  it('applies a batch in order in one signed answer: a duplicate key replays, the use that does not fit is NO_CREDIT', async () => {
    const [a, b, c] = [newKey(), newKey(), newKey()]
    const answer = await batch({
      nonce: 'batch-1',
      records: [
        { quantity: 5, idempotencyKey: a },
        { quantity: 10, idempotencyKey: b },
        { quantity: 5, idempotencyKey: a },
        { quantity: 6, idempotencyKey: c },
        { quantity: 5, idempotencyKey: newKey() },
      ],
    })
    expect(answer.status).toBe(200)
    expect(answer.body.results).toEqual([
      {
        code: 'RECORDED',
        quantity: 5,
        remaining: 15,
        recordId: expect.anything(),
        replayed: false,
      },
      {
        code: 'RECORDED',
        quantity: 10,
        remaining: 5,
        recordId: expect.anything(),
        replayed: false,
      },
      {
        code: 'RECORDED',
        quantity: 5,
        remaining: 15,
        recordId: answer.body.results[0].recordId,
        replayed: true,
      },
      { code: 'NO_CREDIT', quantity: 6, remaining: 5, replayed: false },
      { code: 'RECORDED', quantity: 5, remaining: 0, recordId: expect.anything(), replayed: false },
    ])
    const signed = await verifySignedAnswer(answer.body.signed, SignedKind.usage, {
      trust,
      nonce: 'batch-1',
    })
    expect(signed.results).toEqual(answer.body.results)
    expect(await creditsOf()).toBe(0)
    expect(await recordCount()).toBe(3)

    const mismatch = await batch({
      records: [
        { quantity: 1, idempotencyKey: newKey() },
        { quantity: 9, idempotencyKey: b },
      ],
    })
    expect(mismatch.status).toBe(409)
    expect(mismatch.body.code).toBe('IDEMPOTENCY_MISMATCH')
    expect(await recordCount()).toBe(3)
  })

  it('takes the largest batch the contract allows: 100 records with 128-character keys and their times', async () => {
    const occurredAt = new Date().toISOString()
    const records = Array.from({ length: 100 }, (_, index) => ({
      quantity: 1_000_000,
      idempotencyKey: `${newKey()}-${index}-`.padEnd(128, 'k'),
      occurredAt,
    }))
    const answer = await batch({ nonce: 'n'.repeat(256), records })
    expect(
      JSON.stringify({ key: license.key, fingerprint, nonce: 'n'.repeat(256), records }).length,
    ).toBeGreaterThan(16 * 1024)
    expect(answer.status).toBe(200)
    expect(answer.body.results).toHaveLength(100)
    expect(
      answer.body.results.every((result: { code: string }) => result.code === 'NO_CREDIT'),
    ).toBe(true)
  })

  it('crossing below the low-credit level records credit-low and mails the license contacts and staff once; the first NO_CREDIT records credit-exhausted once; a top-up re-arms both', async () => {
    const mailsOf = async (kind: string) =>
      (
        await booted.payload.find({
          collection: 'outbox',
          where: { templateKey: { in: [kind, `staff-${kind}`] } },
          limit: 100,
          depth: 0,
        })
      ).docs
    const eventsOf = async (type: string) =>
      (
        await booted.payload.count({
          collection: 'license-events',
          where: { and: [{ license: { equals: license.id } }, { type: { equals: type } }] },
        })
      ).totalDocs

    // 20 credits: the default level is 10 %, 2 credits; 18 left is above it.
    await use({ quantity: 2, idempotencyKey: newKey() })
    expect(await eventsOf('credit-low')).toBe(0)
    await use({ quantity: 17, idempotencyKey: newKey() })
    await use({ quantity: 1, idempotencyKey: newKey() })
    expect(await eventsOf('credit-low')).toBe(1)
    const low = await mailsOf('credit-low')
    expect(low.map((mail) => `${mail.templateKey} ${mail.to}`).sort()).toEqual([
      'credit-low it@acme.example',
      'staff-credit-low billing@hub.example',
      'staff-credit-low ops@hub.example',
    ])
    expect(low[0].context).toMatchObject({
      license: license.id,
      kind: 'credit-low',
      credits: 1,
      threshold: 2,
    })
    expect(low.find((mail) => mail.templateKey === 'credit-low')?.text).toContain(
      '1 usage credits left',
    )

    await use({ quantity: 5, idempotencyKey: newKey() })
    await use({ quantity: 5, idempotencyKey: newKey() })
    expect(await eventsOf('credit-exhausted')).toBe(1)
    expect((await mailsOf('credit-exhausted')).map((mail) => mail.to).sort()).toEqual([
      'billing@hub.example',
      'it@acme.example',
      'ops@hub.example',
    ])

    // 0 + 100 credits: the new level is 10 % of 100; 10 left is not below it.
    await addPack(booted.payload, { licenseId: license.id, credits: 100 }, systemActor)
    expect((await use({ quantity: 90, idempotencyKey: newKey() })).body.remaining).toBe(10)
    expect(await eventsOf('credit-low')).toBe(1)
    await use({ quantity: 5, idempotencyKey: newKey() })
    expect(await eventsOf('credit-low')).toBe(2)
    await use({ quantity: 7, idempotencyKey: newKey() })
    expect(await eventsOf('credit-exhausted')).toBe(2)
    expect(await mailsOf('credit-low')).toHaveLength(6)
  })

  it('alerts below a tenth of the credits after the top-up, on either path: 30 credits alert below 3, not at 3', async () => {
    license = await meteredLicense({ credits: 30 })
    const lowEvents = async () =>
      (
        await booted.payload.count({
          collection: 'license-events',
          where: { and: [{ license: { equals: license.id } }, { type: { equals: 'credit-low' } }] },
        })
      ).totalDocs
    await use({ quantity: 1, idempotencyKey: newKey() })
    expect((await use({ quantity: 26, idempotencyKey: newKey() })).body.remaining).toBe(3)
    expect(await lowEvents()).toBe(0)
    expect((await use({ quantity: 1, idempotencyKey: newKey() })).body.remaining).toBe(2)
    expect(await lowEvents()).toBe(1)
  })

  it('uses the license’s own low-credit level when support set one', async () => {
    await booted.payload.update({
      collection: 'licenses',
      id: license.id,
      data: { lowCreditThreshold: 15 },
    })
    await use({ quantity: 5, idempotencyKey: newKey() })
    expect(
      (
        await booted.payload.count({
          collection: 'license-events',
          where: { type: { equals: 'credit-low' } },
        })
      ).totalDocs,
    ).toBe(0)
    await use({ quantity: 1, idempotencyKey: newKey() })
    expect(
      (
        await booted.payload.count({
          collection: 'license-events',
          where: { type: { equals: 'credit-low' } },
        })
      ).totalDocs,
    ).toBe(1)
  })

  it('keeps carrying the remaining credits in the validate answer', async () => {
    await use({ quantity: 4, idempotencyKey: newKey() })
    const validation = await api.call('POST', '/api/v1/licenses/validate', {
      body: { key: license.key, fingerprint },
    })
    expect(validation.body.license.credits).toBe(16)
  })

  it('answers alike through the Payload router (what Next serves) as through the API host', async () => {
    const viaRouter = await serveApi(booted, { clientApiVia: 'payload-router' })
    try {
      const idempotencyKey = newKey()
      const body = { key: license.key, fingerprint, quantity: 2, idempotencyKey, nonce: 'router' }
      const first = await viaRouter.call('POST', '/api/v1/usage', { body })
      expect(first.body).toMatchObject({
        code: 'RECORDED',
        quantity: 2,
        remaining: 18,
        replayed: false,
      })
      await verifySignedAnswer(first.body.signed, SignedKind.usage, { trust, nonce: 'router' })
      expect((await use({ quantity: 2, idempotencyKey })).body).toMatchObject({
        code: 'RECORDED',
        remaining: 18,
        recordId: first.body.recordId,
        replayed: true,
      })
      const batched = await viaRouter.call('POST', '/api/v1/usage/batch', {
        body: {
          key: license.key,
          fingerprint,
          records: [{ quantity: 1, idempotencyKey: newKey() }],
        },
      })
      expect(batched.body.results).toEqual([
        {
          code: 'RECORDED',
          quantity: 1,
          remaining: 17,
          recordId: expect.anything(),
          replayed: false,
        },
      ])
      expect(
        (await viaRouter.call('POST', '/api/v1/usage', { body: { ...body, quantity: 0 } })).body
          .code,
      ).toBe('BAD_REQUEST')
    } finally {
      await viaRouter.close()
    }
  })

  it('is listed in the OpenAPI document with its answers', async () => {
    const { paths } = (await api.call('GET', '/api/v1/openapi.json')).body
    expect(Object.keys(paths['/api/v1/usage'].post.responses)).toEqual(
      expect.arrayContaining(['200', '400', '409']),
    )
    expect(Object.keys(paths['/api/v1/usage/batch'].post.responses)).toEqual(
      expect.arrayContaining(['200', '400', '409']),
    )
    const decision = JSON.stringify(paths['/api/v1/usage'].post.responses['200'])
    for (const code of [
      'RECORDED',
      'NO_CREDIT',
      'NOT_METERED',
      'NOT_FOUND',
      'EXPIRED',
      'SUSPENDED',
      'NOT_STARTED',
      'NO_ACTIVATION',
    ])
      expect(decision).toContain(code)
  })

  it('lets support read every usage record and a customer account only its own companies’ records', async () => {
    const globex = await createCustomer(booted.payload, `Globex ${newKey()}`)
    const other = await meteredLicense({ customer: globex.id })
    const mine = await use({ quantity: 1, idempotencyKey: newKey() })
    await api.call('POST', '/api/v1/usage', {
      body: { key: other.key, fingerprint, quantity: 1, idempotencyKey: newKey() },
    })
    const account = `alice-${keyCounter}@acme.example`
    await createCustomerAccount(booted.payload, account, [acme.id], `api-key-${newKey()}`)
    const login = await api.call('POST', '/api/customer-users/login', {
      body: { email: account, password: 'portal-password-1' },
    })
    const asCustomer = await api.call('GET', '/api/usage-records?depth=0', {
      headers: { Authorization: `JWT ${login.body.token}` },
    })
    expect(asCustomer.status).toBe(200)
    expect(asCustomer.body.docs.map((record: { id: unknown }) => record.id)).toEqual([
      mine.body.recordId,
    ])
    const support = await staffLogin(
      booted.payload,
      api.call,
      `support-${keyCounter}@hub.example`,
      'support',
    )
    expect(
      (await api.call('GET', '/api/usage-records?depth=0', { headers: support })).body.totalDocs,
    ).toBe(2)
  })

  it('deletes a license’s usage records with it', async () => {
    await use({ quantity: 1, idempotencyKey: newKey() })
    await booted.payload.delete({ collection: 'licenses', id: license.id })
    expect((await booted.payload.count({ collection: 'usage-records' })).totalDocs).toBe(0)
  })

  it('lets nobody create or edit usage records through REST', async () => {
    const answer = await use({ quantity: 1, idempotencyKey: newKey() })
    expect(
      (await api.call('POST', '/api/usage-records', { body: { license: license.id, quantity: 1 } }))
        .status,
    ).toBe(403)
    expect(
      (
        await api.call('PATCH', `/api/usage-records/${answer.body.recordId}`, {
          body: { quantity: 100 },
        })
      ).status,
    ).toBe(403)
    expect((await api.call('GET', '/api/usage-records')).status).toBe(403)
  })
})
