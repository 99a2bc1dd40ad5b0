import type { Payload, PayloadRequest } from 'payload'

import {
  and,
  drizzleFor,
  eq,
  isNull,
  lt,
  ne,
  or,
  sql,
  tableOf,
} from '../../../src/database/database'

/**
 * A count the app sends again unchanged is written at most this often (validate stays read-mostly).
 */
const refreshReportMs = 60 * 60 * 1000

/**
 * The users an installation has now: stored on its activation (`users`, `usersReportedAt`) when
 * it changed or the last report is an hour old, and then the license's `usersInUse` summed again
 * over its active installations in one statement. Answers the license's users in use.
 */
export const reportUsers = async (
  payload: Payload,
  license: { id: number | string; usersInUse?: number | null },
  activationId: number | string,
  users: number,
  now = new Date(),
): Promise<number> => {
  const activations = tableOf(payload, 'activations')
  const database = await drizzleFor(payload)
  const at = now.toISOString()
  const changed = await database
    .update(activations)
    .set({ users, usersReportedAt: at, updatedAt: at })
    .where(
      and(
        eq(activations.id, activationId),
        or(
          isNull(activations.users),
          ne(activations.users, users),
          isNull(activations.usersReportedAt),
          lt(activations.usersReportedAt, new Date(now.getTime() - refreshReportMs).toISOString()),
        ),
      ),
    )
    .returning({ id: activations.id })
  if (changed.length === 0) return Number(license.usersInUse ?? 0)
  return sumUsersInUse(payload, license.id)
}

/**
 * `usersInUse` = the users of the license's active installations, summed (after a report or a
 * deactivation).
 */
export const sumUsersInUse = async (
  payload: Payload,
  licenseId: number | string,
  req?: Partial<PayloadRequest>,
): Promise<number> => {
  const licenses = tableOf(payload, 'licenses')
  const activations = tableOf(payload, 'activations')
  const database = await drizzleFor(payload, req)
  const [row] = await database
    .update(licenses)
    .set({
      usersInUse: sql`(SELECT coalesce(sum(${activations.users}), 0) FROM ${activations} WHERE ${activations.license} = ${licenseId})`,
    })
    .where(eq(licenses.id, licenseId))
    .returning({ usersInUse: licenses.usersInUse })
  return Number(row?.usersInUse ?? 0)
}
