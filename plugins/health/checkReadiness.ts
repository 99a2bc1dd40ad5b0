import type { Payload } from 'payload'

import { ClientError } from '../../src/http/clientError'
import type { SchemaSource } from './types'

export type Readiness = {
  status: 'ready'
  database: 'ok'
  /** `applied`: every migration this build ships is recorded; `pushed`: the development push ran. */
  schema: 'applied' | 'pushed'
}

/** A health answer is about this moment: no cache keeps it. */
export const noStore = { 'Cache-Control': 'no-store' }

type MigrationRow = { name: string; batch?: number | null }

/** The migrations the adapter applies at boot in production (`prodMigrations`), by name. */
const shippedMigrationsOf = (payload: Payload): string[] =>
  ((payload.db as { prodMigrations?: { name: string }[] }).prodMigrations ?? []).map(
    ({ name }) => name,
  )

const readMigrationRows = async (payload: Payload, timeoutMs: number): Promise<MigrationRow[]> => {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    const found = await Promise.race([
      payload.find({
        collection: 'payload-migrations',
        pagination: false,
        depth: 0,
        select: { name: true, batch: true },
      }),
      timeout,
    ])
    return found.docs as MigrationRow[]
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Whether this instance may take traffic: the database answers (within `timeoutMs`) and its
 * schema is the one this build expects. With migrations (production), every migration the build
 * ships is recorded in `payload_migrations` with a batch; with the development push, the adapter's
 * `dev` row (batch -1), which it writes after it pushed the schema, is there. Otherwise a 503
 * `ClientError`: `DATABASE_UNAVAILABLE`, `MIGRATIONS_PENDING` or `SCHEMA_NOT_PUSHED`.
 */
export const checkReadiness = async (
  payload: Payload,
  { schemaSource, timeoutMs }: { schemaSource: SchemaSource; timeoutMs: number },
): Promise<Readiness> => {
  let rows: MigrationRow[]
  try {
    rows = await readMigrationRows(payload, timeoutMs)
  } catch (error) {
    // One line per failed probe (a load balancer asks every few seconds): the cause, no stack.
    const cause = (error as { cause?: Error }).cause ?? (error as Error)
    payload.logger.warn(`Readiness: the database did not answer (${String(cause?.message)})`)
    throw new ClientError(503, 'DATABASE_UNAVAILABLE', 'The database does not answer', noStore)
  }
  if (schemaSource === 'push') {
    if (!rows.some((row) => row.batch === -1))
      throw new ClientError(
        503,
        'SCHEMA_NOT_PUSHED',
        'The development schema was not pushed',
        noStore,
      )
    return { status: 'ready', database: 'ok', schema: 'pushed' }
  }
  const applied = new Set(rows.filter((row) => (row.batch ?? 0) > 0).map((row) => row.name))
  const pending = shippedMigrationsOf(payload).filter((name) => !applied.has(name))
  if (pending.length > 0) {
    // The names go to the log, not to whoever asks.
    payload.logger.warn(`Readiness: migrations not applied: ${pending.join(', ')}`)
    throw new ClientError(
      503,
      'MIGRATIONS_PENDING',
      `${pending.length} migration(s) of this build not applied`,
      noStore,
    )
  }
  return { status: 'ready', database: 'ok', schema: 'applied' }
}
