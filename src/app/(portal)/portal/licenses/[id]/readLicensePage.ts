import type { Activation, License, LicenseEvent } from '../../../../../../payload-types'
import { customerDeactivationLimit } from '../../../../../../plugins/licensing'
import { dailyUsage, firstUsageDay, type DailyUsage } from '../../../../../lib/dailyUsage'
import { addDays } from '../../../../../lib/time'
import type { CustomerSession } from '../../session/currentCustomer'

export type LicensePageData = {
  license: License
  installations: Activation[]
  history: LicenseEvent[]
  /** Deactivations the customer made in the portal within the limit's window. */
  deactivationsUsed: number
  usage: DailyUsage | null
}

const wholeNumber = /^[1-9]\d{0,15}$/
const historyShown = 100

/**
 * Everything the license page shows, read as the signed-in account (`overrideAccess: false`), so
 * another company's license is not found and staff-only fields are not there. Null: not found.
 */
export const readLicensePage = async (
  { payload, user }: CustomerSession,
  id: string,
  now = new Date(),
): Promise<LicensePageData | null> => {
  if (!wholeNumber.test(id)) return null
  const asAccount = { user, overrideAccess: false, depth: 0 } as const
  const license = await payload.findByID({
    collection: 'licenses',
    id,
    disableErrors: true,
    ...asAccount,
  })
  if (!license) return null
  const [installations, history, deactivations, uses] = await Promise.all([
    payload.find({
      collection: 'activations',
      where: { license: { equals: license.id } },
      sort: '-activatedAt',
      pagination: false,
      ...asAccount,
    }),
    payload.find({
      collection: 'license-events',
      where: { license: { equals: license.id } },
      sort: '-createdAt',
      limit: historyShown,
      ...asAccount,
    }),
    payload.count({
      collection: 'license-events',
      where: {
        and: [
          { license: { equals: license.id } },
          { type: { equals: 'deactivated' } },
          { 'actor.kind': { equals: 'customer' } },
          {
            createdAt: {
              greater_than_equal: addDays(now, -customerDeactivationLimit.days).toISOString(),
            },
          },
        ],
      },
      user,
      overrideAccess: false,
    }),
    license.type === 'on-usage'
      ? payload.find({
          collection: 'usage-records',
          where: {
            and: [
              { license: { equals: license.id } },
              { occurredAt: { greater_than_equal: firstUsageDay(now, 30).toISOString() } },
            ],
          },
          select: { occurredAt: true, quantity: true },
          pagination: false,
          ...asAccount,
        })
      : null,
  ])
  return {
    license,
    installations: installations.docs,
    history: history.docs,
    deactivationsUsed: deactivations.totalDocs,
    usage: uses ? dailyUsage(uses.docs, now, 30) : null,
  }
}
