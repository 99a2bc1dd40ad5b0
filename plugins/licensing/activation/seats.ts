import type { Payload, PayloadRequest } from 'payload'

import { and, drizzleFor, eq, gt, sql, tableOf } from '../../../src/database/database'

// A license's client seats are its `activeClients` counter, changed only by these two statements.

/**
 * Takes a client seat: one conditional UPDATE, so concurrent activations never exceed maxClients.
 */
export const reserveSeat = async (
  payload: Payload,
  licenseId: number | string,
): Promise<boolean> => {
  const licenses = tableOf(payload, 'licenses')
  const database = await drizzleFor(payload)
  const reserved = await database
    .update(licenses)
    .set({ activeClients: sql`coalesce(${licenses.activeClients}, 0) + 1` })
    .where(
      and(
        eq(licenses.id, licenseId),
        sql`coalesce(${licenses.activeClients}, 0) < ${licenses.maxClients}`,
      ),
    )
    .returning({ id: licenses.id })
  return reserved.length === 1
}

/** Gives a seat back (an activation was not created after all, or was removed). */
export const releaseSeatOf = async (
  payload: Payload,
  licenseId: number | string,
  req?: Partial<PayloadRequest>,
): Promise<void> => {
  const licenses = tableOf(payload, 'licenses')
  const database = await drizzleFor(payload, req)
  await database
    .update(licenses)
    .set({ activeClients: sql`${licenses.activeClients} - 1` })
    .where(and(eq(licenses.id, licenseId), gt(licenses.activeClients, 0)))
}
