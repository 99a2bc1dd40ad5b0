import path from 'node:path'

import pg from 'pg'

export type BenchDatabase = {
  /** DATABASE_URL of the hosts. */
  url: string
  /** Where it lives, for the report. */
  description: string
  drop: () => Promise<void>
}

/**
 * A database for this run alone: an SQLite file in the work folder, or a new PostgreSQL database
 * on the server at `postgresUrl`, dropped afterwards.
 */
export const createBenchDatabase = async (
  kind: 'sqlite' | 'postgres',
  workDir: string,
  postgresUrl: string,
): Promise<BenchDatabase> => {
  if (kind === 'sqlite') {
    const file = path.join(workDir, 'hub.db')
    return { url: `file:${file}`, description: `SQLite file ${file}`, drop: async () => {} }
  }
  const name = `hub_bench_${Date.now()}`
  const admin = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 5000 })
  await admin.connect()
  try {
    await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
  const url = Object.assign(new URL(postgresUrl), { pathname: `/${name}` }).toString()
  return {
    url,
    description: `PostgreSQL database ${name} at ${new URL(postgresUrl).host}`,
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl })
      await client.connect()
      try {
        await client.query(`drop database if exists ${name} with (force)`)
      } finally {
        await client.end()
      }
    },
  }
}
