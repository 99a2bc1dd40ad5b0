// The multi-instance part of `npm run bench` (alone: `npm run bench:cluster`), on PostgreSQL
// (BENCH_POSTGRES_URL, as the metering bench; skipped when it does not answer or nginx is not
// installed). Validate and recorded uses (distinct idempotency keys) sent straight to one API host
// (the baseline), through nginx to that host, and through nginx round robin over two API hosts
// (each one process, the same database), the three taken in turns. Knobs: BENCH_CONNECTIONS (64),
// BENCH_WARMUP (3 s), BENCH_DURATION (10 s), BENCH_ROUNDS (3: the median round is reported),
// BENCH_USAGE_LICENSES (64). Results: bench/results/cluster-<time>.json
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { nginxBinary, startNginx } from '../test/e2e/helpers/startNginx'
import { createBenchDatabase, postgresAdminUrl, postgresAnswers } from './benchDatabase'
import { formatClusterTable, type ClusterFigure } from './clusterReport'
import { medianRound } from './loadTest'
import { meteringEnv, prepareMetering, startMeteringHost } from './meteringSetup'
import { onlyAnswered, postLoad, type PostLoad } from './postLoad'
import { freePort, type ChildServer } from './processes'
import { readSettings, repoRoot } from './settings'

const { connections, warmupSeconds, durationSeconds, rounds } = readSettings()
const usageLicenses =
  Number(process.env.BENCH_USAGE_LICENSES) > 0 ? Number(process.env.BENCH_USAGE_LICENSES) : 64
// nginx connects to the hosts from here (proxy_bind), and they trust its X-Forwarded-For alone,
// as test/e2e/cluster.e2e.ts and production have it.
const proxyAddress = '127.0.0.2'
const cores = os.availableParallelism()

const startedAt = new Date()
const say = (message: string) =>
  console.log(
    `[bench cluster ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(3)} s] ${message}`,
  )

if (!(await postgresAnswers())) {
  console.log(`Cluster bench SKIPPED: PostgreSQL at ${postgresAdminUrl} does not answer.`)
  process.exit(0)
}
if (!nginxBinary()) {
  console.log('Cluster bench SKIPPED: nginx is not installed (apt-get install nginx-light).')
  process.exit(0)
}

