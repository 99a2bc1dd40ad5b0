import { getPayload, type Payload, type SanitizedConfig } from 'payload'

import { stopScheduledTasks } from '../../plugins/scheduler'
import { makeTempDir } from './tempDir'
import { createFreshDatabase } from './testDatabase'

/** pg's Pool, with the clients it holds (pg-pool's own list: no public way to end a checked-out one). */
type PoolWithClients = { end: () => Promise<void>; _clients?: Array<{ end: () => Promise<void> }> }

export type TestPayload = {
  payload: Payload
  /** The sanitized config and cache key `handleEndpoints` needs to reach this very instance. */
  config: SanitizedConfig
  cacheKey: string
  dataDir: string
  mediaDir: string
  shutdown: () => Promise<void>
}

/**
 * Boots a real Payload on a fresh database (SQLite or PostgreSQL, see testDatabase.ts) with its
 * own data and media folders. `env` sets extra variables before the config is loaded.
 */
let bootedInThisFile = false

export const bootPayload = async (env: Record<string, string> = {}): Promise<TestPayload> => {
  // The config reads the environment once when first imported, and vitest gives each test file
  // its own module registry: so one Payload (one database, one env) per test file.
  if (bootedInThisFile)
    throw new Error('bootPayload() runs once per test file; split the file instead')
  bootedInThisFile = true
  const database = await createFreshDatabase()
  const dataDir = makeTempDir('hub-data-')
  const mediaDir = makeTempDir('hub-media-')
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    MEDIA_DIR: mediaDir,
    ...env,
  })
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config, key: database.url } as Parameters<
    typeof getPayload
  >[0])
  return {
    payload,
    config: await config,
    cacheKey: database.url,
    dataDir,
    mediaDir,
    shutdown: async () => {
      stopScheduledTasks(payload)
      await payload.destroy()
      // payload.destroy() leaves the PostgreSQL pool open, with one client still checked out by
      // the schema push, so ending the pool alone would wait forever: every client is ended too
      // (test files share a worker process, and these connections would pile up in it). The test
      // runner drops the databases.
      const pool = (payload.db as { pool?: PoolWithClients }).pool
      if (pool) {
        void pool.end().catch(() => {})
        for (const client of pool._clients ?? []) void client.end().catch(() => {})
      }
    },
  }
}
