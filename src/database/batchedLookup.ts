import DataLoader from 'dataloader'
import type { Payload } from 'payload'

import { sql } from './database'

/**
 * `column` is one of the keys the placeholder `name` lists (its value made by `keyListOf`): a
 * PostgreSQL array, or a JSON array on SQLite, so one prepared statement takes any number of keys.
 */
export const columnInKeyList = (payload: Payload, column: unknown, name: string) =>
  payload.db.name === 'postgres'
    ? sql`${column} = any(${sql.placeholder(name)})`
    : sql`${column} in (select value from json_each(${sql.placeholder(name)}))`

export const keyListOf = (payload: Payload, keys: readonly string[]): unknown =>
  payload.db.name === 'postgres' ? keys : JSON.stringify(keys)

/** Most keys asked in one query; more wait for the next. */
const maxBatchSize = 128

/**
 * Lookups of one row by key, gathered while the event loop turns and asked of the database as one
 * query (`readMany`) at the end of the turn: under load a hot read costs one round trip and one
 * statement for many requests instead of one each. Nothing is cached: a lookup's query is sent
 * after it was asked, so it sees every write committed before it. Unloaded, a lookup waits one
 * turn of the loop (`setImmediate`).
 */
export const batchedLookup = <Row>(
  readMany: (keys: readonly string[]) => Promise<Row[]>,
  keyOf: (row: Row) => string,
): ((key: string) => Promise<Row | undefined>) => {
  const loader = new DataLoader<string, Row | undefined>(
    async (keys) => {
      const byKey = new Map<string, Row>()
      for (const row of await readMany([...new Set(keys)])) byKey.set(keyOf(row), row)
      return keys.map((key) => byKey.get(key))
    },
    { cache: false, maxBatchSize, batchScheduleFn: (dispatch) => setImmediate(dispatch) },
  )
  return (key) => loader.load(key)
}
