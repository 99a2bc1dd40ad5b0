import type { Payload } from 'payload'

import { usageCodes, type UsageCode } from '../../src/lib/protocol'
import { ClientError } from '../clientApi'
import { findActivation, findLicenseByKey, usabilityOf, type LicenseRecord } from '../licensing'
import { and, drizzleFor, eq, inArray, tableOf } from '../../src/database/database'
import { canSpendAtOnce, spendAtOnce } from './spendAtOnce'
import { spendCredits, type MeteredUse } from './spendCredits'

export { usageCodes, type UsageCode }

export type UsageDecision = {
  code: UsageCode
  quantity: number
  /** Credits left after the decision; null when the key names no on-usage license. */
  remaining: number | null
  recordId?: number | string
  replayed: boolean
}

export type RecordUsageArgs = {
  key: string
  fingerprint: string
  uses: MeteredUse[]
  receivedAt?: Date
}

type RecordedUse = { id: number | string; quantity: number; remainingAfter: number }

/** The records already written for these idempotency keys of a license, by key. */
const recordedUses = async (
  payload: Payload,
  licenseId: number | string,
  keys: string[],
): Promise<Map<string, RecordedUse>> => {
  const records = tableOf(payload, 'usage-records')
  const database = await drizzleFor(payload)
  const rows = await database
    .select({
      id: records.id,
      idempotencyKey: records.idempotencyKey,
      quantity: records.quantity,
      remainingAfter: records.remainingAfter,
    })
    .from(records)
    .where(and(eq(records.license, licenseId), inArray(records.idempotencyKey, [...new Set(keys)])))
  return new Map(
    rows.map(
      (row: {
        id: number | string
        idempotencyKey: string
        quantity: unknown
        remainingAfter: unknown
      }) => [
        row.idempotencyKey,
        { id: row.id, quantity: Number(row.quantity), remainingAfter: Number(row.remainingAfter) },
      ],
    ),
  )
}

const mismatch = (key: string) =>
  new ClientError(
    409,
    'IDEMPOTENCY_MISMATCH',
    `Idempotency key ${key} was used with a different quantity`,
  )

/**
 * Refuses the whole request before anything is spent when a key comes back with another quantity.
 */
const checkSameQuantities = (uses: MeteredUse[], recorded: Map<string, RecordedUse>): void => {
  const seen = new Map<string, number>()
  for (const use of uses) {
    const before = recorded.get(use.idempotencyKey)?.quantity ?? seen.get(use.idempotencyKey)
    if (before !== undefined && before !== use.quantity) throw mismatch(use.idempotencyKey)
    seen.set(use.idempotencyKey, use.quantity)
  }
}

const replay = (recorded: RecordedUse): UsageDecision => ({
  code: 'RECORDED',
  quantity: recorded.quantity,
  remaining: recorded.remainingAfter,
  recordId: recorded.id,
  replayed: true,
})

/** The decision recorded first for a use's idempotency key (409 when its quantity differs). */
const replayRecorded = async (
  payload: Payload,
  licenseId: number | string,
  use: MeteredUse,
): Promise<UsageDecision> => {
  const winner = (await recordedUses(payload, licenseId, [use.idempotencyKey])).get(
    use.idempotencyKey,
  )
  if (!winner) throw new Error(`Usage record ${use.idempotencyKey} raced in but cannot be read`)
  if (winner.quantity !== use.quantity) throw mismatch(use.idempotencyKey)
  return replay(winner)
}

/** Why a license spends no credits at all right now, or null when it may (the credits decide). */
const refusalOf = (license: LicenseRecord, now: Date): UsageCode | null => {
  if (license.type !== 'on-usage') return 'NOT_METERED'
  const usability = usabilityOf(license, undefined, { now })
  if (usability === 'SUSPENDED' || usability === 'NOT_STARTED' || usability === 'EXPIRED')
    return usability
  return null
}

/**
 * One use on PostgreSQL in the common case: one statement (`spendAtOnce`), the key's earlier
 * record read only when the statement finds one. Undefined for
 * anything else (a batch, SQLite, a refusal, no activation, too few credits, an alert to raise),
 * which `recordUsage` decides the general way.
 */
const meterAtOnce = async (
  payload: Payload,
  license: LicenseRecord,
  fingerprint: string,
  uses: MeteredUse[],
  receivedAt: Date,
): Promise<UsageDecision | undefined> => {
  if (uses.length !== 1 || !canSpendAtOnce(payload) || refusalOf(license, receivedAt)) return
  const [use] = uses
  const outcome = await spendAtOnce(payload, { license, fingerprint, use, receivedAt })
  if (outcome.spent) {
    const { recordId, remaining } = outcome
    return { code: 'RECORDED', quantity: use.quantity, remaining, recordId, replayed: false }
  }
  if (outcome.reason === 'raced') return replayRecorded(payload, license.id, use)
}

/**
 * Meters uses of an on-usage license from one installation, in order. A use whose idempotency
 * key was recorded before answers that record's decision again (`replayed`) and spends nothing;
 * the same key with another quantity refuses the whole request (409 `IDEMPOTENCY_MISMATCH`).
 */
export const recordUsage = async (
  payload: Payload,
  { key, fingerprint, uses, receivedAt = new Date() }: RecordUsageArgs,
): Promise<UsageDecision[]> => {
  const license = await findLicenseByKey(payload, key)
  if (!license)
    return uses.map((use) => ({
      code: 'NOT_FOUND',
      quantity: use.quantity,
      remaining: null,
      replayed: false,
    }))
  const atOnce = await meterAtOnce(payload, license, fingerprint, uses, receivedAt)
  if (atOnce) return [atOnce]
  const recorded = await recordedUses(
    payload,
    license.id,
    uses.map((use) => use.idempotencyKey),
  )
  checkSameQuantities(uses, recorded)

  const metered = license.type === 'on-usage'
  let remaining = metered ? Number(license.credits ?? 0) : null
  const pending = uses.filter((use) => !recorded.has(use.idempotencyKey))
  let refusal = pending.length === 0 ? null : refusalOf(license, receivedAt)
  const activation =
    pending.length === 0 || refusal ? null : await findActivation(payload, license.id, fingerprint)
  if (pending.length > 0 && !refusal && !activation) refusal = 'NO_ACTIVATION'

  const decisions: UsageDecision[] = []
  for (const use of uses) {
    const before = recorded.get(use.idempotencyKey)
    if (before) {
      decisions.push(replay(before))
      continue
    }
    if (refusal || !activation) {
      decisions.push({
        code: refusal ?? 'NO_ACTIVATION',
        quantity: use.quantity,
        remaining,
        replayed: false,
      })
      continue
    }
    const outcome = await spendCredits(payload, license, activation.id, use, receivedAt)
    if (outcome.spent) {
      remaining = outcome.remaining
      recorded.set(use.idempotencyKey, {
        id: outcome.recordId,
        quantity: use.quantity,
        remainingAfter: outcome.remaining,
      })
      decisions.push({
        code: 'RECORDED',
        quantity: use.quantity,
        remaining,
        recordId: outcome.recordId,
        replayed: false,
      })
    } else if (outcome.reason === 'no-credit') {
      remaining = outcome.remaining
      decisions.push({ code: 'NO_CREDIT', quantity: use.quantity, remaining, replayed: false })
    } else {
      const replayed = await replayRecorded(payload, license.id, use)
      recorded.set(use.idempotencyKey, {
        id: replayed.recordId!,
        quantity: replayed.quantity,
        remainingAfter: replayed.remaining!,
      })
      decisions.push(replayed)
    }
  }
  return decisions
}
