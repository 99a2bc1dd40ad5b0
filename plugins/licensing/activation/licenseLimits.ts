import type { Payload } from 'payload'

import type { Actor } from '../history/actors'
import type { LicenseRecord } from '../licenseRecord'
import { noteLimitExceeded } from './limitReached'
import { reportUsers, sumUsersInUse } from './reportUsers'

export type LicenseLimits = { users: { used: number; max: number } }

/**
 * Stores the users an installation reported (if it did), and answers the soft limits the license
 * is over, if any. Over `maxUsers` the decision stays what it was; staff are alerted once a day.
 */
export const limitsOf = async (
  payload: Payload,
  license: LicenseRecord,
  activationId: number | string,
  users: number | undefined,
  actor: Actor,
  now: Date,
): Promise<{ usersInUse: number; limits?: LicenseLimits }> => {
  const usersInUse =
    users === undefined
      ? Number(license.usersInUse ?? 0)
      : await reportUsers(payload, license, activationId, users, now)
  if (usersInUse <= license.maxUsers) return { usersInUse }
  await noteLimitExceeded(payload, license, 'users', usersInUse, license.maxUsers, actor, now)
  return { usersInUse, limits: { users: { used: usersInUse, max: license.maxUsers } } }
}

export { sumUsersInUse }
