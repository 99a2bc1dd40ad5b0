// The metering part of `npm run bench` (alone: `npm run bench:metering`), on PostgreSQL
// (BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres; skipped when it does
// not answer). Recorded uses/s through the API host with distinct idempotency keys, against
// validate on the same host as the baseline, then a check that the credits spent equal the sum of
// the usage records; and the license-alerts sweep over 100,000 licenses, against reading the same
// pages alone. Knobs: BENCH_CONNECTIONS (64), BENCH_WARMUP (3 s), BENCH_DURATION (10 s),
// BENCH_USAGE_LICENSES (64), BENCH_SWEEP_LICENSES (100000). Results:
// bench/results/metering-<time>.json
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { createBenchDatabase, postgresAdminUrl, postgresAnswers } from './benchDatabase'
import { meteringEnv, prepareMetering, startMeteringHost } from './meteringSetup'
import { postLoad } from './postLoad'
import { repoRoot } from './settings'

const number = (name: string, fallback: number) =>
  Number(process.env[name]) > 0 ? Number(process.env[name]) : fallback
const connections = number('BENCH_CONNECTIONS', 64)
const warmupSeconds = number('BENCH_WARMUP', 3)
const durationSeconds = number('BENCH_DURATION', 10)
const usageLicenses = number('BENCH_USAGE_LICENSES', 64)
const sweepLicenses = number('BENCH_SWEEP_LICENSES', 100_000)
const targets = { usesPerSecond: 2000, p99Ms: 50, sweepSeconds: 10 }

const startedAt = new Date()
const say = (message: string) =>
  console.log(
    `[bench metering ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(3)} s] ${message}`,
  )
const load = (baseUrl: string, requestPath: string, body: () => string, seconds: number) =>
  postLoad(baseUrl, requestPath, body, seconds, connections)

if (!(await postgresAnswers())) {
  console.log(`Metering bench SKIPPED: PostgreSQL at ${postgresAdminUrl} does not answer.`)
  process.exit(0)
}

const workDir = mkdtempSync(path.join(os.tmpdir(), 'hub-bench-metering-'))
const database = await createBenchDatabase()
let failed = false
try {
  const env = meteringEnv(database.url, workDir)
  say(
    `preparing ${usageLicenses} on-usage licenses and ${sweepLicenses} expiring licenses in ${database.name}, then sweeping them`,
  )
  const prepared = await prepareMetering(env, workDir, usageLicenses, sweepLicenses)

  say('starting the API host on PostgreSQL')
  const host = await startMeteringHost('api-host-postgres', env, workDir)
  try {
    let sent = 0
    const runId = randomBytes(4).toString('hex')
    const nextLicense = () => prepared.usageLicenses[sent++ % prepared.usageLicenses.length]
    const useBody = () =>
      JSON.stringify({
        key: nextLicense().key,
        fingerprint: prepared.fingerprint,
        quantity: 1 + (sent % 3),
        idempotencyKey: `bench-${runId}-${sent}`,
      })
    const validateBody = () =>
      JSON.stringify({ key: nextLicense().key, fingerprint: prepared.fingerprint })

    say(
      `validate (baseline): ${connections} connections, ${warmupSeconds} s warm-up + ${durationSeconds} s`,
    )
    await load(host.url, '/api/v1/licenses/validate', validateBody, warmupSeconds)
    const baseline = await load(
      host.url,
      '/api/v1/licenses/validate',
      validateBody,
      durationSeconds,
    )
    if (Object.keys(baseline.statusCodes).some((code) => code !== '200'))
      throw new Error(`validate answered ${JSON.stringify(baseline.statusCodes)}`)
    say(
      `usage: ${connections} connections, ${warmupSeconds} s warm-up + ${durationSeconds} s, distinct idempotency keys over ${prepared.usageLicenses.length} licenses`,
    )
    const warmup = await load(host.url, '/api/v1/usage', useBody, warmupSeconds)
    const usage = await load(host.url, '/api/v1/usage', useBody, durationSeconds)

    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    const ids = prepared.usageLicenses.map((license) => license.id)
    const { rows } = await client.query(
      `SELECT l.id, l.credits::bigint AS credits, coalesce(sum(r.quantity), 0)::bigint AS used, count(r.id)::bigint AS records
         FROM licenses l LEFT JOIN usage_records r ON r.license_id = l.id WHERE l.id = ANY($1) GROUP BY l.id, l.credits`,
      [ids],
    )
    await client.end()
    const starting = new Map(prepared.usageLicenses.map((license) => [license.id, license.credits]))
    const mismatched = rows.filter(
      (row) => starting.get(row.id)! - Number(row.credits) !== Number(row.used),
    )
    const records = rows.reduce((sum, row) => sum + Number(row.records), 0)
    const answered = (warmup.statusCodes['200'] ?? 0) + (usage.statusCodes['200'] ?? 0)
    // Autocannon stops with up to one request per connection still in flight: recorded, not
    // counted.
    const accounted = records >= answered && records <= answered + 2 * connections
    const consistent = mismatched.length === 0 && accounted

    const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED')
    const usageOk =
      usage.requestsPerSecond >= targets.usesPerSecond &&
      usage.p99 < targets.p99Ms &&
      usage.errors === 0 &&
      Object.keys(usage.statusCodes).every((code) => code === '200')
    const sweepOk = prepared.sweep.seconds < targets.sweepSeconds
    failed = !usageOk || !sweepOk || !consistent
    console.log(`
| PostgreSQL, API host (1 process), ${connections} connections | req/s | p50 ms | p99 ms | target |
|---|---|---|---|---|
| POST /api/v1/licenses/validate (baseline) | ${baseline.requestsPerSecond} | ${baseline.p50} | ${baseline.p99} | |
| POST /api/v1/usage (recorded uses) | ${usage.requestsPerSecond} | ${usage.p50} | ${usage.p99} | ≥ ${targets.usesPerSecond}/s, p99 < ${targets.p99Ms} ms: ${verdict(usageOk)} |

Credits spent = sum of usage records on all ${rows.length} licenses: ${mismatched.length === 0 ? 'yes' : `NO (${mismatched.length} differ)`}; records ${records} for ${answered} answers received (+ at most ${2 * connections} in flight when the load stopped): ${accounted ? 'yes' : 'NO'}. Status codes: ${JSON.stringify(usage.statusCodes)}, errors ${usage.errors}.

| license-alerts sweep, PostgreSQL | licenses | checked | mails queued | seconds | target |
|---|---|---|---|---|---|
| reading the same pages only (baseline) | ${prepared.sweep.licenses} | | | ${prepared.sweep.readOnlySeconds.toFixed(2)} | |
| sweepLicenseAlerts | ${prepared.sweep.licenses} | ${prepared.sweep.checked} | ${prepared.sweep.queued} | ${prepared.sweep.seconds.toFixed(2)} | < ${targets.sweepSeconds} s: ${verdict(sweepOk)} |
`)
    const resultsDir = path.join(repoRoot, 'bench/results')
    mkdirSync(resultsDir, { recursive: true })
    const resultsFile = path.join(
      resultsDir,
      `metering-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`,
    )
    writeFileSync(
      resultsFile,
      `${JSON.stringify({ startedAt, machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version }, connections, durationSeconds, baseline, usage, consistency: { mismatched: mismatched.length, records, answered }, sweep: prepared.sweep, targets }, null, 2)}\n`,
    )
    say(`results: ${path.relative(repoRoot, resultsFile)}`)
  } finally {
    await host.stop()
  }
} catch (error) {
  failed = true
  console.error(error)
} finally {
  await database.drop()
}
process.exit(failed ? 1 : 0)
