import type { Payload } from 'payload'

import { and, drizzleFor, eq, tableOf } from '../shared/database'

/** The activation of `fingerprint` under a license, or null (one indexed read). */
export const findActivation = async (payload: Payload, licenseId: number | string, fingerprint: string): Promise<{ id: number | string } | null> => {
  const table = tableOf(payload, 'activations')
  const database = await drizzleFor(payload)
  const rows = await database
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.license, licenseId), eq(table.fingerprint, fingerprint)))
    .limit(1)
  return rows[0] ?? null
}
