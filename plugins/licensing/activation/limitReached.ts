import type { Payload } from 'payload'

import { alertSettings, licenseMailFacts, queueAlertMails } from '../../alerts'
import { and, drizzleFor, eq, isNull, ne, or, tableOf } from '../../../src/database/database'
import type { Actor } from '../history/actors'
import type { LicenseRecord } from '../licenseRecord'
import { recordLicenseEvent } from '../history/recordLicenseEvent'
import { licensingSettings } from '../settings'

export type LimitKind = 'users' | 'clients'

const claimColumn = { users: 'usersLimitAlertedOn', clients: 'clientsLimitAlertedOn' } as const

/**
 * A license went over a limit: at most once per license, limit and UTC day (a conditional UPDATE
 * of the day on the license is the claim, so instances racing alert once), the staff limit
 * recipients get `staff-limit-reached`; over the user limit also records `limit-reached` in the
 * history (a refused activation records its own each time).
 */
export const noteLimitExceeded = async (
  payload: Payload,
  license: LicenseRecord,
  limit: LimitKind,
  used: number,
  max: number,
  actor: Actor,
  now = new Date(),
): Promise<boolean> => {
  const licenses = tableOf(payload, 'licenses')
  const column = licenses[claimColumn[limit]]
  const today = now.toISOString().slice(0, 10)
  const database = await drizzleFor(payload)
  const claimed = await database
    .update(licenses)
    .set({ [claimColumn[limit]]: today })
    .where(and(eq(licenses.id, license.id), or(isNull(column), ne(column, today))))
    .returning({ id: licenses.id })
  if (claimed.length === 0) return false

  if (limit === 'users')
    await recordLicenseEvent(payload, {
      license: license.id,
      type: 'limit-reached',
      actor,
      details: { limit, used, max },
    })
  const facts = await licenseMailFacts(payload, license)
  const { publicUrl } = licensingSettings(payload)
  await queueAlertMails(payload, {
    templateKey: 'staff-limit-reached',
    recipients: (await alertSettings(payload)).recipients.limit,
    variables: {
      customerName: facts.customerName,
      productName: facts.productName,
      licenseKey: license.key ?? '',
      limit,
      used,
      adminUrl: `${publicUrl}/admin/collections/licenses/${license.id}`,
    },
    idempotencyKey: `staff-limit-reached:${license.id}:${limit}:${today}`,
    context: { license: license.id, kind: 'staff-limit-reached', limit, used, max },
  })
  return true
}
