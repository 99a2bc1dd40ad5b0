import type { Payload } from 'payload'

import { flushValidationCounts, stopValidationCountFlush } from '../../plugins/licensing'
import { closeRateLimitStore } from '../../plugins/clientApi'
import { stopScheduledTasks } from '../../plugins/scheduler'
import { closeReadConnection } from '../database/preparedRead'
import { forgetPayloadInstance } from './payloadInstanceKey'

export type ShutdownHook = { name: string; run: (payload: Payload) => Promise<void> | void }

/**
 * Work other plugins need done on shutdown while the database is still open, in order. A failing
 * hook is logged and does not stop the others; add a plugin's own hook here.
 */
export const beforeShutdown: ShutdownHook[] = [
  {
    // Validations are counted in memory and written in batches: write what is pending.
    name: 'licensing: flush validation counts',
    run: async (payload) => {
      stopValidationCountFlush(payload)
      await flushValidationCounts(payload)
    },
  },
]

/**
 * PostgreSQL's pool waits for every client back; after the drain none should be out, so do not wait
 * forever.
 */
const poolEndTimeoutMs = 3_000

const closeDatabase = async (payload: Payload): Promise<void> => {
  closeReadConnection(payload)
  const db = payload.db as unknown as {
    pool?: { end: () => Promise<void> }
    client?: { close?: () => void }
  }
  if (db.pool) {
    const ended = await Promise.race([
      db.pool.end().then(() => true),
      new Promise<boolean>((resolve) => setTimeout(resolve, poolEndTimeoutMs, false).unref()),
    ])
    if (!ended)
      payload.logger.warn(
        'PostgreSQL pool still had a client checked out; left it to the process exit.',
      )
    return
  }
  db.client?.close?.()
}

/** Runs the shutdown hooks, stops scheduled triggers, destroys Payload and closes the database. */
export const shutdownPayload = async (
  payload: Payload,
  hooks: ShutdownHook[] = beforeShutdown,
): Promise<void> => {
  for (const hook of hooks) {
    try {
      await hook.run(payload)
    } catch (error) {
      payload.logger.error({ err: error, msg: `Shutdown hook ${hook.name} failed` })
    }
  }
  stopScheduledTasks(payload)
  closeRateLimitStore(payload)
  await payload.destroy()
  await closeDatabase(payload)
  forgetPayloadInstance(payload)
}
