import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import type { LicenseRecord } from '../licensing'
import {
  and,
  drizzleFor,
  eq,
  gte,
  isNull,
  or,
  sql,
  tableOf,
  type DrizzleDatabase,
} from '../../src/database/database'
import { defaultLowCreditLevel } from '../../src/lib/lowCreditLevel'
import { alertCreditLevel } from './alertCreditLevel'
import { oneWriterAtATime } from '../../src/database/oneWriterAtATime'

export type MeteredUse = { quantity: number; idempotencyKey: string; occurredAt: Date }

export type SpendOutcome =
  | { spent: true; recordId: number | string; remaining: number }
  | { spent: false; reason: 'no-credit'; remaining: number }
  /** Another request recorded this idempotency key first: answer from its record. */
  | { spent: false; reason: 'raced' }

const numberOf = (value: unknown): number => Number(value ?? 0)

/**
 * Spends `use.quantity` credits of an on-usage license and writes its usage record, in one
 * transaction: the deduction is one conditional UPDATE (`credits >= quantity`, so credits never
 * go below zero and concurrent uses never overspend), and the record's unique idempotency key
 * undoes the deduction when the same use raced in first. Crossing the low-credit level, or the
 * first refusal after a top-up, records its event and queues its mails in the same transaction.
 */
export const spendCredits = (
  payload: Payload,
  license: LicenseRecord,
  activationId: number | string,
  use: MeteredUse,
  receivedAt: Date,
): Promise<SpendOutcome> =>
  oneWriterAtATime(payload, license.id, () =>
    spendInTransaction(payload, license, activationId, use, receivedAt),
  )

/**
 * The transaction itself, without this process's queue: what two instances do at once. Only the
 * database keeps them apart (row lock, conditional UPDATE, unique key), and that is enough.
 */
export const spendInTransaction = async (
  payload: Payload,
  license: LicenseRecord,
  activationId: number | string,
  use: MeteredUse,
  receivedAt: Date,
): Promise<SpendOutcome> => {
  const transactionID = await payload.db.beginTransaction()
  const session: Partial<PayloadRequest> = transactionID ? { transactionID } : {}
  try {
    const database = await drizzleFor(payload, session)
    const outcome = await spendIn(
      payload,
      database,
      license,
      activationId,
      use,
      receivedAt,
      session,
    )
    if (transactionID) {
      if (outcome.spent || outcome.reason === 'no-credit')
        await payload.db.commitTransaction(transactionID)
      else await payload.db.rollbackTransaction(transactionID)
    }
    return outcome
  } catch (error) {
    if (transactionID) await payload.db.rollbackTransaction(transactionID)
    throw error
  }
}

