// Child process of the metering bench: boots Payload on the bench's PostgreSQL database, makes
// the on-usage licenses the usage load spends (each activated on one machine) and 100,000
// expiring licenses, times the license-alerts sweep over them, and prints what it made as JSON.
import { performance } from 'node:perf_hooks'

import { getPayload, type Payload } from 'payload'

import { activateLicense, appActor } from '../plugins/licensing'
import { sweepLicenseAlerts } from '../plugins/alerts'
import { and, asc, drizzleFor, gt, tableOf } from '../src/database/database'
import { addDays } from '../src/lib/time'

export type MeteringPrepared = {
  usageLicenses: Array<{ id: number; key: string; credits: number }>
  fingerprint: string
  sweep: {
    licenses: number
    seconds: number
    checked: number
    queued: number
    readOnlySeconds: number
  }
}

const usageLicenseCount = Number(process.argv[2] || 64)
const sweepLicenseCount = Number(process.argv[3] || 100_000)
const fingerprint = 'bench-machine'
const startingCredits = 100_000_000

const makeUsageLicenses = async (payload: Payload, customer: number, product: number) => {
  const made: MeteringPrepared['usageLicenses'] = []
  for (let index = 0; index < usageLicenseCount; index += 1) {
    const license = await payload.create({
      collection: 'licenses',
      data: {
        customer,
        product,
        line: 'v7',
        type: 'on-usage',
        status: 'active',
        startsAt: addDays(new Date(), -1).toISOString(),
        expiresAt: addDays(new Date(), 365).toISOString(),
        maxClients: 1,
        maxUsers: 5,
        credits: startingCredits,
      },
    })
    const activated = await activateLicense(
      payload,
      license.key as string,
      { fingerprint },
      appActor(fingerprint),
    )
    if (activated.code !== 'ACTIVATED')
      throw new Error(`Bench data: activation answered ${activated.code}`)
    made.push({ id: license.id, key: license.key as string, credits: startingCredits })
  }
  return made
}

/** Licenses for the sweep, inserted in bulk (the Local API would take minutes for 100,000). */
const makeSweepLicenses = async (payload: Payload, product: number) => {
  const database = await drizzleFor(payload)
  const customers = tableOf(payload, 'customers')
  const contacts = tableOf(payload, 'customers_contacts')
  const receives = tableOf(payload, 'customers_contacts_receives')
  const licenses = tableOf(payload, 'licenses')
  const now = new Date().toISOString()
  const companyIds: number[] = []
  for (let index = 0; index < 1000; index += 1) {
    const [company] = await database
      .insert(customers)
      .values({ name: `Sweep company ${index}`, origin: 'staff', createdAt: now, updatedAt: now })
      .returning({ id: customers.id })
    const contactId = `sweep-${index}`
    await database.insert(contacts).values({
      _order: 1,
      _parentID: company.id,
      id: contactId,
      email: `it-${index}@sweep.example`,
    })
    await database.insert(receives).values({ order: 1, parent: contactId, value: 'licenses' })
    companyIds.push(company.id)
  }
  for (let start = 0; start < sweepLicenseCount; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, sweepLicenseCount - start) }, (_, offset) => {
      const index = start + offset
      return {
        customer: companyIds[index % companyIds.length],
        product,
        line: 'v7',
        type: 'on-usage',
        status: 'active',
        startsAt: addDays(new Date(), -100).toISOString(),
        // 1 … 30 days left: every one of them is due a warning today.
        expiresAt: new Date(
          addDays(new Date(), 1 + (index % 30)).getTime() - 3_600_000,
        ).toISOString(),
        maxClients: 1,
        maxUsers: 5,
        credits: 10,
        createdAt: now,
        updatedAt: now,
      }
    })
    await database.insert(licenses).values(rows)
  }
}

/**
 * The same pages the sweep reads, without deciding or queueing anything: the floor under its time.
 */
const readAllPages = async (payload: Payload) => {
  const licenses = tableOf(payload, 'licenses')
  const database = await drizzleFor(payload)
  let after = 0
  for (;;) {
    const rows = await database
      .select({ id: licenses.id, expiresAt: licenses.expiresAt, customer: licenses.customer })
      .from(licenses)
      .where(and(gt(licenses.id, after)))
      .orderBy(asc(licenses.id))
      .limit(2000)
    if (rows.length === 0) return
    after = rows[rows.length - 1].id
  }
}

const { default: config } = await import('../payload.config')
const payload = await getPayload({ config })
try {
  const product = await payload.create({
    collection: 'products',
    data: {
      slug: 'promonitor',
      name: 'ProMonitor',
      lines: ['v6', 'v7'],
      platforms: ['linux-x64'],
      keepVersionsDays: 365,
    },
  })
  const customer = await payload.create({
    collection: 'customers',
    data: {
      name: 'Metered Ltd',
      contacts: [{ email: 'ops@metered.example', receives: ['licenses'] }],
    },
  })
  const usageLicenses = await makeUsageLicenses(payload, customer.id, product.id)
  await makeSweepLicenses(payload, product.id)

  const readStart = performance.now()
  await readAllPages(payload)
  const readOnlySeconds = (performance.now() - readStart) / 1000
  const sweepStart = performance.now()
  const report = await sweepLicenseAlerts(payload)
  const seconds = (performance.now() - sweepStart) / 1000
  const prepared: MeteringPrepared = {
    usageLicenses,
    fingerprint,
    sweep: { licenses: sweepLicenseCount, seconds, readOnlySeconds, ...report },
  }
  process.stdout.write(`\nPREPARED ${JSON.stringify(prepared)}\n`)
  await payload.destroy()
  process.exit(0)
} catch (error) {
  console.error(error)
  process.exit(1)
}
