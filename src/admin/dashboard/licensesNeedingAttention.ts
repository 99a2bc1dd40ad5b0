import { daysLeft } from '../../lib/time'
import type { StaffReader } from './staffReader'

export type LicenseNeedingAttention = {
  id: number
  customer: string
  product: string
  line: string
  type: string
  daysLeft: number
}

const nameOf = (related: number | { name?: string | null } | null | undefined): string =>
  typeof related === 'object' && related?.name ? related.name : '—'

/** The active licenses expiring soonest (not yet expired), with their customer and days left. */
export const licensesNeedingAttention = async (
  reader: StaffReader,
  limit = 8,
  now = new Date(),
): Promise<LicenseNeedingAttention[] | null> => {
  if (!reader.canRead('licenses')) return null
  const { docs } = await reader.payload.find({
    collection: 'licenses',
    where: {
      and: [{ status: { equals: 'active' } }, { expiresAt: { greater_than: now.toISOString() } }],
    },
    sort: 'expiresAt',
    limit,
    depth: 1,
    select: { customer: true, product: true, line: true, type: true, expiresAt: true },
    populate: { customers: { name: true }, products: { name: true } },
    overrideAccess: false,
    user: reader.user,
  })
  return docs.map((license) => ({
    id: license.id,
    customer: nameOf(license.customer),
    product: nameOf(license.product),
    line: license.line,
    type: license.type,
    daysLeft: daysLeft(license.expiresAt, now) ?? 0,
  }))
}
