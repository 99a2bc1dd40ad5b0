import type { TypedUser } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Customer, License, Product } from '../../payload-types'
import { dailyActivity } from '../../src/admin/dashboard/dailyActivity'
import { licenseCounts } from '../../src/admin/dashboard/licenseCounts'
import { licensesNeedingAttention } from '../../src/admin/dashboard/licensesNeedingAttention'
import { isLowOnCredit } from '../../src/admin/dashboard/lowCreditLicenses'
import { outboxSummary } from '../../src/admin/dashboard/outboxSummary'
import { releaseSummary } from '../../src/admin/dashboard/releaseSummary'
import { type StaffReader, staffReaderFor } from '../../src/admin/dashboard/staffReader'
import { addDays } from '../../src/lib/time'
import {
  countValidation,
  flushValidationCounts,
} from '../../plugins/licensing/validation/validationCounts'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCatalogue, createCustomer, createLicense, createRelease } from '../helpers/fixtures'

type Role = 'admin' | 'support' | 'release-manager' | 'editor'

const now = new Date()
const daysFromNow = (days: number) => addDays(now, days).toISOString()

describe('the back office dashboard, read as the signed-in staff member', () => {
  let booted: TestPayload
  let promonitor: Product
  let acme: Customer
  let globex: Customer
  const readers = {} as Record<Role, StaffReader>
  const licenses = {} as Record<string, License>

  beforeAll(async () => {
    booted = await bootPayload()
    const { payload } = booted
    ;({ promonitor } = await createCatalogue(payload))
    acme = await createCustomer(payload, 'Acme Industrial', [{ email: 'buyer@acme.test' }])
    globex = await createCustomer(payload, 'Globex Energy', [{ email: 'cfo@globex.test' }])
    const license = async (name: string, terms: Partial<License> & { customer: Customer }) => {
      licenses[name] = await createLicense(payload, { product: promonitor, ...terms })
    }
    // Two companies' licenses in every state the dashboard counts.
    await license('acmeActive', { customer: acme, expiresAt: daysFromNow(100) })
    await license('globexExpiringSoon', { customer: globex, expiresAt: daysFromNow(10) })
    await license('acmeTrialEnding', { customer: acme, type: 'trial', expiresAt: daysFromNow(3) })
    await license('globexJustExpired', { customer: globex, expiresAt: daysFromNow(-5) })
    await license('acmeLongExpired', {
      customer: acme,
      startsAt: daysFromNow(-400),
      expiresAt: daysFromNow(-60),
    })
    await license('globexSuspended', {
      customer: globex,
      status: 'suspended',
      expiresAt: daysFromNow(50),
    })
    await license('acmePerpetual', { customer: acme, type: 'perpetual' })
    const onUsage = { type: 'on-usage' as const, expiresAt: daysFromNow(200) }
    await license('acmeLowCredit', { customer: acme, ...onUsage, credits: 5, creditsAtTopUp: 100 })
    await license('globexBelowThreshold', {
      customer: globex,
      ...onUsage,
      credits: 50,
      lowCreditThreshold: 60,
      creditsAtTopUp: 1000,
    })
    await license('acmeEnoughCredit', {
      customer: acme,
      ...onUsage,
      credits: 50,
      creditsAtTopUp: 100,
    })
    await license('globexNoCredit', { customer: globex, ...onUsage, credits: 0 })

    for (const role of ['admin', 'support', 'release-manager', 'editor'] as Role[]) {
      const user = await payload.create({
        collection: 'users',
        data: { email: `${role}@dashboard.test`, password: 'staff-password-1', roles: [role] },
      })
      readers[role] = await staffReaderFor(payload, { ...user, collection: 'users' } as TypedUser)
    }
  })
  afterAll(async () => booted?.shutdown())

  const countsByLabel = async (role: Role) =>
    Object.fromEntries((await licenseCounts(readers[role], now)).map((c) => [c.label, c.count]))

  it('counts both companies’ licenses by state for support', async () => {
    expect(await countsByLabel('support')).toEqual({
      'Active licenses': 8,
      'Expiring within 30 days': 2,
      'Expired in the last 30 days': 1,
      'Trials ending within 7 days': 1,
      Suspended: 1,
      'On-usage, low or no credit': 3,
    })
  })

  it('gives each count the query that finds exactly the records it counts', async () => {
    for (const count of await licenseCounts(readers.support, now)) {
      const { totalDocs } = await booted.payload.count({
        collection: 'licenses',
        where: count.where,
      })
      expect(totalDocs, count.label).toBe(count.count)
    }
  })

  it('lists the low-credit licenses by id: below their own threshold, a tenth of the top-up, or none', async () => {
    const lowCredit = (await licenseCounts(readers.support, now)).find(
      (count) => count.label === 'On-usage, low or no credit',
    )!
    expect(lowCredit.where).toEqual({
      id: {
        in: expect.arrayContaining([
          licenses.acmeLowCredit.id,
          licenses.globexBelowThreshold.id,
          licenses.globexNoCredit.id,
        ]),
      },
    })
    expect(isLowOnCredit({ credits: 10, creditsAtTopUp: 100 })).toBe(false)
    expect(isLowOnCredit({ credits: 9, creditsAtTopUp: 100 })).toBe(true)
    expect(isLowOnCredit({ credits: 59, lowCreditThreshold: 60, creditsAtTopUp: 100 })).toBe(true)
    expect(isLowOnCredit({ credits: 0, lowCreditThreshold: 0 })).toBe(true)
  })

  it('leaves the low-credit count out for a release manager, who may not read the metering figures', async () => {
    const counts = await countsByLabel('release-manager')
    expect(counts['Active licenses']).toBe(8)
    expect(counts).not.toHaveProperty('On-usage, low or no credit')
  })

  it('shows an editor no license count at all, not zeros', async () => {
    expect(await licenseCounts(readers.editor, now)).toEqual([])
    expect(await licensesNeedingAttention(readers.editor, 8, now)).toBeNull()
    expect(await outboxSummary(readers.editor)).toBeNull()
    expect(await dailyActivity(readers.editor, 30, now)).toEqual([])
  })

  it('puts the licenses expiring soonest first, with their customer and days left', async () => {
    const attention = await licensesNeedingAttention(readers.support, 3, now)
    expect(attention).toEqual([
      expect.objectContaining({
        id: licenses.acmeTrialEnding.id,
        customer: 'Acme Industrial',
        product: 'ProMonitor',
        daysLeft: 3,
      }),
      expect.objectContaining({
        id: licenses.globexExpiringSoon.id,
        customer: 'Globex Energy',
        daysLeft: 10,
      }),
      expect.objectContaining({ id: licenses.acmeActive.id, daysLeft: 100 }),
    ])
  })

  it('counts releases per status and lists the last five published, newest first', async () => {
    const { payload } = booted
    await createRelease(payload, { product: promonitor, version: '7.0.0', status: 'draft' })
    for (let index = 1; index <= 6; index++)
      await createRelease(payload, {
        product: promonitor,
        version: `7.1.${index}`,
        status: 'published',
        releasedAt: daysFromNow(index - 10),
      })
    const summary = (await releaseSummary(readers.editor))!
    expect(Object.fromEntries(summary.byStatus.map((c) => [c.label, c.count]))).toEqual({
      draft: 1,
      published: 6,
      pulled: 0,
    })
    expect(summary.lastPublished.map((release) => release.version)).toEqual([
      '7.1.6',
      '7.1.5',
      '7.1.4',
      '7.1.3',
      '7.1.2',
    ])
  })

  it('shows support the mail pending and failed, with the latest failure’s error', async () => {
    const { payload } = booted
    const mail = (
      key: string,
      status: 'queued' | 'sending' | 'sent' | 'failed',
      lastError?: string,
    ) =>
      payload.create({
        collection: 'outbox',
        data: {
          to: 'ops@acme.test',
          subject: `Mail ${key}`,
          text: 'Hello',
          status,
          idempotencyKey: key,
          lastError,
        },
      })
    await mail('one', 'queued')
    await mail('two', 'sending')
    await mail('three', 'sent')
    await mail('four', 'failed', 'first failure')
    await new Promise((resolve) => setTimeout(resolve, 20))
    await mail('five', 'failed', '550 mailbox unavailable')
    const summary = (await outboxSummary(readers.support))!
    expect(summary.pending.count).toBe(2)
    expect(summary.failed.count).toBe(2)
    expect(summary.lastError).toMatchObject({
      subject: 'Mail five',
      error: '550 mailbox unavailable',
    })
    expect(await outboxSummary(readers['release-manager'])).toBeNull()
  })

  it('charts activations and validated licenses per day over 30 days, from what is recorded', async () => {
    const { payload } = booted
    const activate = (fingerprint: string, daysAgo: number) =>
      payload.create({
        collection: 'activations',
        data: {
          license: licenses.acmeActive.id,
          fingerprint,
          role: 'app',
          activatedAt: daysFromNow(-daysAgo),
        },
      })
    await activate('fp-today-1', 0)
    await activate('fp-today-2', 0)
    await activate('fp-two-days', 2)
    await activate('fp-long-ago', 40)
    // Validations are counted in memory and flushed as one addition per day: two flushes of
    // yesterday's add up.
    const yesterday = addDays(now, -1)
    countValidation(payload, licenses.globexExpiringSoon.id, undefined, yesterday)
    countValidation(payload, licenses.acmeActive.id, undefined, yesterday)
    countValidation(payload, licenses.acmeActive.id, undefined, now)
    await flushValidationCounts(payload)
    countValidation(payload, licenses.globexExpiringSoon.id, undefined, yesterday)
    await flushValidationCounts(payload)
    const series = await dailyActivity(readers.support, 30, now)
    expect(series.map((one) => one.label)).toEqual(['Activations', 'Validations'])
    const [activations, validated] = series
    expect(activations.days).toHaveLength(30)
    expect(activations.days.at(-1)!.count).toBe(2)
    expect(activations.days.at(-3)!.count).toBe(1)
    expect(activations.days.reduce((sum, day) => sum + day.count, 0)).toBe(3)
    expect(validated.days).toHaveLength(30)
    expect(validated.days.at(-2)!.count).toBe(3)
    expect(validated.days.at(-1)!.count).toBe(1)
    expect(validated.days.reduce((sum, day) => sum + day.count, 0)).toBe(4)
    // A release manager sees how busy the service is, not the installations.
    expect((await dailyActivity(readers['release-manager'], 30, now)).map((s) => s.label)).toEqual([
      'Validations',
    ])
  })
})
