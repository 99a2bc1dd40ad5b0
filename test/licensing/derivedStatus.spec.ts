import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Customer, License, Product } from '../../payload-types'
import { deriveLicenseStatus } from '../../src/lib/licenseStatus'
import { addDays, describeTimeLeft } from '../../src/lib/time'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCatalogue, createCustomer, createLicense } from '../helpers/fixtures'
import { loginHeaders, rest } from '../helpers/rest'

describe('describeTimeLeft and deriveLicenseStatus (pure)', () => {
  const now = new Date('2026-03-10T09:00:00Z')

  it('counts UTC calendar days: 12 days, 1 day, expires today, expired today, expired 12 days ago, never expires', () => {
    expect(describeTimeLeft('2026-03-22T01:00:00Z', now)).toBe('12 days')
    expect(describeTimeLeft('2026-03-11T00:30:00Z', now)).toBe('1 day')
    expect(describeTimeLeft('2026-03-10T23:00:00Z', now)).toBe('expires today')
    expect(describeTimeLeft('2026-03-10T08:00:00Z', now)).toBe('expired today')
    expect(describeTimeLeft('2026-03-09T23:00:00Z', now)).toBe('expired 1 day ago')
    expect(describeTimeLeft('2026-02-26T12:00:00Z', now)).toBe('expired 12 days ago')
    expect(describeTimeLeft(null, now)).toBe('never expires')
  })

  it('checks suspended, then not started, then expired, else active', () => {
    const past = '2026-01-01T00:00:00Z'
    const future = '2026-12-01T00:00:00Z'
    expect(deriveLicenseStatus({ status: 'active', startsAt: past, expiresAt: future }, now)).toBe(
      'active',
    )
    expect(deriveLicenseStatus({ status: 'active', startsAt: past, expiresAt: past }, now)).toBe(
      'expired',
    )
    expect(deriveLicenseStatus({ status: 'active', startsAt: future, expiresAt: null }, now)).toBe(
      'not-started',
    )
    expect(deriveLicenseStatus({ status: 'suspended', startsAt: past, expiresAt: past }, now)).toBe(
      'suspended',
    )
  })
})

describe('a license read through the API shows its derived status, days left and seats', () => {
  let booted: TestPayload
  let promonitor: Product
  let acme: Customer
  let support: Record<string, string>
  const read = async (license: License) => {
    const answer = await rest<License>(booted, 'GET', `/api/licenses/${license.id}?depth=0`, {
      headers: support,
    })
    expect(answer.status).toBe(200)
    return answer.body
  }
  const endOfTodayUtc = () => {
    const now = new Date()
    return new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 23, 59, 59),
    ).toISOString()
  }

  beforeAll(async () => {
    booted = await bootPayload()
    ;({ promonitor } = await createCatalogue(booted.payload))
    acme = await createCustomer(booted.payload, 'Acme Industrial')
    await booted.payload.create({
      collection: 'users',
      data: { email: 'sam@example.com', password: 'staff-password-1', roles: ['support'] },
    })
    support = await loginHeaders(booted, 'users', 'sam@example.com', 'staff-password-1')
  })
  afterAll(async () => booted?.shutdown())

  const license = (terms: Partial<License>) =>
    createLicense(booted.payload, { customer: acme, product: promonitor, ...terms })

  it('an expired subscription whose stored status is still active reads expired, not active', async () => {
    const expired = await read(
      await license({
        startsAt: addDays(new Date(), -377).toISOString(),
        expiresAt: addDays(new Date(), -12).toISOString(),
        status: 'active',
      }),
    )
    expect(expired).toMatchObject({
      status: 'active',
      currentStatus: 'expired',
      timeLeft: 'expired 12 days ago',
      isExpired: true,
      daysLeft: 0,
    })
  })

  it('a perpetual license is active and never expires', async () => {
    const perpetual = await read(await license({ type: 'perpetual', expiresAt: null }))
    expect(perpetual).toMatchObject({
      currentStatus: 'active',
      timeLeft: 'never expires',
      daysLeft: null,
    })
  })

  it('a license that starts next week is not started; one with 12 days left says so', async () => {
    const later = await read(
      await license({
        startsAt: addDays(new Date(), 7).toISOString(),
        expiresAt: addDays(new Date(), 372).toISOString(),
      }),
    )
    expect(later.currentStatus).toBe('not-started')
    const running = await read(await license({ expiresAt: addDays(new Date(), 12).toISOString() }))
    expect(running).toMatchObject({ currentStatus: 'active', timeLeft: '12 days', daysLeft: 12 })
  })

  it('a suspended license reads suspended, even once expired', async () => {
    const suspended = await read(
      await license({ status: 'suspended', expiresAt: addDays(new Date(), -3).toISOString() }),
    )
    expect(suspended).toMatchObject({ currentStatus: 'suspended', timeLeft: 'expired 3 days ago' })
  })

  it('a license ending later today expires today and is still active', async () => {
    const today = await read(await license({ expiresAt: endOfTodayUtc() }))
    expect(today).toMatchObject({ currentStatus: 'active', timeLeft: 'expires today' })
  })

  it('lists the customer and product names with each license, and its clients in use out of the max', async () => {
    await license({ maxClients: 5 })
    const list = await rest<{ docs: License[] }>(booted, 'GET', '/api/licenses?depth=0&limit=100', {
      headers: support,
    })
    expect(list.status).toBe(200)
    for (const doc of list.body.docs) {
      expect(doc).toMatchObject({ customerName: 'Acme Industrial', productName: 'ProMonitor' })
      expect(doc.clientsInUse).toBe(`${doc.activeClients ?? 0} / ${doc.maxClients}`)
    }
    expect(list.body.docs.some((doc) => doc.clientsInUse === '0 / 5')).toBe(true)
  })

  it('sorts the list by customer name, and refuses to filter on a derived status', async () => {
    const sorted = await rest(booted, 'GET', '/api/licenses?depth=0&sort=customerName', {
      headers: support,
    })
    expect(sorted.status).toBe(200)
    const filtered = await rest(
      booted,
      'GET',
      '/api/licenses?depth=0&where[currentStatus][equals]=expired',
      { headers: support },
    )
    expect(filtered.status).toBe(400)
  })
})
