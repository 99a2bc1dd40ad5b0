import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { Customer, License, Product } from '../../payload-types'
import { SignedKind, verifySignedAnswer, type TrustStore } from '../../src/sdk'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCatalogue, createCustomer, createLicense, pinnedTrust } from '../helpers/fixtures'
import { serveApi, type ApiServer } from '../helpers/serveApi'

describe('users and limits: reported users, usersInUse, soft user limit, staff limit alerts', () => {
  let booted: TestPayload
  let api: ApiServer
  let trust: TrustStore
  let promonitor: Product
  let acme: Customer
  let license: License

  const post = (path: string, body: Record<string, unknown>) =>
    api.call('POST', `/api/v1/licenses/${path}`, { body: { key: license.key, ...body } })
  const reload = () => booted.payload.findByID({ collection: 'licenses', id: license.id, depth: 0 })
  const limitMails = async () =>
    (
      await booted.payload.find({
        collection: 'outbox',
        where: { templateKey: { equals: 'staff-limit-reached' } },
        depth: 0,
      })
    ).docs
  const limitEvents = async () =>
    (
      await booted.payload.find({
        collection: 'license-events',
        where: {
          and: [{ license: { equals: license.id } }, { type: { equals: 'limit-reached' } }],
        },
        depth: 0,
      })
    ).docs

  beforeAll(async () => {
    booted = await bootPayload({ STAFF_ALERTS_TO: 'accounts@hub.example' })
    api = await serveApi(booted)
    ;({ promonitor } = await createCatalogue(booted.payload))
    acme = await createCustomer(booted.payload, 'Acme Industrial')
    trust = await pinnedTrust(api.call)
  })
  afterAll(async () => {
    await api?.close()
    await booted?.shutdown()
  })
  beforeEach(async () => {
    for (const collection of ['outbox', 'license-events', 'activations', 'licenses'] as const) {
      await booted.payload.delete({
        collection,
        where: { id: { exists: true } },
        overrideAccess: true,
      })
    }
    license = await createLicense(booted.payload, {
      customer: acme.id,
      product: promonitor.id,
      maxClients: 2,
      maxUsers: 5,
    })
  })

  it('stores the users an installation reports and sums them as the license’s usersInUse', async () => {
    const activated = await post('activate', { fingerprint: 'machine-a', users: 3 })
    expect(activated.body.code).toBe('ACTIVATED')
    expect(activated.body.limits).toBeUndefined()
    const activation = await booted.payload.findByID({
      collection: 'activations',
      id: activated.body.activation.id,
      depth: 0,
    })
    expect(activation.users).toBe(3)
    expect(activation.usersReportedAt).toBeTruthy()
    expect((await reload()).usersInUse).toBe(3)
    await post('activate', { fingerprint: 'machine-b' })
    expect(
      (await post('validate', { fingerprint: 'machine-b', users: 1 })).body.license,
    ).toMatchObject({ usersInUse: 4, maxUsers: 5 })
    expect(
      (await post('validate', { fingerprint: 'machine-a', users: 2 })).body.license.usersInUse,
    ).toBe(3)
    expect((await reload()).usersInUse).toBe(3)
    await post('deactivate', { fingerprint: 'machine-a' })
    expect((await reload()).usersInUse).toBe(1)
  })

  it('over maxUsers stays VALID, carries limits (signed), records limit-reached and alerts staff once a day', async () => {
    await post('activate', { fingerprint: 'machine-a', users: 3 })
    const over = await post('activate', { fingerprint: 'machine-b', users: 4 })
    expect(over.body).toMatchObject({ code: 'ACTIVATED', limits: { users: { used: 7, max: 5 } } })
    const validated = await post('validate', {
      fingerprint: 'machine-b',
      users: 4,
      nonce: 'n-users',
    })
    expect(validated.body).toMatchObject({
      valid: true,
      code: 'VALID',
      limits: { users: { used: 7, max: 5 } },
    })
    const signed = await verifySignedAnswer(validated.body.signed, SignedKind.validation, {
      trust,
      nonce: 'n-users',
    })
    expect(signed.limits).toEqual({ users: { used: 7, max: 5 } })

    const events = await limitEvents()
    expect(events).toHaveLength(1)
    expect(events[0].details).toMatchObject({ limit: 'users', used: 7, max: 5 })
    const mails = await limitMails()
    expect(mails).toHaveLength(1)
    expect(mails[0]).toMatchObject({
      to: 'accounts@hub.example',
      context: { license: license.id, kind: 'staff-limit-reached', limit: 'users' },
    })
    expect(mails[0].subject).toBe('Limit reached: Acme Industrial ProMonitor (users)')

    expect(
      (await post('validate', { fingerprint: 'machine-b', users: 1 })).body.limits,
    ).toBeUndefined()
  })

  it('alerts staff once per license, limit and UTC day when activations are refused for the client limit', async () => {
    await post('activate', { fingerprint: 'machine-a' })
    await post('activate', { fingerprint: 'machine-b' })
    expect((await post('activate', { fingerprint: 'machine-c' })).body.code).toBe(
      'TOO_MANY_CLIENTS',
    )
    expect((await post('activate', { fingerprint: 'machine-d' })).body.code).toBe(
      'TOO_MANY_CLIENTS',
    )
    const mails = await limitMails()
    expect(mails).toHaveLength(1)
    expect(mails[0].context).toMatchObject({ license: license.id, limit: 'clients', max: 2 })
    // Yesterday's alert does not hold back today's.
    await booted.payload.update({
      collection: 'licenses',
      id: license.id,
      data: { clientsLimitAlertedOn: '2020-01-01' } as never,
      overrideAccess: true,
    })
    await post('activate', { fingerprint: 'machine-e' })
    expect(await limitMails()).toHaveLength(1)
  })

  it('refuses a bad users count with 400 BAD_REQUEST', async () => {
    for (const users of [-1, 1.5, 1_000_001, '3']) {
      for (const path of ['validate', 'activate']) {
        const answer = await post(path, { fingerprint: 'machine-a', users })
        expect(answer.status, `${path} users=${users}`).toBe(400)
        expect(answer.body.code).toBe('BAD_REQUEST')
      }
    }
  })
})
