import type { Payload } from 'payload'

import type { Customer } from '../../payload-types'
import { queueMails, type MailToQueue } from '../mailers'
import {
  and,
  asc,
  drizzleFor,
  eq,
  gt,
  gte,
  isNotNull,
  lte,
  tableOf,
} from '../../src/database/database'
import { addDays } from '../../src/lib/time'
import { alertSettings } from './alertSettings'
import { dueExpiryAlerts, expiredMailDays, type ExpiringLicense } from './expiryAlerts'
import { licenseContactsOf } from './licenseMailFacts'
import { alertsOptionsOf } from './types'
import { openLicenseKey } from '../../src/lib/licenseKeyAtRest'

export type SweepReport = { checked: number; queued: number }

/** Licenses read per page (keyset on id), and the mails of a page queued together. */
const pageSize = 2000

type LicenseRow = ExpiringLicense & {
  key: string | null
  customer: number | string
  product: number | string
  line: string
}

const day = (value: string): string => new Date(value).toISOString().slice(0, 10)

/**
 * The daily license-alerts sweep: for every active license expiring within the largest threshold
 * (or expired in the last 7 days), the customer warnings and staff alerts due today, queued in
 * batches. Safe to run again or on two instances at once: every mail's idempotency key names the
 * license, the recipient, the threshold and the expiry, so each is queued once.
 */
export const sweepLicenseAlerts = async (
  payload: Payload,
  { now = new Date() }: { now?: Date } = {},
): Promise<SweepReport> => {
  const settings = await alertSettings(payload)
  const { publicUrl } = alertsOptionsOf(payload)
  const horizon = Math.max(
    ...settings.customerWarningDays,
    ...settings.renewalDays,
    ...settings.trialDays,
    0,
  )
  const licenses = tableOf(payload, 'licenses')
  const database = await drizzleFor(payload)
  const products = new Map(
    (
      await payload.find({
        collection: 'products',
        depth: 0,
        pagination: false,
        select: { name: true },
      })
    ).docs.map((product) => [product.id, product.name]),
  )
  const customers = new Map<number | string, Pick<Customer, 'name' | 'contacts'>>()
  const report: SweepReport = { checked: 0, queued: 0 }

  let after: number | string = 0
  // The previous page's mails are inserted while this page is read and rendered (one in flight).
  let inserting: Promise<number> = Promise.resolve(0)
  for (;;) {
    const rows = (await database
      .select({
        id: licenses.id,
        key: licenses.key,
        customer: licenses.customer,
        product: licenses.product,
        line: licenses.line,
        type: licenses.type,
        expiresAt: licenses.expiresAt,
      })
      .from(licenses)
      .where(
        and(
          gt(licenses.id, after),
          eq(licenses.status, 'active'),
          isNotNull(licenses.expiresAt),
          gte(licenses.expiresAt, addDays(now, -expiredMailDays).toISOString()),
          lte(licenses.expiresAt, addDays(now, horizon).toISOString()),
        ),
      )
      .orderBy(asc(licenses.id))
      .limit(pageSize)) as LicenseRow[]
    if (rows.length === 0) break
    after = rows[rows.length - 1].id
    report.checked += rows.length

    const missing = [...new Set(rows.map((row) => row.customer))].filter((id) => !customers.has(id))
    if (missing.length > 0) {
      const found = await payload.find({
        collection: 'customers',
        where: { id: { in: missing } },
        depth: 0,
        pagination: false,
        select: { name: true, contacts: true },
      })
      for (const customer of found.docs) customers.set(customer.id, customer)
    }

    const mails: MailToQueue[] = []
    for (const row of rows) {
      const license = { ...row, expiresAt: new Date(row.expiresAt).toISOString() }
      const customer = customers.get(license.customer)
      const common = {
        customerName: customer?.name ?? '',
        productName: products.get(license.product as number) ?? '',
        licenseKey: license.key ? openLicenseKey(payload.secret, license.key) : '',
        licenseType: license.type,
        expiresAt: day(license.expiresAt),
      }
      for (const alert of dueExpiryAlerts(license, settings, now)) {
        const kind = alert.templateKey
        const recipients =
          alert.audience === 'customer'
            ? licenseContactsOf(customer)
            : alert.templateKey === 'staff-trial-expiring'
              ? settings.recipients.trial
              : settings.recipients.renewal
        const variables =
          alert.audience === 'customer'
            ? {
                ...common,
                line: license.line,
                daysLeft: alert.daysLeft,
                portalUrl: `${publicUrl}/portal`,
              }
            : {
                ...common,
                daysLeft: alert.daysLeft,
                adminUrl: `${publicUrl}/admin/collections/licenses/${license.id}`,
              }
        const context = {
          license: license.id,
          kind,
          expiresAt: license.expiresAt,
          ...(alert.threshold === undefined ? {} : { daysLeft: alert.threshold }),
        }
        const cycle = `${kind}:${license.id}:${license.expiresAt}${alert.threshold === undefined ? '' : `:${alert.threshold}`}`
        for (const to of recipients)
          mails.push({
            to,
            templateKey: kind,
            variables,
            idempotencyKey: `${cycle}:${to}`,
            context,
          })
      }
    }
    report.queued += await inserting
    inserting = queueMails(payload, mails)
    // Awaited with the next page; marked handled now, so a failure meanwhile is not an unhandled
    // rejection.
    inserting.catch(() => undefined)
    if (rows.length < pageSize) break
  }
  report.queued += await inserting
  return report
}
