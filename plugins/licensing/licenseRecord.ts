import type { Payload, PayloadRequest } from 'payload'

import {
  and,
  drizzleFor,
  eq,
  sql,
  tableOf,
  type DrizzleDatabase,
} from '../../src/database/database'
import { prepareRead, type PreparedRead } from '../../src/database/preparedRead'

import { licenseKeyLookup } from './licenseKeyLookup'
import type { License } from '../../payload-types'

/** What the protocol needs of a license: one row, no relations populated. */
export type LicenseRecord = Pick<
  License,
  | 'id'
  | 'key'
  | 'line'
  | 'type'
  | 'status'
  | 'startsAt'
  | 'expiresAt'
  | 'modules'
  | 'maxClients'
  | 'maxUsers'
  | 'credits'
  | 'activeClients'
  | 'usersInUse'
> & { customer: number | string; product: number | string }

export const licenseSelect = {
  key: true,
  customer: true,
  product: true,
  line: true,
  type: true,
  status: true,
  startsAt: true,
  expiresAt: true,
  modules: true,
  maxClients: true,
  maxUsers: true,
  credits: true,
  activeClients: true,
  usersInUse: true,
} as const

const idOf = (value: unknown): number | string =>
  typeof value === 'object' && value !== null
    ? (value as { id: number | string }).id
    : (value as number | string)

export const toLicenseRecord = (doc: Record<string, unknown>): LicenseRecord =>
  ({
    ...doc,
    customer: idOf(doc.customer),
    product: idOf(doc.product),
    modules: (doc.modules as string[] | null) ?? [],
    activeClients: (doc.activeClients as number | null) ?? 0,
    usersInUse: (doc.usersInUse as number | null) ?? 0,
  }) as LicenseRecord

const isoDate = (value: unknown): string | null =>
  value === null || value === undefined ? null : new Date(value as string).toISOString()
const numberOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value)

type LicenseByKeyRow = {
  id: LicenseRecord['id']
  customer: number | string
  product: number | string
  line: string
  type: LicenseRecord['type']
  status: LicenseRecord['status']
  startsAt: string | Date
  expiresAt: string | Date | null
  maxClients: number | string
  maxUsers: number | string
  credits: number | string | null
  activeClients: number | string | null
  usersInUse: number | string | null
  module: string | null
  moduleOrder: number
}

/**
 * The license-by-key select, built and prepared once per database handle (building a drizzle
 * query costs more than running it). Only the statement is kept, never a row: every lookup reads
 * the license as it is now.
 */
const licenseByKeyQueries = new WeakMap<object, PreparedRead<LicenseByKeyRow>>()

const licenseByKeyQuery = (
  payload: Payload,
  database: DrizzleDatabase,
): PreparedRead<LicenseByKeyRow> => {
  let query = licenseByKeyQueries.get(database)
  if (query) return query
  const licenses = tableOf(payload, 'licenses')
  const texts = tableOf(payload, 'licenses_texts')
  query = prepareRead<LicenseByKeyRow>(payload, database, 'licensing_license_by_key', (db) =>
    db
      .select({
        id: licenses.id,
        customer: licenses.customer,
        product: licenses.product,
        line: licenses.line,
        type: licenses.type,
        status: licenses.status,
        startsAt: licenses.startsAt,
        expiresAt: licenses.expiresAt,
        maxClients: licenses.maxClients,
        maxUsers: licenses.maxUsers,
        credits: licenses.credits,
        activeClients: licenses.activeClients,
        usersInUse: licenses.usersInUse,
        module: texts.text,
        moduleOrder: texts.order,
      })
      .from(licenses)
      .leftJoin(texts, and(eq(texts.parent, licenses.id), eq(texts.path, 'modules')))
      .where(eq(licenses.keyIndex, sql.placeholder('keyIndex'))),
  )
  licenseByKeyQueries.set(database, query)
  return query
}

/**
 * The license a key names, or null. A key that is not well formed (wrong shape or check
 * character) is answered without touching the database. This is the validate hot path, so it is
 * one indexed query (the license row joined with its modules), prepared once, not a Payload `find`.
 */
export const findLicenseByKey = async (
  payload: Payload,
  key: string,
): Promise<LicenseRecord | null> => {
  const lookup = licenseKeyLookup(payload.secret, key)
  if (lookup === null) return null
  const database = await drizzleFor(payload)
  const rows = await licenseByKeyQuery(payload, database).execute({ keyIndex: lookup.keyIndex })
  if (rows.length === 0) return null
  const [row] = rows
  const modules = rows
    .filter((candidate) => candidate.module !== null)
    .sort((left, right) => Number(left.moduleOrder) - Number(right.moduleOrder))
    .map((candidate) => candidate.module as string)
  return {
    id: row.id,
    // The row's index is this key's: the sealed copy holds the same key, not worth opening here.
    key: lookup.canonicalKey,
    customer: row.customer,
    product: row.product,
    line: row.line,
    type: row.type,
    status: row.status,
    startsAt: isoDate(row.startsAt) as string,
    expiresAt: isoDate(row.expiresAt),
    maxClients: Number(row.maxClients),
    maxUsers: Number(row.maxUsers),
    credits: numberOrNull(row.credits),
    activeClients: Number(row.activeClients ?? 0),
    usersInUse: Number(row.usersInUse ?? 0),
    modules,
  }
}

export const findLicenseById = async (
  payload: Payload,
  id: number | string,
  req?: Partial<PayloadRequest>,
): Promise<LicenseRecord | null> => {
  const doc = await payload.findByID({
    collection: 'licenses',
    id,
    select: licenseSelect,
    depth: 0,
    disableErrors: true,
    req,
  })
  return doc ? toLicenseRecord(doc as unknown as Record<string, unknown>) : null
}
