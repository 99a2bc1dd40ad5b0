import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { Customer, License, Product } from '../../payload-types'
import { accountCompanies } from '../../src/app/(portal)/portal/dashboard/accountCompanies'
import {
  dashboardLicenses,
  type CustomerReader,
} from '../../src/app/(portal)/portal/dashboard/dashboardLicenses'
import { addDays } from '../../src/lib/time'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import {
  createCatalogue,
  createCustomer,
  createCustomerAccount,
  createLicense,
} from '../helpers/fixtures'

// A fixed instant at noon UTC, so day counts do not depend on when the test runs.
const now = new Date('2026-12-07T12:00:00.000Z')
const inDays = (days: number) => addDays(now, days).toISOString()

describe('the portal dashboard: the licenses an account sees, what needs attention first', () => {
  let booted: TestPayload
  let promonitor: Product
  let collector: Product
  let acme: Customer
  let globex: Customer
  let alice: CustomerReader
  let both: CustomerReader
  let usageCounter = 0

  const readerFor = async (email: string, companies: number[]): Promise<CustomerReader> => {
    const account = await createCustomerAccount(booted.payload, email, companies, `key-${email}`)
    return { payload: booted.payload, user: { ...account, collection: 'customer-users' } }
  }
  const license = (terms: Partial<License> & { customer: Customer; product?: Product }) =>
    createLicense(booted.payload, {
      product: promonitor,
      startsAt: inDays(-100),
      expiresAt: inDays(200),
      ...terms,
    })
  const use = (of: License, quantity: number, occurredDaysAgo: number, remainingAfter = 0) =>
    booted.payload.create({
      collection: 'usage-records',
      data: {
        license: of.id,
        customer: typeof of.customer === 'object' ? of.customer.id : of.customer,
        quantity,
        idempotencyKey: `use-${++usageCounter}`,
        occurredAt: inDays(-occurredDaysAgo),
        receivedAt: inDays(-occurredDaysAgo),
        remainingAfter,
      },
    })
  const rowsOf = async (reader: CustomerReader, company?: number) =>
    dashboardLicenses(reader, { now, company })

  beforeAll(async () => {
    booted = await bootPayload()
    ;({ promonitor, collector } = await createCatalogue(booted.payload))
    acme = await createCustomer(booted.payload, 'Acme Industrial')
    globex = await createCustomer(booted.payload, 'Globex Energy')
    alice = await readerFor('alice@acme.test', [acme.id])
    both = await readerFor('owner@both.test', [acme.id, globex.id])
  })
  afterAll(async () => booted?.shutdown())
  beforeEach(async () => {
    for (const collection of ['usage-records', 'licenses'] as const)
      await booted.payload.delete({ collection, where: { id: { exists: true } } })
  })

  it('shows each column of a subscription: product and line, type, status, seats, clients, created, expiry and days left', async () => {
    const created = await license({
      customer: acme,
      line: 'v7',
      maxClients: 5,
      maxUsers: 25,
      activeClients: 3,
      usersInUse: 12,
      expiresAt: inDays(65),
    })
    const [row] = await rowsOf(alice)
    expect(row).toEqual({
      id: created.id,
      companyName: 'Acme Industrial',
      productName: 'ProMonitor',
      line: 'v7',
      type: 'subscription',
      status: 'active',
      usage: { kind: 'seats', clientsInUse: 3, maxClients: 5, usersInUse: 12, maxUsers: 25 },
      clients: 3,
      createdAt: created.createdAt,
      expiresAt: created.expiresAt,
      timeLeft: '65 days',
      attention: null,
    })
  })

  it('an on-usage license shows credits left and the credits used in the last 30 days only', async () => {
    const metered = await license({ customer: acme, type: 'on-usage', credits: 1200 })
    await use(metered, 10, 1)
    await use(metered, 25, 29)
    await use(metered, 1000, 31)
    const [row] = await rowsOf(alice)
    expect(row.usage).toEqual({ kind: 'credits', creditsLeft: 1200, usedLast30Days: 35 })
  })

  it('derives the status: expired, not started and suspended, and says how long is left in words', async () => {
    await license({ customer: acme, expiresAt: inDays(-12) })
    await license({ customer: acme, startsAt: inDays(5), expiresAt: inDays(300) })
    await license({ customer: acme, status: 'suspended', expiresAt: inDays(100) })
    await license({ customer: acme, type: 'perpetual', expiresAt: null, product: collector })
    await license({ customer: acme, expiresAt: new Date(now.getTime() + 3_600_000).toISOString() })
    const rows = await rowsOf(alice)
    expect(rows.map((row) => [row.status, row.timeLeft])).toEqual([
      ['expired', 'expired 12 days ago'],
      ['active', 'expires today'],
      ['suspended', '100 days'],
      ['not-started', '300 days'],
      ['active', 'never expires'],
    ])
  })

  it('sorts what needs attention first: expired, expiring soonest, no credit, low credit, then the rest', async () => {
    const ids: Record<string, number> = {}
    ids.later = (await license({ customer: acme, expiresAt: inDays(90) })).id
    ids.never = (await license({ customer: acme, type: 'perpetual', expiresAt: null })).id
    ids.lowCredit = (
      await license({ customer: acme, type: 'on-usage', credits: 9, creditsAtTopUp: 100 })
    ).id
    ids.enoughCredit = (
      await license({ customer: acme, type: 'on-usage', credits: 10, creditsAtTopUp: 100 })
    ).id
    ids.noCredit = (await license({ customer: acme, type: 'on-usage', credits: 0 })).id
    ids.in20Days = (await license({ customer: acme, expiresAt: inDays(20) })).id
    ids.in3Days = (await license({ customer: acme, expiresAt: inDays(3) })).id
    ids.expired2DaysAgo = (await license({ customer: acme, expiresAt: inDays(-2) })).id
    ids.expired40DaysAgo = (await license({ customer: acme, expiresAt: inDays(-40) })).id
    const rows = await rowsOf(alice)
    const name = (id: number) => Object.keys(ids).find((key) => ids[key] === id)
    expect(rows.map((row) => [name(row.id), row.attention])).toEqual([
      ['expired40DaysAgo', 'expired'],
      ['expired2DaysAgo', 'expired'],
      ['in3Days', 'expiring'],
      ['in20Days', 'expiring'],
      ['noCredit', 'no-credit'],
      ['lowCredit', 'low-credit'],
      ['later', null],
      ['enoughCredit', null],
      ['never', null],
    ])
  })

  it('a low-credit threshold set on the license wins over a tenth of the last top-up', async () => {
    await license({
      customer: acme,
      type: 'on-usage',
      credits: 59,
      lowCreditThreshold: 60,
      creditsAtTopUp: 1000,
    })
    const [row] = await rowsOf(alice)
    expect(row.attention).toBe('low-credit')
  })

  it("reads the low-credit base of the account's own licenses only, and no other metering bookkeeping", async () => {
    const own = await license({
      customer: acme,
      type: 'on-usage',
      credits: 5,
      creditsAtTopUp: 100,
      creditsAfterLastUse: 5,
    })
    const theirs = await license({ customer: globex, type: 'on-usage', creditsAtTopUp: 100 })
    const read = (id: number) =>
      booted.payload.findByID({
        collection: 'licenses',
        id,
        user: alice.user,
        overrideAccess: false,
        disableErrors: true,
        depth: 0,
      })
    const seen = await read(own.id)
    expect(seen?.creditsAtTopUp).toBe(100)
    expect(seen).not.toHaveProperty('creditsAfterLastUse')
    expect(await read(theirs.id)).toBeNull()
  })

  it("never shows another company's licenses or counts their usage", async () => {
    const own = await license({ customer: acme, type: 'on-usage', credits: 50 })
    const theirs = await license({ customer: globex, type: 'on-usage', credits: 70 })
    await use(own, 5, 1)
    await use(theirs, 7, 1)
    const rows = await rowsOf(alice)
    expect(rows.map((row) => row.id)).toEqual([own.id])
    expect(rows[0].usage).toEqual({ kind: 'credits', creditsLeft: 50, usedLast30Days: 5 })
    // Asking for the other company's licenses by id finds nothing either.
    expect(await rowsOf(alice, globex.id)).toEqual([])
    expect((await accountCompanies(alice)).map((company) => company.name)).toEqual([
      'Acme Industrial',
    ])
  })

  it('an account of several companies sees them all, and the company filter keeps one', async () => {
    await license({ customer: acme, expiresAt: inDays(10) })
    await license({ customer: globex, expiresAt: inDays(20) })
    expect((await rowsOf(both)).map((row) => row.companyName)).toEqual([
      'Acme Industrial',
      'Globex Energy',
    ])
    expect((await rowsOf(both, globex.id)).map((row) => row.companyName)).toEqual(['Globex Energy'])
    expect(await accountCompanies(both)).toEqual([
      { id: acme.id, name: 'Acme Industrial' },
      { id: globex.id, name: 'Globex Energy' },
    ])
  })

  it('an account whose companies hold no license gets an empty list', async () => {
    await license({ customer: globex })
    expect(await rowsOf(alice)).toEqual([])
  })
})
