import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seed, type SeededLicense } from '../../plugins/seed/seed'
import { seedSummary } from '../../plugins/seed/seedSummary'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'

describe('seed', () => {
  let booted: TestPayload
  let seeded: SeededLicense[]
  beforeAll(async () => {
    booted = await bootPayload()
    seeded = await seed(booted.payload, { adminPassword: 'seed-test-password' })
  })
  afterAll(async () => booted?.shutdown())

  it('creates the three products with their lines', async () => {
    const { docs } = await booted.payload.find({ collection: 'products', sort: 'slug' })
    expect(docs.map((product) => [product.slug, product.lines])).toEqual([
      ['cockpit', ['v1']],
      ['collector', ['v6', 'v7']],
      ['promonitor', ['v6', 'v7']],
    ])
  })

  it('covers every license type and state, with machines activated through the real path', async () => {
    const { docs } = await booted.payload.find({ collection: 'licenses', depth: 1, limit: 100 })
    const byCompany = (name: string) =>
      docs.filter(
        (license) => typeof license.customer === 'object' && license.customer.name === name,
      )
    expect(new Set(docs.map((license) => license.type))).toEqual(
      new Set(['trial', 'subscription', 'perpetual', 'on-usage']),
    )
    expect(byCompany('Globex Energy')[0]).toMatchObject({
      type: 'trial',
      daysLeft: 3,
      activeClients: 1,
      limitReachedCount: 1,
    })
    expect(byCompany('Initech Networks')[0]).toMatchObject({ isExpired: true })
    expect(byCompany('Stark Utilities')[0]).toMatchObject({ status: 'suspended' })
    expect(
      byCompany('Umbrella Logistics').find((license) => license.type === 'on-usage')?.credits,
    ).toBe(1200)
    const acmeApp = byCompany('Acme Industrial').find(
      (license) =>
        license.type === 'subscription' &&
        typeof license.product === 'object' &&
        license.product.slug === 'promonitor',
    )
    expect(acmeApp?.activeClients).toBe(3)
    const { totalDocs: activations } = await booted.payload.count({ collection: 'activations' })
    expect(activations).toBe(7)
  })

  it('ends with the demo license keys, and an example that validates an active license', async () => {
    const { docs } = await booted.payload.find({
      collection: 'licenses',
      depth: 0,
      limit: 100,
      pagination: false,
    })
    expect(new Set(seeded.map((license) => license.key))).toEqual(
      new Set(docs.map((license) => license.key)),
    )
    const summary = seedSummary(seeded, {
      passwordHint: '"seed-test-password"',
      publicUrl: 'http://localhost:3000',
    })
    for (const license of seeded) expect(summary).toContain(license.key)
    const exampleKey = summary.match(/"key":"([^"]+)"/)![1]
    const example = docs.find((license) => license.key === exampleKey)!
    expect(example).toMatchObject({ status: 'active', isExpired: false })
    // Quoted for the shell: a key's check symbol may be `$`.
    expect(summary).toContain(`-d '{"key":"${exampleKey}","nonce":"n1"}'`)
  })

  it('has an on-usage license with usage history and a license for each expiry warning', async () => {
    const { docs } = await booted.payload.find({ collection: 'licenses', depth: 1, limit: 100 })
    const metered = docs.find((license) => license.type === 'on-usage')!
    const records = await booted.payload.find({
      collection: 'usage-records',
      where: { license: { equals: metered.id } },
      limit: 100,
      depth: 0,
    })
    expect(records.totalDocs).toBe(30)
    expect(records.docs.reduce((sum, record) => sum + record.quantity, 0)).toBe(300)
    const wayne = docs.filter(
      (license) =>
        typeof license.customer === 'object' && license.customer.name === 'Wayne Monitoring',
    )
    expect(wayne.map((license) => license.daysLeft).sort((a, b) => Number(b) - Number(a))).toEqual([
      30, 15, 5, 3, 1, 0,
    ])
  })

  it('creates a reseller with an API key', async () => {
    const { docs } = await booted.payload.find({ collection: 'resellers', limit: 1 })
    expect(docs[0]).toMatchObject({ name: 'DataDog Marketplace', active: true })
  })
})
