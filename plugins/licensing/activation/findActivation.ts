import type { Payload } from 'payload'

import {
  and,
  drizzleFor,
  eq,
  sql,
  tableOf,
  type DrizzleDatabase,
} from '../../../src/database/database'
import { prepareRead, type PreparedRead } from '../../../src/database/preparedRead'

type ActivationRow = { id: number | string }

const activationQueries = new WeakMap<object, PreparedRead<ActivationRow>>()

const activationQuery = (
  payload: Payload,
  database: DrizzleDatabase,
): PreparedRead<ActivationRow> => {
  let query = activationQueries.get(database)
  if (query) return query
  const table = tableOf(payload, 'activations')
  query = prepareRead<ActivationRow>(
    payload,
    database,
    'licensing_activation_by_fingerprint',
    (db) =>
      db
        .select({ id: table.id })
        .from(table)
        .where(
          and(
            eq(table.license, sql.placeholder('license')),
            eq(table.fingerprint, sql.placeholder('fingerprint')),
          ),
        )
        .limit(1),
  )
  activationQueries.set(database, query)
  return query
}

/** The activation of `fingerprint` under a license, or null (one indexed read, prepared once). */
export const findActivation = async (
  payload: Payload,
  licenseId: number | string,
  fingerprint: string,
): Promise<ActivationRow | null> => {
  const row = await activationQuery(payload, await drizzleFor(payload)).first({
    license: licenseId,
    fingerprint,
  })
  return row ?? null
}
