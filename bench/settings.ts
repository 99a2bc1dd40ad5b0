import { readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

/** The bench's own knobs (BENCH_*), for quick runs; defaults are what the issues ask for. */
export type BenchSettings = {
  /** `--database sqlite` (the embedded default) or `--database postgres` (BENCH_POSTGRES_URL). */
  database: 'sqlite' | 'postgres'
  /**
   * The catalogue sizes measured in turn, in licenses: the database grows between them
   * (BENCH_LICENSES, 1,000,000, is the last; 1,000 the first).
   */
  catalogues: number[]
  /** Installations of the bench license in the largest catalogue (BENCH_ACTIVATIONS). */
  activations: number
  connections: number
  warmupSeconds: number
  durationSeconds: number
  /**
   * Measurements per server and scenario, taken in turns (API host, next start, bare, then again);
   * the round with the median req/s is reported, so one noisy stretch of the machine skews nothing.
   */
  rounds: number
  /** Timed downloads per server (one untimed warm-up download each comes first). */
  downloads: number
  artifactMegabytes: number
  /** Schema from migrations in production mode, or from a development push (see `schemaMode`). */
  schemaMode: 'migrations' | 'push'
  /** Run the hosts with NODE_ENV=production (next start always is). */
  production: boolean
  /** API_HOST_WORKERS of the second API host measured (1: only the single-process host). */
  apiHostWorkers: number
  /** Node flags for every process the bench starts (BENCH_NODE_ARGS, e.g. `--cpu-prof`). */
  nodeArgs: string[]
}

export const repoRoot = path.resolve(import.meta.dirname, '..')

const numberFrom = (name: string, fallback: number): number => {
  const value = process.env[name]
  if (value === undefined || value === '') return fallback
  const parsed = Number(value)
  if (!Number.isFinite(parsed) || parsed <= 0)
    throw new Error(`${name} must be a positive number, got "${value}"`)
  return parsed
}

const hasMigrations = (database: BenchSettings['database']): boolean =>
  readdirSync(path.join(repoRoot, 'migrations', database)).some(
    (file) => /\.(ts|js)$/.test(file) && !/^index\./.test(file),
  )

export const readSettings = (): BenchSettings => {
  const mode = (process.env.BENCH_MODE || 'production').toLowerCase()
  if (mode !== 'production' && mode !== 'development')
    throw new Error(`BENCH_MODE must be production or development, got "${mode}"`)
  const { values } = parseArgs({
    options: { database: { type: 'string', default: 'sqlite' } },
    allowPositionals: false,
  })
  const database = values.database
  if (database !== 'sqlite' && database !== 'postgres')
    throw new Error(`--database must be sqlite or postgres, got "${database}"`)
  const licenses = Math.round(numberFrom('BENCH_LICENSES', 1_000_000))
  return {
    database,
    catalogues: licenses > 1_000 ? [1_000, licenses] : [licenses],
    activations: Math.round(numberFrom('BENCH_ACTIVATIONS', 10_000)),
    connections: numberFrom('BENCH_CONNECTIONS', 64),
    warmupSeconds: numberFrom('BENCH_WARMUP', 3),
    durationSeconds: numberFrom('BENCH_DURATION', 10),
    rounds: Math.round(numberFrom('BENCH_ROUNDS', 3)),
    downloads: numberFrom('BENCH_DOWNLOADS', 5),
    artifactMegabytes: numberFrom('BENCH_ARTIFACT_MB', 200),
    schemaMode: mode === 'production' && hasMigrations(database) ? 'migrations' : 'push',
    production: mode === 'production',
    apiHostWorkers: Math.round(numberFrom('BENCH_API_WORKERS', os.availableParallelism())),
    nodeArgs: (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
  }
}
