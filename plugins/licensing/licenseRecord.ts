import type { Payload, PayloadRequest } from 'payload'

import { sql, tableOf, type DrizzleDatabase } from '../../src/database/database'
import { prepareRead } from '../../src/database/preparedRead'
import { batchedLookup, columnInKeyList, keyListOf } from '../../src/database/batchedLookup'

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

/** `2026-02-10T17:33:00.927Z`: how SQLite holds a date already, so it needs no parsing. */
const isIsoText = (value: string) => value.length === 24 && value[10] === 'T' && value[23] === 'Z'

const isoDate = (value: unknown): string | null => {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' && isIsoText(value)) return value
  return new Date(value as string).toISOString()
}
const numberOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value)

type LicenseByKeyRow = {
  id: LicenseRecord['id']
  keyIndex: string
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
  /** The license's modules in order, as JSON text (SQLite) or already parsed (PostgreSQL). */
  modules: string | string[] | null
}

/**
 * The license's modules in their order, as one JSON array: the license stays one row, read in one
 * step. Each dialect names its JSON aggregate differently.
 */
const modulesOf = (payload: Payload) => {
  const licenses = tableOf(payload, 'licenses')
  const texts = tableOf(payload, 'licenses_texts')
  const matching = sql`from ${texts} where ${texts.parent} = ${licenses.id} and ${texts.path} = 'modules'`
  return payload.db.name === 'postgres'
    ? sql`(select coalesce(json_agg(${texts.text} order by ${texts.order}), '[]'::json) ${matching})`.as(
        'modules',
      )
    : sql`(select json_group_array(${texts.text} order by ${texts.order}) ${matching})`.as(
        'modules',
      )
}

type LicenseLookup = (keyIndex: string) => Promise<LicenseByKeyRow | undefined>

/**
 * The licenses-by-key select, built and prepared once per database handle (building a drizzle
 * query costs more than running it), and the lookups of one turn of the event loop asked together
 * (`batchedLookup`). Only the statement is kept, never a row: every lookup reads the license as it
 * is now.
 */
const licenseLookups = new WeakMap<object, LicenseLookup>()

const licenseLookupOf = (payload: Payload, database: DrizzleDatabase): LicenseLookup => {
  let lookup = licenseLookups.get(database)
  if (lookup) return lookup
  const licenses = tableOf(payload, 'licenses')
  const query = prepareRead<LicenseByKeyRow>(payload, database, 'licensing_licenses_by_key', (db) =>
    db
      .select({
        id: licenses.id,
        keyIndex: licenses.keyIndex,
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
        modules: modulesOf(payload),
      })
      .from(licenses)
      .where(columnInKeyList(payload, licenses.keyIndex, 'keyIndexes')),
  )
  lookup = batchedLookup(
    (keyIndexes) => query.all({ keyIndexes: keyListOf(payload, keyIndexes) }),
    (row) => row.keyIndex,
  )
  licenseLookups.set(database, lookup)
  return lookup
}

/**
 * The license a key names, or null. A key that is not well formed (wrong shape or check
 * character) is answered without touching the database. This is the validate hot path, so it is
 * one indexed query (the license row with its modules), prepared once and shared by the lookups
 * of the same moment, not a Payload `find`.
 */
export const findLicenseByKey = async (
  payload: Payload,
  key: string,
): Promise<LicenseRecord | null> => {
  const lookup = licenseKeyLookup(payload.secret, key)
  if (lookup === null) return null
  // Never inside a request's transaction: the protocol's reads see what is committed.
  const row = await licenseLookupOf(payload, payload.db.drizzle)(lookup.keyIndex)
  if (!row) return null
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
    modules: typeof row.modules === 'string' ? JSON.parse(row.modules) : (row.modules ?? []),
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
