import { hostname } from 'node:os'

import type { Payload } from 'payload'

import { and, drizzleFor, eq, isNull, lt, ne, or, tableOf } from '../../src/database/database'
import { heartbeatIntervalOf, withHeartbeat } from './heartbeat'
import { schedulerSettingsOf } from './types'

export const instanceName = `${hostname()}:${process.pid}`

/** A row from before claims expired has no `claimedUntil`: its claim is taken to last this long. */
const legacyClaimMs = 30 * 60 * 1000

/** The json field takes objects and arrays; a bare value is wrapped so it is still recorded. */
const asJson = (value: unknown) =>
  (value !== null && typeof value === 'object' ? value : { value: value ?? null }) as Record<
    string,
    unknown
  >

export type RunOnceResult<T> = { ran: true; result: T } | { ran: false }

export type RunOnceOptions = {
  /**
   * How long the claim keeps other instances off this run without renewal. While `work` runs,
   * this instance renews it every third of the lease (a heartbeat); an instance that dies mid-run
   * stops renewing, and once its claim has expired the next trigger takes the run over (so the
   * work must be safe to redo). A failed run is retried the same way; a finished one never.
   * @default the scheduler plugin's `leaseMs` (2 minutes)
   */
  leaseMs?: number
}

/**
 * Runs `work` unless another instance holds a live claim on `runKey` or finished it. The claim is
 * an insert that does nothing on conflict, or, for a row whose claim has expired and whose run did
 * not finish, one conditional UPDATE: either way one instance wins. The claim is a lease renewed
 * while `work` runs. The outcome is recorded on the row.
 */
export const runOnce = async <T>(
  payload: Payload,
  task: string,
  runKey: string,
  work: () => Promise<T>,
  { leaseMs = schedulerSettingsOf(payload).leaseMs }: RunOnceOptions = {},
): Promise<RunOnceResult<T>> => {
  const id = await claimRun(payload, task, runKey, leaseMs)
  if (id === undefined) return { ran: false }
  try {
    const result = await withHeartbeat(work, {
      everyMs: heartbeatIntervalOf(leaseMs),
      renew: () => renewClaim(payload, id, leaseMs),
      onLost: () =>
        payload.logger.warn(
          `Scheduled run ${runKey} lost its claim while running: another instance may redo it`,
        ),
      onError: (error) =>
        payload.logger.warn({
          err: error,
          msg: `Scheduled run ${runKey}: renewing its claim failed`,
        }),
    })
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
  leaseMs: number,
): Promise<number | string | undefined> => {
  const table = tableOf(payload, 'scheduled-runs')
  const now = new Date()
  const at = now.toISOString()
  const claimedUntil = new Date(now.getTime() + leaseMs).toISOString()
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

  // A row from before claims expired has none.
  const expired = or(
    lt(table.claimedUntil, at),
    and(
      isNull(table.claimedUntil),
      lt(table.startedAt, new Date(now.getTime() - legacyClaimMs).toISOString()),
    ),
  )
  const takenOver = await database
    .update(table)
    .set(claim)
    .where(and(eq(table.runKey, runKey), ne(table.status, 'done'), expired))
    .returning({ id: table.id })
  return takenOver[0]?.id
}

/** The heartbeat: pushes this instance's claim on a running run one lease ahead, if it still holds it. */
const renewClaim = async (
  payload: Payload,
  id: number | string,
  leaseMs: number,
): Promise<boolean> => {
  const table = tableOf(payload, 'scheduled-runs')
  const now = new Date()
  const database = await drizzleFor(payload)
  const renewed = await database
    .update(table)
    .set({
      claimedUntil: new Date(now.getTime() + leaseMs).toISOString(),
      updatedAt: now.toISOString(),
    })
    .where(and(eq(table.id, id), eq(table.status, 'running'), eq(table.instance, instanceName)))
    .returning({ id: table.id })
  return renewed.length === 1
}
