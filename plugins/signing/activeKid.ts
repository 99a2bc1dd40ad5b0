import type { Payload } from 'payload'

import { drizzleFor, eq, tableOf } from '../../src/database/database'

/** The kid of the key the key set marks active (the latest one, should there be two). */
export const activeKidInDatabase = async (payload: Payload): Promise<string | undefined> => {
  const table = tableOf(payload, 'signing-keys')
  const database = await drizzleFor(payload)
  const rows: Array<{ kid: string; createdAt: string }> = await database
    .select({ kid: table.kid, createdAt: table.createdAt })
    .from(table)
    .where(eq(table.status, 'active'))
  return rows.sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)))[0]?.kid
}