const spendIn = async (
  payload: Payload,
  database: DrizzleDatabase,
  license: LicenseRecord,
  activationId: number | string,
  use: MeteredUse,
  receivedAt: Date,
  session: Partial<PayloadRequest>,
): Promise<SpendOutcome> => {
  const licenses = tableOf(payload, 'licenses')
  const at = receivedAt.toISOString()
  // Credits above what the last use left mean credits were added since (a pack, an edit): a
  // top-up, which sets the new baseline for the default alert level and re-arms both alerts.
  const toppedUp = sql`coalesce(${licenses.credits}, 0) > coalesce(${licenses.creditsAfterLastUse}, -1)`
  const rearmed = {
    creditsAtTopUp: sql`CASE WHEN ${toppedUp} THEN ${licenses.credits} ELSE ${licenses.creditsAtTopUp} END`,
    creditLowAlertedAt: sql`CASE WHEN ${toppedUp} THEN NULL ELSE ${licenses.creditLowAlertedAt} END`,
    creditExhaustedAlertedAt: sql`CASE WHEN ${toppedUp} THEN NULL ELSE ${licenses.creditExhaustedAlertedAt} END`,
  }
  const spent = await database
    .update(licenses)
    .set({
      ...rearmed,
      credits: sql`${licenses.credits} - ${use.quantity}`,
      creditsAfterLastUse: sql`${licenses.credits} - ${use.quantity}`,
    })
    .where(
      and(
        eq(licenses.id, license.id),
        eq(licenses.type, 'on-usage'),
        gte(licenses.credits, use.quantity),
      ),
    )
    .returning({
      credits: licenses.credits,
      creditsAtTopUp: licenses.creditsAtTopUp,
      lowCreditThreshold: licenses.lowCreditThreshold,
      creditLowAlertedAt: licenses.creditLowAlertedAt,
    })

  if (spent.length === 0) return refuse(payload, database, license, use, at, rearmed, session)

  const [after] = spent
  const remaining = numberOf(after.credits)
  const records = tableOf(payload, 'usage-records')
  const inserted = await database
    .insert(records)
    .values({
      license: license.id,
      customer: license.customer,
      activation: activationId,
      quantity: use.quantity,
      idempotencyKey: use.idempotencyKey,
      occurredAt: use.occurredAt.toISOString(),
      receivedAt: at,
      remainingAfter: remaining,
      createdAt: at,
      updatedAt: at,
    })
    .onConflictDoNothing()
    .returning({ id: records.id })
  if (inserted.length === 0) {
    // Without a transaction to roll back (Payload runs SQLite without them), the deduction has
    // already been written: it is given back, in one statement as atomic as the deduction was.
    if (!session.transactionID)
      await database
        .update(licenses)
        .set({
          credits: sql`${licenses.credits} + ${use.quantity}`,
          creditsAfterLastUse: sql`${licenses.creditsAfterLastUse} + ${use.quantity}`,
        })
        .where(eq(licenses.id, license.id))
    return { spent: false, reason: 'raced' }
  }

  const threshold =
    after.lowCreditThreshold === null || after.lowCreditThreshold === undefined
      ? defaultLowCreditLevel(numberOf(after.creditsAtTopUp))
      : numberOf(after.lowCreditThreshold)
  if (remaining < threshold && !after.creditLowAlertedAt) {
    await database
      .update(licenses)
      .set({ creditLowAlertedAt: at })
      .where(eq(licenses.id, license.id))
    await alertCreditLevel(payload, {
      kind: 'credit-low',
      license,
      credits: remaining,
      threshold,
      at,
      req: await joined(payload, session),
    })
  }
  return { spent: true, recordId: inserted[0].id, remaining }
}

/** Nothing was deducted: the first refusal since the last top-up claims the exhausted alert. */
const refuse = async (
  payload: Payload,
  database: DrizzleDatabase,
  license: LicenseRecord,
  use: MeteredUse,
  at: string,
  rearmed: Record<string, unknown>,
  session: Partial<PayloadRequest>,
): Promise<SpendOutcome> => {
  const licenses = tableOf(payload, 'licenses')
  const toppedUp = sql`coalesce(${licenses.credits}, 0) > coalesce(${licenses.creditsAfterLastUse}, -1)`
  const claimed = await database
    .update(licenses)
    .set({
      ...rearmed,
      creditExhaustedAlertedAt: at,
      creditsAfterLastUse: sql`coalesce(${licenses.credits}, 0)`,
    })
    .where(
      and(
        eq(licenses.id, license.id),
        eq(licenses.type, 'on-usage'),
        sql`coalesce(${licenses.credits}, 0) < ${use.quantity}`,
        or(isNull(licenses.creditExhaustedAlertedAt), toppedUp),
      ),
    )
    .returning({ credits: licenses.credits })
  if (claimed.length > 0) {
    const credits = numberOf(claimed[0].credits)
    await alertCreditLevel(payload, {
      kind: 'credit-exhausted',
      license,
      credits,
      at,
      req: await joined(payload, session),
    })
    return { spent: false, reason: 'no-credit', remaining: credits }
  }
  const current = await database
    .select({ credits: licenses.credits })
    .from(licenses)
    .where(eq(licenses.id, license.id))
  return { spent: false, reason: 'no-credit', remaining: numberOf(current[0]?.credits) }
}

/** A full local request in the open transaction, for the Local API calls an alert makes. */
const joined = async (
  payload: Payload,
  session: Partial<PayloadRequest>,
): Promise<PayloadRequest> => {
  const req = await createLocalReq({}, payload)
  if (session.transactionID) req.transactionID = session.transactionID
  return req
}
