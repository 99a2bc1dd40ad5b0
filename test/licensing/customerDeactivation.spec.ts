import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { Customer, CustomerUser, License, Product } from '../../payload-types'
import { deactivateForCustomer, recordLicenseEvent } from '../../plugins/licensing'
import { deactivateInTransaction } from '../../plugins/licensing/activation/deactivateForCustomer'
import { drizzleFor, eq, tableOf } from '../../src/database/database'
import { addDays } from '../../src/lib/time'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import {
  createCatalogue,
  createCustomer,
  createCustomerAccount,
  createLicense,
} from '../helpers/fixtures'
import { testDatabaseKind } from '../helpers/testDatabase'

// A customer deactivates its installations in the portal: the seat is freed as every
// deactivation frees it, the history says who and why, at most 5 per license per 30 days (also
// when several instances deactivate at once), and another company's installation stays as it is.
let booted: TestPayload
let promonitor: Product
let acme: Customer
let globex: Customer
let alice: CustomerUser & { collection: 'customer-users' }
let license: License
let globexLicense: License

const accountOf = async (email: string) => {
  const found = await booted.payload.find({
    collection: 'customer-users',
    where: { email: { equals: email } },
    depth: 0,
  })
  return { ...found.docs[0], collection: 'customer-users' as const }
}

/** `count` installations on `license`, its seat counter and users counted as activation would. */
const activate = async (target: License, count: number, users = 2) => {
  const { payload } = booted
  const made = []
  for (let index = 0; index < count; index++) {
    made.push(
      await payload.create({
        collection: 'activations',
        data: {
          license: target.id,
          fingerprint: `fp-${target.id}-${index}-0123456789abcdef0123456789`,
          hostname: `host-${target.id}-${index}`,
          role: 'app',
          activatedAt: new Date().toISOString(),
          users,
        },
      }),
    )
  }
  await payload.update({
    collection: 'licenses',
    id: target.id,
    data: { activeClients: count, usersInUse: count * users },
    context: { licenseHistoryRecorded: true },
  })
  return made
}

const seats = async (target: License) => {
  const read = await booted.payload.findByID({ collection: 'licenses', id: target.id, depth: 0 })
  return { activeClients: read.activeClients, usersInUse: read.usersInUse }
}

const deactivationEvents = (target: License) =>
  booted.payload.find({
    collection: 'license-events',
    where: {
      and: [{ license: { equals: target.id } }, { type: { equals: 'deactivated' } }],
    },
    sort: 'createdAt',
    depth: 0,
  })

beforeAll(async () => {
  booted = await bootPayload()
  ;({ promonitor } = await createCatalogue(booted.payload))
  acme = await createCustomer(booted.payload, 'Acme Industrial')
  globex = await createCustomer(booted.payload, 'Globex Energy')
  await createCustomerAccount(
    booted.payload,
    'alice@acme.test',
    [acme.id],
    'alice-key-000000000001',
  )
  alice = await accountOf('alice@acme.test')
})

beforeEach(async () => {
  const { payload } = booted
  for (const collection of ['activations', 'license-events', 'licenses'] as const)
    await payload.delete({ collection, where: { id: { exists: true } } })
  license = await createLicense(payload, { customer: acme, product: promonitor, maxClients: 10 })
  globexLicense = await createLicense(payload, { customer: globex, product: promonitor })
})

afterAll(async () => {
  await booted?.shutdown()
})

