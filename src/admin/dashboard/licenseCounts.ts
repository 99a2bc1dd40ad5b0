import type { Where } from 'payload'

import { addDays } from '../../lib/time'
import type { DashboardCount } from './dashboardCount'
import { lowCreditLicenseIds } from './lowCreditLicenses'
import type { StaffReader } from './staffReader'

/** The license queries the dashboard counts, as of `now`. */
export const licenseQueries = (now: Date): Array<{ label: string; where: Where }> => {
  const at = now.toISOString()
  const activeStatus: Where = { status: { equals: 'active' } }
  const endingBy = (days: number): Where[] => [
    { expiresAt: { greater_than: at } },
    { expiresAt: { less_than_equal: addDays(now, days).toISOString() } },
  ]
  return [
    {
      label: 'Active licenses',
      where: {
        and: [
          activeStatus,
          { or: [{ expiresAt: { greater_than: at } }, { expiresAt: { exists: false } }] },
        ],
      },
    },
    { label: 'Expiring within 30 days', where: { and: [activeStatus, ...endingBy(30)] } },
    {
      label: 'Expired in the last 30 days',
      where: {
        and: [
          { expiresAt: { greater_than: addDays(now, -30).toISOString() } },
          { expiresAt: { less_than_equal: at } },
        ],
      },
    },
    {
      label: 'Trials ending within 7 days',
      where: { and: [activeStatus, { type: { equals: 'trial' } }, ...endingBy(7)] },
    },
    { label: 'Suspended', where: { status: { equals: 'suspended' } } },
  ]
}

/**
 * The license counts the staff member may read (none when the role cannot read licenses), the
 * on-usage licenses low on or out of credit last when the role may read the metering figures.
 */
export const licenseCounts = async (
  reader: StaffReader,
  now = new Date(),
): Promise<DashboardCount[]> => {
  if (!reader.canRead('licenses')) return []
  const { payload, user } = reader
  const counts = await Promise.all(
    licenseQueries(now).map(async ({ label, where }) => {
      const { totalDocs } = await payload.count({
        collection: 'licenses',
        where,
        overrideAccess: false,
        user,
      })
      return { label, collection: 'licenses' as const, where, count: totalDocs }
    }),
  )
  const lowCreditIds = await lowCreditLicenseIds(reader)
  if (lowCreditIds === null) return counts
  return [
    ...counts,
    {
      label: 'On-usage, low or no credit',
      collection: 'licenses',
      // An id list: "below its own threshold" compares two fields, which a list filter cannot.
      where: lowCreditIds.length > 0 ? { id: { in: lowCreditIds } } : undefined,
      count: lowCreditIds.length,
    },
  ]
}