const workDir = mkdtempSync(path.join(os.tmpdir(), 'hub-bench-cluster-'))
const database = await createBenchDatabase()
const started: Array<{ stop: () => Promise<void> }> = []
let failed = false
try {
  const env = meteringEnv(database.url, workDir)
  say(`preparing ${usageLicenses} on-usage licenses in ${database.name}`)
  const prepared = await prepareMetering(env, workDir, usageLicenses, 0)

  say('starting two API hosts (one process each) on PostgreSQL')
  const starting = await Promise.allSettled(
    ['api-host-a', 'api-host-b'].map((name) =>
      startMeteringHost(name, env, workDir, { TRUST_PROXY: proxyAddress }).then((host) => {
        started.push(host)
        return host
      }),
    ),
  )
  const hosts: ChildServer[] = []
  for (const outcome of starting)
    if (outcome.status === 'rejected') throw outcome.reason
    else hosts.push(outcome.value)
  const hostOf = (url: string) => new URL(url).host
  const nginxOver = async (over: ChildServer[]) => {
    const upstreams = over.map((host) => hostOf(host.url))
    const nginx = await startNginx({
      port: await freePort(),
      api: upstreams,
      app: upstreams,
      proxyAddress,
    })
    started.push(nginx)
    return nginx
  }
  const overOne = await nginxOver(hosts.slice(0, 1))
  const overTwo = await nginxOver(hosts)
  const routes = [
    { name: 'direct, 1 API host', url: hosts[0].url },
    { name: 'nginx → 1 API host', url: overOne.url },
    { name: 'nginx → 2 API hosts', url: overTwo.url },
  ]

  let sent = 0
  const runId = randomBytes(4).toString('hex')
  const requests = [
    {
      title: 'POST /api/v1/licenses/validate',
      path: '/api/v1/licenses/validate',
      code: 'VALID',
      body: () => JSON.stringify({ key: prepared.usageLicenses[0].key, nonce: 'bench-nonce-0001' }),
    },
    {
      title: 'POST /api/v1/usage',
      path: '/api/v1/usage',
      code: 'RECORDED',
      body: () => {
        sent += 1
        return JSON.stringify({
          key: prepared.usageLicenses[sent % prepared.usageLicenses.length].key,
          fingerprint: prepared.fingerprint,
          quantity: 1 + (sent % 3),
          idempotencyKey: `bench-${runId}-${sent}`,
        })
      },
    },
  ]

  // Each request once by each route: a figure is never measured on an error path.
  for (const request of requests)
    for (const route of routes) {
      const response = await fetch(`${route.url}${request.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: request.body(),
      })
      const text = await response.text()
      const code = (JSON.parse(text || '{}') as { code?: string }).code
      if (response.status !== 200 || code !== request.code)
        throw new Error(
          `${request.title} via ${route.name} answered ${response.status} ${text.slice(0, 300)}: expected 200 ${request.code}`,
        )
    }

  const measured = new Map<string, PostLoad[]>()
  const failures = new Map<string, string>()
  const keyOf = (request: { path: string }, route: { name: string }) =>
    `${request.path} ${route.name}`
  for (let round = 1; round <= rounds; round += 1)
    for (const request of requests)
      for (const route of routes) {
        const key = keyOf(request, route)
        if (failures.has(key)) continue
        say(
          `round ${round}/${rounds}: ${request.title} via ${route.name}, ${connections} connections, ${warmupSeconds} s warm-up + ${durationSeconds} s`,
        )
        try {
          await postLoad(route.url, request.path, request.body, warmupSeconds, connections)
          const load = onlyAnswered(
            await postLoad(route.url, request.path, request.body, durationSeconds, connections),
            200,
            `${request.title} via ${route.name}`,
          )
          measured.set(key, [...(measured.get(key) ?? []), load])
        } catch (error) {
          failures.set(key, (error as Error).message)
          say(`FAILED: ${(error as Error).message}`)
        }
      }
  failed = failures.size > 0

  // NO_CREDIT is a 200 too: a license below the largest quantity (3) may have refused some.
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  const { rows } = await client.query(
    'SELECT min(credits)::bigint AS least FROM licenses WHERE id = ANY($1)',
    [prepared.usageLicenses.map((license) => license.id)],
  )
  await client.end()
  const leastCredits = Number(rows[0].least)
  if (!(leastCredits >= 3))
    throw new Error(
      `A license ran low on credits (${leastCredits} left): uses may have been refused`,
    )

  const figures: ClusterFigure[] = requests.flatMap((request) => {
    const directKey = keyOf(request, routes[0])
    const direct = failures.has(directKey) ? undefined : medianRound(measured.get(directKey)!)
    return routes.map((route) => {
      const key = keyOf(request, route)
      const failure = failures.get(key)
      if (failure) return { request: request.title, route: route.name, failure }
      const all = measured.get(key)!
      const median = medianRound(all)
      return {
        request: request.title,
        route: route.name,
        median,
        rounds: all,
        vsDirect: direct && median.requestsPerSecond / direct.requestsPerSecond,
      }
    })
  })
  const spread: Record<string, number> = {}
  for (const upstream of overTwo.upstreamsSoFar()) spread[upstream] = (spread[upstream] ?? 0) + 1
  const perHost = Object.entries(spread)
    .map(([upstream, count]) => `${upstream} ${count}`)
    .join(', ')
  const coresNote = `This machine has ${cores} cores: the two API hosts, nginx, PostgreSQL and autocannon share them, so two hosts cannot make 2× here.`
  console.log(`
PostgreSQL, API hosts of one process each, ${connections} connections, median of ${rounds} round(s) of ${durationSeconds} s

${formatClusterTable(figures)}

nginx → 2 API hosts, requests it passed to each host (round robin, warm-ups included): ${perHost}. Least credits left on a license: ${leastCredits}.
${coresNote}
`)
  const resultsDir = path.join(repoRoot, 'bench/results')
  mkdirSync(resultsDir, { recursive: true })
  const resultsFile = path.join(
    resultsDir,
    `cluster-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`,
  )
  writeFileSync(
    resultsFile,
    `${JSON.stringify({ startedAt, machine: { cpus: cores, cpuModel: os.cpus()[0]?.model, node: process.version }, note: coresNote, connections, warmupSeconds, durationSeconds, rounds, figures, spread, leastCredits }, null, 2)}\n`,
  )
  say(`results: ${path.relative(repoRoot, resultsFile)}`)
} catch (error) {
  failed = true
  console.error(error)
} finally {
  for (const running of started.reverse()) await running.stop().catch(() => {})
  await database.drop()
}
process.exit(failed ? 1 : 0)
