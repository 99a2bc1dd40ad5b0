import type { Payload, PayloadRequest } from 'payload'

// drizzle-orm's query operators are dialect-neutral and both adapters re-export the same copy,
// so atomic statements written with them run on SQLite and PostgreSQL alike.
export {
  and,
  asc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  or,
  sql,
} from '@payloadcms/db-sqlite/drizzle'

/**
 * A drizzle database of either dialect. Its query builders differ in type but not in the calls we
 * make (insert/update/select with `returning`, `onConflictDoNothing`), so one loose type serves
 * both.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DrizzleDatabase = any

/**
 * The drizzle handle for raw atomic statements, inside the request's transaction when there is one.
 */
export const drizzleFor = async (
  payload: Payload,
  req?: Partial<PayloadRequest>,
): Promise<DrizzleDatabase> => {
  const transactionID = req?.transactionID ? await req.transactionID : undefined
  return (transactionID && payload.db.sessions?.[transactionID]?.db) || payload.db.drizzle
}

/** The drizzle table of a collection (tables are named after the slug in snake_case). */
export const tableOf = (payload: Payload, slug: string) =>
  payload.db.tables[slug.replace(/-/g, '_')]
