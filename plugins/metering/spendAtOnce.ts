import type { Payload } from 'payload'
import type { Pool } from 'pg'

import type { LicenseRecord } from '../licensing'
import type { MeteredUse } from './spendCredits'
import { batchOf, type UseBatcher } from './useBatcher'

export type FastSpend =
  | { spent: true; recordId: number; remaining: number }
  /** Another request recorded this idempotency key first: answer from its record. */
  | { spent: false; reason: 'raced' }
  /**
   * Not for the fast path: too few credits, a top-up to take into account, or the low-credit alert
   * to raise. `spendCredits` decides, in its transaction.
   */
  | { spent: false; reason: 'not-simple' }

export type FastUse = {
  license: LicenseRecord
  fingerprint: string
  use: MeteredUse
  receivedAt: Date
}

// One statement, so one round trip and atomic on its own, for the uses of several licenses at once
// (one use per license): each installation's activation, the deduction (a conditional UPDATE, so
// credits never go below zero and concurrent uses never overspend) and the usage record. The
// licenses are locked in id order, so two such statements (two instances) never deadlock. A
// record whose idempotency key exists already fails the whole statement (unique index), which
// undoes every deduction with it. Only the plain case is taken: an activation of this fingerprint,
// enough credits, no top-up since the last use (credits_after_last_use is what the last use left)
// and no low-credit level crossed (or its alert sent already); a use of a license that is not so
// gets no row back and goes the general way (`recordUsage`).
const spendStatement = `
WITH input AS (
  SELECT * FROM unnest($1::integer[], $2::numeric[], $3::integer[], $4::varchar[], $5::varchar[],
                       $6::timestamptz[], $7::timestamptz[])
    AS u(license_id, quantity, customer_id, fingerprint, idempotency_key, occurred_at, received_at)
), locked AS (
  SELECT id FROM licenses WHERE id IN (SELECT license_id FROM input) ORDER BY id FOR UPDATE
), activation AS (
  SELECT a.license_id, a.id FROM activations a
    JOIN input i ON a.license_id = i.license_id AND a.fingerprint = i.fingerprint
), spent AS (
  UPDATE licenses l
     SET credits = l.credits - i.quantity, credits_after_last_use = l.credits - i.quantity
    FROM input i, activation a, locked k
   WHERE l.id = i.license_id AND a.license_id = i.license_id AND k.id = l.id
     AND l.type = 'on-usage'
     AND l.credits >= i.quantity
     AND l.credits <= l.credits_after_last_use
     AND (l.credit_low_alerted_at IS NOT NULL
          OR l.credits - i.quantity >= coalesce(l.low_credit_threshold,
                                                ceil(coalesce(l.credits_at_top_up, 0) / 10.0)))
  RETURNING l.id AS license_id, l.credits
)
INSERT INTO usage_records
  (license_id, customer_id, activation_id, quantity, idempotency_key, occurred_at, received_at,
   remaining_after, created_at, updated_at)
SELECT i.license_id, i.customer_id, a.id, i.quantity, i.idempotency_key, i.occurred_at,
       i.received_at, s.credits, i.received_at, i.received_at
  FROM spent s JOIN input i ON i.license_id = s.license_id
               JOIN activation a ON a.license_id = s.license_id
RETURNING id, license_id, remaining_after`

const uniqueViolation = '23505'
const deadlock = '40P01'

/** The uses of one statement, one per license, each with the outcome its caller waits for. */
const spendTogether = async (pool: Pool, uses: FastUse[]): Promise<FastSpend[]> => {
  const column = <T>(value: (item: FastUse) => T) => uses.map(value)
  const { rows } = await pool.query<{ id: number; license_id: number; remaining_after: string }>({
    name: 'metering_spend_at_once',
    text: spendStatement,
    values: [
      column(({ license }) => license.id),
      column(({ use }) => use.quantity),
      column(({ license }) => license.customer),
      column(({ fingerprint }) => fingerprint),
      column(({ use }) => use.idempotencyKey),
      column(({ use }) => use.occurredAt.toISOString()),
      column(({ receivedAt }) => receivedAt.toISOString()),
    ],
  })
  const byLicense = new Map(rows.map((row) => [String(row.license_id), row]))
  return uses.map(({ license }): FastSpend => {
    const row = byLicense.get(String(license.id))
    if (!row) return { spent: false, reason: 'not-simple' }
    return { spent: true, recordId: row.id, remaining: Number(row.remaining_after) }
  })
}

/**
 * The statement for a group of uses. When it fails on a key recorded before (or, from another
 * instance, a deadlock), nothing of it was written: each use is tried on its own, so only the one
 * whose key was taken answers `raced`.
 */
const spendGroup = async (pool: Pool, uses: FastUse[]): Promise<FastSpend[]> => {
  try {
    return await spendTogether(pool, uses)
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code !== uniqueViolation && code !== deadlock) throw error
    if (uses.length === 1) {
      if (code === uniqueViolation) return [{ spent: false, reason: 'raced' }]
      throw error
    }
    return Promise.all(uses.map(async (use) => (await spendGroup(pool, [use]))[0]))
  }
}

/** The adapter's pool, on PostgreSQL; undefined on SQLite (which keeps `spendCredits` alone). */
const poolOf = (payload: Payload): Pool | undefined =>
  payload.db.name === 'postgres' ? (payload.db as unknown as { pool?: Pool }).pool : undefined

const batchers = new WeakMap<Pool, UseBatcher<FastUse, FastSpend>>()

/** Whether this database takes the fast path. */
export const canSpendAtOnce = (payload: Payload): boolean => Boolean(poolOf(payload))

/**
 * Spends a use in one statement on PostgreSQL, what `spendCredits` does in a transaction of four
 * round trips, for the common case (see `spendStatement`). Uses that arrive while a statement is
 * running go together in the next one (one per license), so a busy instance writes many uses per
 * round trip and commit.
 */
export const spendAtOnce = (payload: Payload, fastUse: FastUse): Promise<FastSpend> => {
  const pool = poolOf(payload)
  if (!pool) return Promise.resolve({ spent: false, reason: 'not-simple' })
  let batcher = batchers.get(pool)
  if (!batcher) {
    batcher = batchOf((uses) => spendGroup(pool, uses), {
      sameLane: (a, b) => String(a.license.id) === String(b.license.id),
    })
    batchers.set(pool, batcher)
  }
  return batcher.add(fastUse)
}
