import type { CollectionBeforeDeleteHook } from 'payload'

import { drizzleFor, eq, tableOf } from '../../../src/database/database'

/** Deleting a license (admins only) takes its usage records with it, in the same transaction. */
export const removeUsageRecords: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const table = tableOf(req.payload, 'usage-records')
  await (await drizzleFor(req.payload, req)).delete(table).where(eq(table.license, id))
}
