import { is, Placeholder } from '@payloadcms/db-sqlite/drizzle'
import Database from 'libsql'
import type { Payload } from 'payload'

import type { DrizzleDatabase } from './database'

/**
 * A select prepared once and run many times with named values (`sql.placeholder(name)`): its
 * first row (undefined when none matches), or all of them.
 */
export type PreparedRead<Row> = {
  first: (values: Record<string, unknown>) => Promise<Row | undefined>
  all: (values: Record<string, unknown>) => Promise<Row[]>
}

type Field = { mapFromDriverValue?: (value: unknown) => unknown }
type SelectBuilder<Row> = {
  toSQL: () => { sql: string; params: unknown[] }
  getSelectedFields: () => Record<string, Field>
  prepare: (name: string) => { execute: (values: Record<string, unknown>) => Promise<Row[]> }
}

/**
 * How long a read waits for another process's write lock before failing (SQLite's busy_timeout).
 */
const busyTimeoutMs = 5_000

/**
 * One extra connection per SQLite database file, used only for hot-path reads. `@libsql/client`
 * (what Payload's adapter and drizzle use) prepares the statement again on every call and asks it
 * for its columns twice, which was a third of the validate endpoint's CPU; a statement prepared on
 * a connection of our own is prepared once. Writes stay on Payload's connection, and each read is
 * its own autocommit transaction, so it sees every committed write.
 */
const readConnections = new WeakMap<object, Database.Database | null>()

/**
 * The file a `file:` URL names, or undefined (in-memory or remote databases keep drizzle's path).
 */
export const sqliteFileOf = (url: unknown): string | undefined => {
  if (typeof url !== 'string' || !url.startsWith('file:')) return undefined
  let rest = url.slice('file:'.length).split('?', 1)[0]
  if (rest.startsWith('//')) rest = rest.slice(2).replace(/^localhost(?=\/)/, '')
  if (rest === '' || rest === ':memory:') return undefined
  return decodeURIComponent(rest)
}

const readConnectionOf = (payload: Payload): Database.Database | null => {
  const adapter = payload.db as unknown as { name?: string; clientConfig?: { url?: string } }
  let connection = readConnections.get(adapter)
  if (connection !== undefined) return connection
  const file = adapter.name === 'sqlite' ? sqliteFileOf(adapter.clientConfig?.url) : undefined
  connection = null
  if (file) {
    connection = new Database(file)
    connection.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}; PRAGMA query_only = 1;`)
  }
  readConnections.set(adapter, connection)
  return connection
}

/** Closes the read connection of this Payload's database, if one was opened (on shutdown). */
export const closeReadConnection = (payload: Payload): void => {
  const connection = readConnections.get(payload.db)
  readConnections.delete(payload.db)
  connection?.close()
}

/**
 * Prepares `build(database)`, a drizzle select whose values are `sql.placeholder`s. On a SQLite
 * file the drizzle query only writes the SQL: it runs as a native statement on the read
 * connection (`get` for the first row: reading rows through an iterator cost as much again), each
 * row mapped back to the select's field names through the columns' own decoders (what drizzle
 * does). On PostgreSQL it is drizzle's named prepared statement.
 */
export const prepareRead = <Row>(
  payload: Payload,
  database: DrizzleDatabase,
  name: string,
  build: (database: DrizzleDatabase) => unknown,
): PreparedRead<Row> => {
  const builder = build(database) as SelectBuilder<Row>
  const connection = readConnectionOf(payload)
  if (!connection) {
    const prepared = builder.prepare(name)
    return {
      first: async (values) => (await prepared.execute(values))[0],
      all: (values) => prepared.execute(values),
    }
  }

  const { sql: text, params } = builder.toSQL()
  const fields = Object.entries(builder.getSelectedFields())
  const statement = connection.prepare(text).raw(true)
  const bind = (values: Record<string, unknown>) =>
    params.map((param) => (is(param, Placeholder) ? values[param.name] : param))
  const rowOf = (raw: unknown[]): Row => {
    const row: Record<string, unknown> = {}
    for (let index = 0; index < fields.length; index += 1) {
      const [key, field] = fields[index]
      const value = raw[index]
      row[key] =
        value === null || !field.mapFromDriverValue ? value : field.mapFromDriverValue(value)
    }
    return row as Row
  }
  return {
    first: async (values) => {
      const raw = statement.get(bind(values)) as unknown as unknown[] | null | undefined
      return raw ? rowOf(raw) : undefined
    },
    all: async (values) => (statement.all(bind(values)) as unknown as unknown[][]).map(rowOf),
  }
}