describe('a customer deactivating an installation', () => {
  it('frees its seat, recounts users and records the customer and the reason in the history', async () => {
    const [first, second] = await activate(license, 2)
    const answer = await deactivateForCustomer(booted.payload, {
      user: alice,
      licenseId: license.id,
      activationId: first.id,
      reason: '  machine replaced  ',
    })
    expect(answer).toEqual({
      code: 'DEACTIVATED',
      fingerprint: first.fingerprint,
      hostname: first.hostname,
    })
    expect(await seats(license)).toEqual({ activeClients: 1, usersInUse: 2 })
    const left = await booted.payload.find({ collection: 'activations', depth: 0 })
    expect(left.docs.map((doc) => doc.id)).toEqual([second.id])
    const events = await deactivationEvents(license)
    expect(events.docs).toHaveLength(1)
    expect(events.docs[0].actor).toMatchObject({
      kind: 'customer',
      ref: String(alice.id),
      label: 'alice@acme.test',
    })
    expect(events.docs[0].details).toEqual({
      fingerprint: first.fingerprint,
      hostname: first.hostname,
      reason: 'machine replaced',
    })
    const asAlice = await booted.payload.find({
      collection: 'license-events',
      where: { type: { equals: 'deactivated' } },
      user: alice,
      overrideAccess: false,
    })
    expect(asAlice.docs[0].summary).toBe(
      `Installation ${first.hostname} deactivated: “machine replaced”`,
    )
    expect(asAlice.docs[0].actorName).toBe('alice@acme.test')
  })

  it('a second deactivation of the same installation changes nothing more', async () => {
    const [first] = await activate(license, 2)
    const request = { user: alice, licenseId: license.id, activationId: first.id, reason: 'moved' }
    expect((await deactivateForCustomer(booted.payload, request)).code).toBe('DEACTIVATED')
    expect((await deactivateForCustomer(booted.payload, request)).code).toBe('NOT_FOUND')
    expect(await seats(license)).toEqual({ activeClients: 1, usersInUse: 2 })
    expect((await deactivationEvents(license)).totalDocs).toBe(1)
  })

  it('is refused for another company’s installation, which stays active', async () => {
    const [theirs] = await activate(globexLicense, 1)
    for (const licenseId of [globexLicense.id, license.id]) {
      const answer = await deactivateForCustomer(booted.payload, {
        user: alice,
        licenseId,
        activationId: theirs.id,
        reason: 'not mine',
      })
      expect(answer).toEqual({ code: 'NOT_FOUND' })
    }
    expect(await seats(globexLicense)).toEqual({ activeClients: 1, usersInUse: 2 })
    expect((await booted.payload.count({ collection: 'activations' })).totalDocs).toBe(1)
    expect((await deactivationEvents(globexLicense)).totalDocs).toBe(0)
  })

  it('is refused without a reason, with one too long, or for an id that is no number', async () => {
    const [first] = await activate(license, 1)
    for (const reason of ['', '  ', 'ab', 'x'.repeat(501)]) {
      const answer = await deactivateForCustomer(booted.payload, {
        user: alice,
        licenseId: license.id,
        activationId: first.id,
        reason,
      })
      expect(answer.code, JSON.stringify(reason)).toBe('REASON_REQUIRED')
    }
    for (const activationId of ['abc', '1 OR 1=1', '-1', '0', '99999999999999999999']) {
      const answer = await deactivateForCustomer(booted.payload, {
        user: alice,
        licenseId: license.id,
        activationId,
        reason: 'odd id',
      })
      expect(answer.code, activationId).toBe('NOT_FOUND')
    }
    expect(await seats(license)).toEqual({ activeClients: 1, usersInUse: 2 })
    expect((await deactivationEvents(license)).totalDocs).toBe(0)
  })

  it('allows 5 per license in 30 days, then asks to contact support and changes nothing', async () => {
    const machines = await activate(license, 7)
    const answers = []
    for (const machine of machines.slice(0, 6))
      answers.push(
        await deactivateForCustomer(booted.payload, {
          user: alice,
          licenseId: license.id,
          activationId: machine.id,
          reason: 'rebuilt',
        }),
      )
    expect(answers.map((answer) => answer.code)).toEqual([
      ...Array(5).fill('DEACTIVATED'),
      'LIMIT_REACHED',
    ])
    expect(answers[5]).toEqual({ code: 'LIMIT_REACHED', limit: 5, days: 30 })
    expect(await seats(license)).toEqual({ activeClients: 2, usersInUse: 4 })
    expect((await booted.payload.count({ collection: 'activations' })).totalDocs).toBe(2)
    expect((await deactivationEvents(license)).totalDocs).toBe(5)
  })

  it('counts only the customer’s own deactivations of the last 30 days, per license', async () => {
    const machines = await activate(license, 3)
    await activate(globexLicense, 0)
    // Four portal deactivations 31 days ago, and support's and the app's today: none counts.
    for (let index = 0; index < 4; index++)
      await recordLicenseEvent(booted.payload, {
        license: license.id,
        type: 'deactivated',
        actor: { kind: 'customer', id: alice.id, label: alice.email },
        details: { fingerprint: `old-${index}` },
      })
    const events = tableOf(booted.payload, 'license-events')
    const database = await drizzleFor(booted.payload)
    await database
      .update(events)
      .set({ createdAt: addDays(new Date(), -31).toISOString() })
      .where(eq(events.license, license.id))
    for (const kind of ['staff', 'app'] as const)
      for (let index = 0; index < 5; index++)
        await recordLicenseEvent(booted.payload, {
          license: license.id,
          type: 'deactivated',
          actor: { kind, id: 1, label: kind },
        })
    for (let index = 0; index < 5; index++)
      await recordLicenseEvent(booted.payload, {
        license: globexLicense.id,
        type: 'deactivated',
        actor: { kind: 'customer', id: 99, label: 'gina@globex.test' },
      })
    for (const machine of machines) {
      const answer = await deactivateForCustomer(booted.payload, {
        user: alice,
        licenseId: license.id,
        activationId: machine.id,
        reason: 'old hardware',
      })
      expect(answer.code).toBe('DEACTIVATED')
    }
  })

  it('never exceeds 5 when 8 deactivations of one license run at once', async () => {
    const machines = await activate(license, 8)
    const answers = await Promise.all(
      machines.map((machine) =>
        deactivateForCustomer(booted.payload, {
          user: alice,
          licenseId: license.id,
          activationId: machine.id,
          reason: 'all at once',
        }),
      ),
    )
    expect(answers.filter((answer) => answer.code === 'DEACTIVATED')).toHaveLength(5)
    expect(answers.filter((answer) => answer.code === 'LIMIT_REACHED')).toHaveLength(3)
    expect(await seats(license)).toEqual({ activeClients: 3, usersInUse: 6 })
    expect((await deactivationEvents(license)).totalDocs).toBe(5)
  })

  it.skipIf(testDatabaseKind === 'sqlite')(
    'on PostgreSQL, 8 transactions at once without the per-process queue (two instances) deactivate exactly 5',
    async () => {
      const machines = await activate(license, 8)
      const answers = await Promise.all(
        machines.map((machine) =>
          deactivateInTransaction(booted.payload, {
            licenseId: license.id,
            activationId: machine.id,
            reason: 'two instances',
            user: alice,
            now: new Date(),
          }),
        ),
      )
      expect(answers.filter((answer) => answer.code === 'DEACTIVATED')).toHaveLength(5)
      expect(answers.filter((answer) => answer.code === 'LIMIT_REACHED')).toHaveLength(3)
      expect(await seats(license)).toEqual({ activeClients: 3, usersInUse: 6 })
      expect((await deactivationEvents(license)).totalDocs).toBe(5)
      expect((await booted.payload.count({ collection: 'activations' })).totalDocs).toBe(3)
    },
  )
})
