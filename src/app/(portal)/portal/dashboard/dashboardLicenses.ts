import type { Payload } from 'payload'

import type { CustomerUser, License } from '../../../../../payload-types'
import { isLowOnCredit } from '../../../../admin/dashboard/lowCreditLicenses'
import { deriveLicenseStatus, type DerivedLicenseStatus } from '../../../../lib/licenseStatus'
import { addDays, describeTimeLeft, isExpired } from '../../../../lib/time'

/** Who reads: the signed-in customer account, through the Local API with its own access. */
export type CustomerReader = { payload: Payload; user: CustomerUser & { collection: string } }

/** On-usage licenses count credits; the others count seats. */
export type LicenseUsage =
  | { kind: 'credits'; creditsLeft: number; usedLast30Days: number }
  | {
      kind: 'seats'
      clientsInUse: number
      maxClients: number
      usersInUse: number
      maxUsers: number
    }

/** Why a license needs the customer's attention, most urgent first. */
export const attentionReasons = ['expired', 'expiring', 'no-credit', 'low-credit'] as const
export type AttentionReason = (typeof attentionReasons)[number]

/** One row of the portal's licenses table. */
export type DashboardLicense = {
  id: number
  companyName: string
  productName: string
  line: string
  type: License['type']
  status: DerivedLicenseStatus
  usage: LicenseUsage
  /** Active installations. */
  clients: number
  createdAt: string
  expiresAt: string | null
  /** `12 days`, `expires today`, `expired 12 days ago`, `never expires`. */
  timeLeft: string
  attention: AttentionReason | null
}

/** How far ahead an expiry counts as "expiring soon", and how far back usage is summed. */
export const attentionDays = 30

const nameOf = (relation: unknown, fallback: string): string =>
  typeof relation === 'object' && relation !== null && 'name' in relation
    ? String(relation.name)
    : fallback

const attentionOf = (
  license: Pick<
    License,
    'expiresAt' | 'type' | 'credits' | 'lowCreditThreshold' | 'creditsAtTopUp'
  >,
  now: Date,
): AttentionReason | null => {
  if (isExpired(license.expiresAt, now)) return 'expired'
  if (license.expiresAt && new Date(license.expiresAt) <= addDays(now, attentionDays))
    return 'expiring'
  if (license.type !== 'on-usage') return null
  if ((license.credits ?? 0) <= 0) return 'no-credit'
  return isLowOnCredit(license) ? 'low-credit' : null
}

const rankOf = (row: DashboardLicense): number =>
  row.attention === null ? attentionReasons.length : attentionReasons.indexOf(row.attention)

const expiryTime = (row: DashboardLicense): number =>
  row.expiresAt ? new Date(row.expiresAt).getTime() : Number.POSITIVE_INFINITY

/** Expired first, then expiring soonest, no or low credit, then the rest; each by expiry. */
export const byAttention = (a: DashboardLicense, b: DashboardLicense): number =>
  rankOf(a) - rankOf(b) ||
  expiryTime(a) - expiryTime(b) ||
  a.productName.localeCompare(b.productName) ||
  a.line.localeCompare(b.line) ||
  a.id - b.id

/** Credits each on-usage license spent in the last `attentionDays` days, read as the account. */
const creditsUsedSince = async (
  { payload, user }: CustomerReader,
  licenseIds: number[],
  now: Date,
): Promise<Map<number, number>> => {
  const used = new Map<number, number>(licenseIds.map((id) => [id, 0]))
  if (licenseIds.length === 0) return used
  const { docs } = await payload.find({
    collection: 'usage-records',
    user,
    overrideAccess: false,
    depth: 0,
    pagination: false,
    select: { license: true, quantity: true },
    where: {
      and: [
        { license: { in: licenseIds } },
        { occurredAt: { greater_than: addDays(now, -attentionDays).toISOString() } },
        { occurredAt: { less_than_equal: now.toISOString() } },
      ],
    },
  })
  for (const record of docs) {
    const id = typeof record.license === 'object' ? record.license.id : record.license
    used.set(id, (used.get(id) ?? 0) + record.quantity)
  }
  return used
}

/**
 * Every license of the account's companies (or of one of them, `company`) as the portal's table
 * shows it, what needs attention first. Read as the account: another company's licenses are not
 * filtered out afterwards, they are never read.
 */
export const dashboardLicenses = async (
  reader: CustomerReader,
  { company, now = new Date() }: { company?: number; now?: Date } = {},
): Promise<DashboardLicense[]> => {
  const { docs } = await reader.payload.find({
    collection: 'licenses',
    user: reader.user,
    overrideAccess: false,
    depth: 1,
    pagination: false,
    where: company === undefined ? {} : { customer: { equals: company } },
    select: {
      customer: true,
      product: true,
      line: true,
      type: true,
      status: true,
      startsAt: true,
      expiresAt: true,
      maxClients: true,
      maxUsers: true,
      credits: true,
      activeClients: true,
      usersInUse: true,
      lowCreditThreshold: true,
      creditsAtTopUp: true,
      createdAt: true,
    },
    populate: { customers: { name: true }, products: { name: true } },
  })
  const used = await creditsUsedSince(
    reader,
    docs.filter((license) => license.type === 'on-usage').map((license) => license.id),
    now,
  )
  return docs
    .map((license): DashboardLicense => {
      const clients = license.activeClients ?? 0
      return {
        id: license.id,
        companyName: nameOf(license.customer, 'Your company'),
        productName: nameOf(license.product, 'Product'),
        line: license.line,
        type: license.type,
        status: deriveLicenseStatus(license, now),
        usage:
          license.type === 'on-usage'
            ? {
                kind: 'credits',
                creditsLeft: license.credits ?? 0,
                usedLast30Days: used.get(license.id) ?? 0,
              }
            : {
                kind: 'seats',
                clientsInUse: clients,
                maxClients: license.maxClients,
                usersInUse: license.usersInUse ?? 0,
                maxUsers: license.maxUsers,
              },
        clients,
        createdAt: license.createdAt,
        expiresAt: license.expiresAt ?? null,
        timeLeft: describeTimeLeft(license.expiresAt, now),
        attention: attentionOf(license, now),
      }
    })
    .sort(byAttention)
}
