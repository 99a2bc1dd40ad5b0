import { hostname } from 'node:os'

import type { Payload } from 'payload'

import { and, drizzleFor, eq, isNull, lt, ne, or, tableOf } from '../../src/database/database'

export const instanceName = `${hostname()}:${process.pid}`

/** How long a claim holds when the task does not say: longer than any run should take. */
export const defaultClaimMs = 30 * 60 * 1000

/** The json field takes objects and arrays; a bare value is wrapped so it is still recorded. */
const asJson = (value: unknown) =>
  (value !== null && typeof value === 'object' ? value : { value: value ?? null }) as Record<
    string,
    unknown
  >

export type RunOnceResult<T> = { ran: true; result: T } | { ran: false }

export type RunOnceOptions = {
  /**
   * How long the claim keeps other instances off this run. An instance that dies mid-run leaves
   * its claim behind; once it has expired the next trigger takes the run over (so the work must
   * be safe to redo). A failed run is retried the same way; a finished one never.
   * @default 30 minutes
   */
  claimMs?: number
}

/**
 * Runs `work` unless another instance holds a live claim on `runKey` or finished it. The claim is
 * an insert that does nothing on conflict, or, for a row whose claim has expired and whose run did
 * not finish, one conditional UPDATE: either way one instance wins. The outcome is recorded on the
 * row.
 */
export const runOnce = async <T>(
  payload: Payload,
  task: string,
  runKey: string,
  work: () => Promise<T>,
  { claimMs = defaultClaimMs }: RunOnceOptions = {},
): Promise<RunOnceResult<T>> => {
  const id = await claimRun(payload, task, runKey, claimMs)
  if (id === undefined) return { ran: false }
  try {
    const result = await work()
    await payload.update({
      collection: 'scheduled-runs',
      id,
      depth: 0,
      data: {
        status: 'done',
        finishedAt: new Date().toISOString(),
        result: asJson(result),
        error: null,
      },
    })
    return { ran: true, result }
  } catch (error) {
    await payload.update({
      collection: 'scheduled-runs',
      id,
      depth: 0,
      data: {
        status: 'failed',
        finishedAt: new Date().toISOString(),
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      },
    })
    throw error
  }
}

const claimRun = async (
  payload: Payload,
  task: string,
  runKey: string,
  claimMs: number,
): Promise<number | string | undefined> => {
  const table = tableOf(payload, 'scheduled-runs')
  const now = new Date()
  const at = now.toISOString()
  const claimedUntil = new Date(now.getTime() + claimMs).toISOString()
  const database = await drizzleFor(payload)
  const claim = {
    status: 'running',
    instance: instanceName,
    startedAt: at,
    claimedUntil,
    updatedAt: at,
  }
  const inserted = await database
    .insert(table)
    .values({ task, runKey, ...claim, createdAt: at })
    .onConflictDoNothing()
    .returning({ id: table.id })
  if (inserted.length > 0) return inserted[0].id

  // A row from before claims expired has none: its claim is taken to have lasted the default.
  const expired = or(
    lt(table.claimedUntil, at),
    and(
      isNull(table.claimedUntil),
      lt(table.startedAt, new Date(now.getTime() - defaultClaimMs).toISOString()),
    ),
  )
  const takenOver = await database
    .update(table)
    .set(claim)
    .where(and(eq(table.runKey, runKey), ne(table.status, 'done'), expired))
    .returning({ id: table.id })
  return takenOver[0]?.id
}
