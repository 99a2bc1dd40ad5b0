import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { addDays } from '../../src/lib/time'
import { verifyLicenseFile, type TrustStore } from '../../src/sdk'
import type { Customer, License, LicenseEvent, Product } from '../../payload-types'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import {
  createCatalogue,
  createCustomer,
  createLicense,
  pinnedTrust,
  staffLogin,
} from '../helpers/fixtures'
import { serveApi, type ApiServer } from '../helpers/serveApi'

describe("support's one-click actions", () => {
  let booted: TestPayload
  let api: ApiServer
  let trust: TrustStore
  let promonitor: Product
  let acme: Customer
  let support: Record<string, string>
  let editor: Record<string, string>
  let license: License

  const act = (action: string, body: unknown = {}, headers = support, id: number = license.id) =>
    api.call('POST', `/api/licenses/${id}/actions/${action}`, { body, headers })
  const eventsOf = async (id: number): Promise<LicenseEvent[]> =>
    (
      await booted.payload.find({
        collection: 'license-events',
        where: { license: { equals: id } },
        sort: 'createdAt',
        pagination: false,
      })
    ).docs
  const lastEvent = async (id: number = license.id) => (await eventsOf(id)).at(-1)

  beforeAll(async () => {
    booted = await bootPayload()
    api = await serveApi(booted)
    ;({ promonitor } = await createCatalogue(booted.payload))
    acme = await createCustomer(booted.payload, 'Acme Industrial')
    support = await staffLogin(booted.payload, api.call, 'sam@example.com', 'support')
    editor = await staffLogin(booted.payload, api.call, 'eddie@example.com', 'editor')
    trust = await pinnedTrust(api.call)
  })
  afterAll(async () => {
    await api?.close()
    await booted?.shutdown()
  })
  beforeEach(async () => {
    license = await createLicense(booted.payload, {
      customer: acme.id,
      product: promonitor.id,
      type: 'trial',
      expiresAt: addDays(new Date(), 5).toISOString(),
      modules: ['reporting'],
      maxClients: 1,
      maxUsers: 3,
    })
  })

  it('refuses anonymous callers with 401 and other roles with 403, changing nothing', async () => {
    expect((await act('extend', {}, {})).status).toBe(401)
    const byEditor = await act('suspend', {}, editor)
    expect(byEditor.status).toBe(403)
    expect(byEditor.body.code).toBe('FORBIDDEN')
    const stored = await booted.payload.findByID({ collection: 'licenses', id: license.id })
    expect(stored.status).toBe('active')
    expect((await eventsOf(license.id)).map((event) => event.type)).toEqual([
      'created',
      'trial-started',
    ])
  })

  it('extends a trial by 14 days by default, or by the days given, and records who did it', async () => {
    const extended = await act('extend')
    expect(extended.status).toBe(200)
    expect(extended.body.license.expiresAt).toBe(
      addDays(license.expiresAt as string, 14).toISOString(),
    )
    expect(await lastEvent()).toMatchObject({
      type: 'extended',
      actor: { kind: 'staff', label: 'sam@example.com' },
      details: { days: 14, from: license.expiresAt },
    })
    const again = await act('extend', { days: 30 })
    expect(again.body.license.expiresAt).toBe(
      addDays(license.expiresAt as string, 44).toISOString(),
    )
  })

  it('extends an expired trial from today', async () => {
    const expired = await createLicense(booted.payload, {
      customer: acme.id,
      product: promonitor.id,
      type: 'trial',
      startsAt: addDays(new Date(), -40).toISOString(),
      expiresAt: addDays(new Date(), -10).toISOString(),
    })
    const answer = await act('extend', { days: 14 }, support, expired.id)
    expect(answer.body.license.daysLeft).toBe(14)
  })

  it('adds modules once each', async () => {
    const answer = await act('add-modules', { modules: ['sla', 'reporting', 'sla'] })
    expect(answer.body.license.modules).toEqual(['reporting', 'sla'])
    expect(await lastEvent()).toMatchObject({ type: 'modules-added', details: { added: ['sla'] } })
  })

  it('adds a pack of clients, users and credits as increments', async () => {
    const answer = await act('add-pack', { clients: 4, users: 10 })
    expect(answer.body.license).toMatchObject({ maxClients: 5, maxUsers: 13 })
    expect(await lastEvent()).toMatchObject({
      type: 'pack-added',
      details: { clients: 4, users: 10, credits: 0 },
    })
    const onUsage = await createLicense(booted.payload, {
      customer: acme.id,
      product: promonitor.id,
      type: 'on-usage',
      credits: 5,
    })
    expect(
      (await act('add-pack', { credits: 100 }, support, onUsage.id)).body.license.credits,
    ).toBe(105)
    expect((await act('add-pack', {})).status).toBe(400)
  })

  it('suspends (validate answers SUSPENDED) and reinstates', async () => {
    const suspended = await act('suspend', { reason: 'unpaid invoice' })
    expect(suspended.body.license.status).toBe('suspended')
    expect(await lastEvent()).toMatchObject({
      type: 'suspended',
      details: { reason: 'unpaid invoice' },
    })
    expect(
      (await api.call('POST', '/api/v1/licenses/validate', { body: { key: license.key } })).body
        .code,
    ).toBe('SUSPENDED')
    expect((await act('suspend')).status).toBe(409)
    expect((await act('reinstate')).body.license.status).toBe('active')
    expect(await lastEvent()).toMatchObject({ type: 'reinstated' })
    expect(
      (await api.call('POST', '/api/v1/licenses/validate', { body: { key: license.key } })).body
        .code,
    ).toBe('VALID')
  })

  it('converts a trial to a subscription or to perpetual, and nothing else', async () => {
    const subscription = await act('convert', { to: 'subscription' })
    expect(subscription.body.license).toMatchObject({ type: 'subscription', daysLeft: 365 })
    expect(await lastEvent()).toMatchObject({
      type: 'converted',
      details: { from: 'trial', to: 'subscription' },
    })
    expect((await act('convert', { to: 'perpetual' })).status).toBe(409)
    const other = await createLicense(booted.payload, {
      customer: acme.id,
      product: promonitor.id,
      type: 'trial',
    })
    const perpetual = await act('convert', { to: 'perpetual' }, support, other.id)
    expect(perpetual.body.license).toMatchObject({ type: 'perpetual', expiresAt: null })
    expect((await act('convert', { to: 'on-usage' }, support, other.id)).status).toBe(400)
  })

  it('answers 404 for an unknown license and 400 for bad input', async () => {
    expect((await act('extend', {}, support, 999_999)).status).toBe(404)
    expect((await act('extend', { days: -3 })).status).toBe(400)
    expect((await act('add-modules', { modules: [] })).status).toBe(400)
    expect((await act('extend', 'nope')).status).toBe(400)
  })

  it('creates a trial from a customer', async () => {
    const answer = await api.call('POST', `/api/customers/${acme.id}/actions/create-trial`, {
      body: { product: 'promonitor' },
      headers: support,
    })
    expect(answer.status).toBe(201)
    expect(answer.body.license).toMatchObject({
      type: 'trial',
      customer: acme.id,
      line: 'v7',
      modules: ['reporting', 'sla', 'topology'],
      daysLeft: 30,
    })
    expect(
      (await eventsOf(answer.body.license.id)).map((event) => [event.type, event.actor?.kind]),
    ).toEqual([
      ['created', 'staff'],
      ['trial-started', 'staff'],
    ])
    expect(
      (
        await api.call('POST', `/api/customers/${acme.id}/actions/create-trial`, {
          body: { product: 'promonitor' },
          headers: editor,
        })
      ).status,
    ).toBe(403)
  })

  it('downloads an armoured license file the SDK verifies offline', async () => {
    const answer = await api.call<string>(
      'GET',
      `/api/licenses/${license.id}/license-file?fingerprint=offline-box`,
      { headers: support },
    )
    expect(answer.status).toBe(200)
    expect(answer.body).toMatch(/^-----BEGIN LICENSE FILE-----\n/)
    await expect(
      verifyLicenseFile(answer.body, { trust, fingerprint: 'offline-box' }),
    ).resolves.toMatchObject({ licenseId: String(license.id), fingerprint: 'offline-box' })
  })

  it('records staff edits made in the admin with the most telling event type', async () => {
    await api.call('PATCH', `/api/licenses/${license.id}`, {
      body: { status: 'suspended' },
      headers: support,
    })
    expect(await lastEvent()).toMatchObject({ type: 'suspended', actor: { kind: 'staff' } })
    await api.call('PATCH', `/api/licenses/${license.id}`, {
      body: { notes: 'called the customer' },
      headers: support,
    })
    expect(await lastEvent()).toMatchObject({ type: 'suspended' })
  })
})
