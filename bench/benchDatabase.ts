import path from 'node:path'

import pg from 'pg'

/** The PostgreSQL server the PostgreSQL benches create their database on. */
export const postgresAdminUrl =
  process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres'

export const postgresAnswers = async (): Promise<boolean> => {
  const client = new pg.Client({
    connectionString: postgresAdminUrl,
    connectionTimeoutMillis: 3000,
  })
  try {
    await client.connect()
    await client.end()
    return true
  } catch {
    return false
  }
}

export type BenchDatabase = { name: string; url: string; drop: () => Promise<void> }

/** A fresh, empty database for one bench run; `drop` removes it even with hosts still connected. */
export const createBenchDatabase = async (): Promise<BenchDatabase> => {
  const name = `hub_bench_${Date.now()}`
  const admin = new pg.Client({ connectionString: postgresAdminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = Object.assign(new URL(postgresAdminUrl), { pathname: `/${name}` }).toString()
  const drop = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {})
    await admin.end()
  }
  return { name, url, drop }
}

export type RunDatabase = {
  /** DATABASE_URL of the hosts. */
  url: string
  /** Where it lives, for the report. */
  description: string
  drop: () => Promise<void>
}

/**
 * The client API bench's database: an SQLite file in its work folder, or a fresh PostgreSQL
 * database (see `createBenchDatabase`).
 */
export const createRunDatabase = async (
  kind: 'sqlite' | 'postgres',
  workDir: string,
): Promise<RunDatabase> => {
  if (kind === 'sqlite') {
    const file = path.join(workDir, 'hub.db')
    return { url: `file:${file}`, description: `SQLite file ${file}`, drop: async () => {} }
  }
  const database = await createBenchDatabase()
  return {
    url: database.url,
    description: `PostgreSQL database ${database.name} at ${new URL(postgresAdminUrl).host}`,
    drop: database.drop,
  }
}
