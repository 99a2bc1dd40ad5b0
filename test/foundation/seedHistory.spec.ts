import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { License } from '../../payload-types'
import { seed } from '../../plugins/seed/seed'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'

describe('the seed leaves real history', () => {
  let booted: TestPayload
  let licenses: License[]
  const eventsOf = async (licenseId: number) =>
    (
      await booted.payload.find({
        collection: 'license-events',
        where: { license: { equals: licenseId } },
        sort: 'createdAt',
        pagination: false,
        depth: 0,
      })
    ).docs
  const licenseOf = (customerName: string, type: License['type']) =>
    licenses.find((license) => license.customerName === customerName && license.type === type)!

  beforeAll(async () => {
    booted = await bootPayload()
    await seed(booted.payload, { adminPassword: 'seed-test-password' })
    licenses = (await booted.payload.find({ collection: 'licenses', depth: 0, pagination: false }))
      .docs
  })
  afterAll(async () => booted?.shutdown())

  it('gives every license a history, starting with its creation', async () => {
    for (const license of licenses) {
      const events = await eventsOf(license.id)
      expect(events[0]?.type, license.key ?? '').toBe('created')
    }
  })

  it('shows support extending Acme’s subscription by 30 days, ending where the seed says (65 days)', async () => {
    const acme = licenses.find(
      (license) =>
        license.customerName === 'Acme Industrial' &&
        license.productName === 'ProMonitor' &&
        license.type === 'subscription',
    )!
    expect(acme.daysLeft).toBe(65)
    const events = await eventsOf(acme.id)
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining(['created', 'extended', 'activated']),
    )
    const extended = events.find((event) => event.type === 'extended')!
    expect(extended.details).toMatchObject({ days: 30 })
    expect(extended.actor).toMatchObject({ kind: 'staff', label: 'support@example.com' })
  })

  it('shows the suspension of Stark’s license with its reason', async () => {
    const stark = licenseOf('Stark Utilities', 'subscription')
    expect(stark.status).toBe('suspended')
    const suspended = (await eventsOf(stark.id)).find((event) => event.type === 'suspended')!
    expect(suspended.details).toMatchObject({ reason: 'Invoice 2026-0815 unpaid.' })
  })

  it('gives every release a draft and a published version, and one a pull and a restore', async () => {
    const releases = await booted.payload.find({
      collection: 'releases',
      depth: 0,
      pagination: false,
    })
    for (const release of releases.docs) {
      expect(release.status, release.title ?? '').toBe('published')
      const versions = await booted.payload.findVersions({
        collection: 'releases',
        where: { parent: { equals: release.id } },
        sort: 'createdAt',
        depth: 0,
      })
      expect(versions.docs.map((version) => version.version._status)).toEqual(
        expect.arrayContaining(['draft', 'published']),
      )
    }
    const events = await booted.payload.find({
      collection: 'release-events',
      sort: 'createdAt',
      depth: 0,
    })
    expect(events.docs.map((event) => [event.version, event.action])).toEqual([
      ['6.9.0', 'pulled'],
      ['6.9.0', 'restored'],
    ])
    expect(events.docs[0].rollbackTo).toBe('6.8.0')
  })
})
