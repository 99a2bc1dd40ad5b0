import type { Payload } from 'payload'
import type { Pool } from 'pg'

import type { LicenseRecord } from '../licensing'
import type { MeteredUse } from './spendCredits'

export type FastSpend =
  | { spent: true; recordId: number; remaining: number }
  /** Another request recorded this idempotency key first: answer from its record. */
  | { spent: false; reason: 'raced' }
  /**
   * Not for the fast path: too few credits, a top-up to take into account, or the low-credit alert
   * to raise. `spendCredits` decides, in its transaction.
   */
  | { spent: false; reason: 'not-simple' }

// One statement, so one round trip and atomic on its own: the installation's activation, the
// deduction (a conditional UPDATE, so credits never go below zero and concurrent uses never
// overspend) and the usage record. A record whose idempotency key exists already fails the whole
// statement (unique index), which undoes the deduction with it. Only the plain case is taken here:
// an activation of this fingerprint, enough credits, no top-up since the last use
// (credits_after_last_use is what the last use left) and no low-credit level crossed (or its alert
// sent already); anything else matches no row and goes the general way (`recordUsage`).
const spendStatement = `
WITH activation AS (
  SELECT id FROM activations WHERE license_id = $1 AND fingerprint = $4 LIMIT 1
), spent AS (
  UPDATE licenses
     SET credits = credits - $2, credits_after_last_use = credits - $2
   WHERE id = $1
     AND type = 'on-usage'
     AND credits >= $2
     AND credits <= credits_after_last_use
     AND (credit_low_alerted_at IS NOT NULL
          OR credits - $2 >= coalesce(low_credit_threshold, ceil(coalesce(credits_at_top_up, 0) / 10.0)))
     AND EXISTS (SELECT 1 FROM activation)
  RETURNING credits
)
INSERT INTO usage_records
  (license_id, customer_id, activation_id, quantity, idempotency_key, occurred_at, received_at,
   remaining_after, created_at, updated_at)
SELECT $1, $3, activation.id, $2, $5, $6, $7, spent.credits, $7, $7 FROM spent, activation
RETURNING id, remaining_after`

const uniqueViolation = '23505'

/** The adapter's pool, on PostgreSQL; undefined on SQLite (which keeps `spendCredits` alone). */
const poolOf = (payload: Payload): Pool | undefined =>
  payload.db.name === 'postgres' ? (payload.db as unknown as { pool?: Pool }).pool : undefined

/** Whether this database takes the fast path. */
export const canSpendAtOnce = (payload: Payload): boolean => Boolean(poolOf(payload))

/**
 * Spends a use in one prepared statement on PostgreSQL: what `spendCredits` does in a
 * transaction of four round trips, for the common case (see `spendStatement`).
 */
export const spendAtOnce = async (
  payload: Payload,
  license: LicenseRecord,
  fingerprint: string,
  use: MeteredUse,
  receivedAt: Date,
): Promise<FastSpend> => {
  const pool = poolOf(payload)
  if (!pool) return { spent: false, reason: 'not-simple' }
  const at = receivedAt.toISOString()
  try {
    const { rows } = await pool.query<{ id: number; remaining_after: string }>({
      name: 'metering_spend_at_once',
      text: spendStatement,
      values: [
        license.id,
        use.quantity,
        license.customer,
        fingerprint,
        use.idempotencyKey,
        use.occurredAt.toISOString(),
        at,
      ],
    })
    if (rows.length === 0) return { spent: false, reason: 'not-simple' }
    return { spent: true, recordId: rows[0].id, remaining: Number(rows[0].remaining_after) }
  } catch (error) {
    if ((error as { code?: string }).code === uniqueViolation)
      return { spent: false, reason: 'raced' }
    throw error
  }
}
