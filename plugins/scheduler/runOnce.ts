import { hostname } from 'node:os'

import type { Payload } from 'payload'

import { drizzleFor, tableOf } from '../shared/database'

export const instanceName = `${hostname()}:${process.pid}`

/** The json field takes objects and arrays; a bare value is wrapped so it is still recorded. */
const asJson = (value: unknown) => (value !== null && typeof value === 'object' ? value : { value: value ?? null }) as Record<string, unknown>

export type RunOnceResult<T> = { ran: true; result: T } | { ran: false }

/**
 * Runs `work` only if no instance has claimed `runKey` before (an insert that does nothing on
 * conflict). The outcome is recorded on the run's row.
 */
export const runOnce = async <T>(payload: Payload, task: string, runKey: string, work: () => Promise<T>): Promise<RunOnceResult<T>> => {
  const table = tableOf(payload, 'scheduled-runs')
  const now = new Date().toISOString()
  const database = await drizzleFor(payload)
  const claimed = await database
    .insert(table)
    .values({ task, runKey, status: 'running', instance: instanceName, startedAt: now, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: table.id })
  if (claimed.length === 0) return { ran: false }

  const id = claimed[0].id
  try {
    const result = await work()
    await payload.update({ collection: 'scheduled-runs', id, depth: 0, data: { status: 'done', finishedAt: new Date().toISOString(), result: asJson(result) } })
    return { ran: true, result }
  } catch (error) {
    await payload.update({ collection: 'scheduled-runs', id, depth: 0, data: { status: 'failed', finishedAt: new Date().toISOString(), error: error instanceof Error ? error.stack ?? error.message : String(error) } })
    throw error
  }
}
