import { randomBytes } from 'node:crypto'
import path from 'node:path'

import pg from 'pg'

import { makeTempDir } from './tempDir'

/** `TEST_DATABASE=postgres` runs the suite on PostgreSQL; anything else on the embedded SQLite. */
export const testDatabaseKind = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite'

export const postgresAdminUrl =
  process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres'

/**
 * Test databases are named `hub_test_<run start ms>_<random>`: the test runner drops its own run's
 * databases afterwards, and only stale ones (hours old) before, so two runs can share a server.
 */
export const testDatabasePrefix = 'hub_test_'
const testRunStartedAt = process.env.TEST_RUN_STARTED_AT || String(Date.now())

/** A brand-new, empty database for one test file (schema push needs a fresh one every run). */
export const createFreshDatabase = async (
  kind: 'sqlite' | 'postgres' = testDatabaseKind,
): Promise<{ url: string }> => {
  if (kind === 'sqlite') {
    const folder = makeTempDir('hub-test-')
    return { url: `file:${path.join(folder, 'hub.db')}` }
  }
  const name = `${testDatabasePrefix}${testRunStartedAt}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: postgresAdminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(postgresAdminUrl)
  url.pathname = `/${name}`
  return { url: url.toString() }
}
