import type { CollectionBeforeDeleteHook } from 'payload'

import { drizzleFor, eq, tableOf } from '../../../src/database/database'

/**
 * Deleting a license (admins only) takes its activations and history with it, in the same
 * transaction; otherwise their references would block the delete.
 */
export const removeLicenseRecords: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const database = await drizzleFor(req.payload, req)
  for (const slug of ['activations', 'license-events']) {
    const table = tableOf(req.payload, slug)
    await database.delete(table).where(eq(table.license, id))
  }
}
