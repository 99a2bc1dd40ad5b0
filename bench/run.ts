// `npm run bench [-- --database postgres]`: the client API through the API host (src/server),
// through `next start`, and a bare node:http server answering the same bytes, in one run on one
// machine, on a catalogue of 1,000 licenses and again once it has grown to 1,000,000 (and 10,000
// installations of the license validated). Knobs (env): BENCH_LICENSES (1000000),
// BENCH_ACTIVATIONS (10000), BENCH_POSTGRES_URL (postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_CONNECTIONS (64), BENCH_WARMUP (3 s), BENCH_DURATION (10 s), BENCH_ROUNDS (3),
// BENCH_DOWNLOADS (5),
// BENCH_ARTIFACT_MB (200), BENCH_MODE (production | development), BENCH_API_WORKERS (this machine's
// cores:
// the API_HOST_WORKERS of a second API host, 1 for none). Results: bench/results/<time>.json
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { compareDownloads } from './downloadThroughput'
import { medianRound, runLoad, type LoadResult } from './loadTest'
import type { PreparedData } from './preparedData'
import { freePort, spawnLogged, startServer, waitForExit, type ChildServer } from './processes'
import type { RecordedAnswers } from './recordedAnswers'
import { checkTargets, formatTable, type DownloadOutcome, type ScenarioOutcome } from './report'
import { processGroupCpuSeconds } from './processCpu'
import { createRunDatabase, type RunDatabase } from './benchDatabase'
import { prepareScenarios, type PreparedScenario, type ServerName } from './scenarios'
import { readSettings, repoRoot } from './settings'

const startedAt = new Date()
const settings = readSettings()
const workDir = mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'))
const notes: string[] = []
const say = (message: string) =>
  console.log(
    `[bench ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(3)} s] ${message}`,
  )

const hostMode = settings.production ? 'production' : 'development'
const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  // Set once the run's database exists.
  DATABASE_URL: '',
  DATA_DIR: path.join(workDir, 'data'),
  MEDIA_DIR: path.join(workDir, 'media'),
  PAYLOAD_SECRET: randomBytes(24).toString('hex'),
  SIGNING_PRIVATE_JWK: JSON.stringify(
    generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }),
  ),
  SEED_ON_INIT: 'true',
  // Nothing in the background while measuring; local disk and mail folder only.
  SCHEDULED_TASKS: 'off',
  S3_BUCKET: '',
  SMTP_URL: '',
  DISABLE_PAYLOAD_HMR: 'true',
  NODE_OPTIONS: '--no-deprecation',
}
/** As `npm run start:api` runs a script (see src/server/main.ts for the condition). */
const tsx = (script: string, ...args: string[]) => ({
  command: process.execPath,
  args: [...settings.nodeArgs, '--conditions=production', '--import', 'tsx', script, ...args],
})

const prepareDatabase = async (): Promise<PreparedData> => {
  const schemaEnv = settings.schemaMode === 'migrations' ? 'production' : 'development'
  if (settings.schemaMode === 'push') {
    notes.push(
      settings.production
        ? `migrations/${settings.database} has no migrations yet: the schema was created by a development push; the hosts then ran with NODE_ENV=production.`
        : 'BENCH_MODE=development: schema by development push and the API host in development mode.',
    )
  }
  say(
    `preparing a seeded ${settings.database} database (schema: ${settings.schemaMode}) and a ${settings.artifactMegabytes} MB artifact in ${workDir}`,
  )
  const { command, args } = tsx('bench/prepare.ts', String(settings.artifactMegabytes), workDir)
  const { child, logFile } = spawnLogged(
    'prepare',
    command,
    args,
    { ...baseEnv, NODE_ENV: schemaEnv, SEED_ON_INIT: 'false' },
    workDir,
  )
  await waitForExit(child, 'Preparing the bench database', logFile)
  const line = readFileSync(logFile, 'utf8')
    .split('\n')
    .find((text) => text.startsWith('PREPARED '))
  if (!line) throw new Error(`prepare.ts printed no PREPARED line; see ${logFile}`)
  return JSON.parse(line.slice('PREPARED '.length)) as PreparedData
}

type Grown = { licenses: number; activationsOfBenchLicense: number; seconds: number }

/** Grows the catalogue to `licenses` (see bench/growCatalogue.ts) while the hosts run. */
const growCatalogue = async (
  licenses: number,
  activations: number,
  licenseKey: string,
): Promise<Grown> => {
  say(`growing the catalogue to ${licenses.toLocaleString('en')} licenses`)
  const { command, args } = tsx(
    'bench/growCatalogue.ts',
    String(licenses),
    String(activations),
    licenseKey,
  )
  const { child, logFile } = spawnLogged(
    `grow-${licenses}`,
    command,
    args,
    { ...baseEnv, NODE_ENV: settings.schemaMode === 'migrations' ? 'production' : 'development' },
    workDir,
  )
  await waitForExit(child, 'Growing the catalogue', logFile)
  const line = readFileSync(logFile, 'utf8')
    .split('\n')
    .find((text) => text.startsWith('GROWN '))
  if (!line) throw new Error(`growCatalogue.ts printed no GROWN line; see ${logFile}`)
  return JSON.parse(line.slice('GROWN '.length)) as Grown
}

const startHosts = async () => {
  const hasNextBuild = existsSync(path.join(repoRoot, '.next/BUILD_ID'))
  if (!hasNextBuild)
    notes.push(
      'No production build (.next/BUILD_ID missing; run `npm run build`): the next start figures were skipped.',
    )
  const [apiPort, workersPort, nextPort] = await Promise.all([freePort(), freePort(), freePort()])
  const { apiHostWorkers } = settings
  say(
    `starting the API host${apiHostWorkers > 1 ? `, the API host with ${apiHostWorkers} workers` : ''}${hasNextBuild ? ' and next start' : ''}`,
  )
  const startApiHost = (name: string, port: number, workers: number) =>
    startServer({
      name,
      ...tsx('src/server/main.ts'),
      env: {
        ...baseEnv,
        NODE_ENV: hostMode,
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        API_HOST_WORKERS: String(workers),
      },
      workDir,
      port,
      readyPath: '/api/v1/openapi.json',
      readyLog: workers > 1 ? /primary: \d+ workers serving/ : undefined,
      timeoutMs: 120_000 * workers,
    })
  const api = startApiHost('api-host', apiPort, 1)
  // After the first host: its boot has migrated and seeded the shared database file.
  const workers =
    apiHostWorkers > 1
      ? api.then(() => startApiHost('api-host-workers', workersPort, apiHostWorkers))
      : undefined
  const next = hasNextBuild
    ? startServer({
        name: 'next-start',
        command: process.execPath,
        args: [
          path.join(repoRoot, 'node_modules/next/dist/bin/next'),
          'start',
          '-p',
          String(nextPort),
          '-H',
          '127.0.0.1',
        ],
        env: { ...baseEnv, NODE_ENV: 'production', PUBLIC_URL: `http://127.0.0.1:${nextPort}` },
        workDir,
        port: nextPort,
        readyPath: '/api/v1/openapi.json',
      })
    : undefined
  const [apiHost, apiHostWithWorkers, nextStart] = await Promise.allSettled([
    api,
    workers ?? Promise.resolve(undefined),
    next ?? Promise.resolve(undefined),
  ])
  if (apiHost.status === 'rejected') throw apiHost.reason
  if (apiHostWithWorkers.status === 'rejected') throw apiHostWithWorkers.reason
  const hosts = { apiHost: apiHost.value, apiHostWorkers: apiHostWithWorkers.value }
  if (nextStart.status === 'rejected') {
    const reason = `next start did not come up: ${(nextStart.reason as Error).message}`
    console.error(`✗ ${reason}`)
    return { ...hosts, nextStart: undefined, nextFailure: reason }
  }
  return {
    ...hosts,
    nextStart: nextStart.value,
    nextFailure: hasNextBuild ? undefined : 'skipped: no production build',
  }
}

const startBare = async (recorded: RecordedAnswers): Promise<ChildServer> => {
  const answersFile = path.join(workDir, 'answers.json')
  writeFileSync(answersFile, JSON.stringify(recorded))
  const port = await freePort()
  return startServer({
    name: 'bare',
    ...tsx('bench/bareServer.ts', String(port), answersFile),
    env: baseEnv,
    workDir,
    port,
    readyPath: '/ready',
  })
}

const servers: ChildServer[] = []
let failed = false
let database: RunDatabase | undefined
try {
  database = await createRunDatabase(settings.database, workDir)
  baseEnv.DATABASE_URL = database.url
  say(`database: ${database.description}`)
  const prepared = await prepareDatabase()
  const { apiHost, apiHostWorkers, nextStart, nextFailure } = await startHosts()
  servers.push(
    apiHost,
    ...(apiHostWorkers ? [apiHostWorkers] : []),
    ...(nextStart ? [nextStart] : []),
  )
  // A build whose server would not start is a failure to report, not a figure to leave out.
  const measureNext = Boolean(nextStart) || !nextFailure?.startsWith('skipped')
  if (!nextStart && measureNext) failed = true

  const measured: ServerName[] = [
    'apiHost',
    ...(apiHostWorkers ? (['apiHostWorkers'] as const) : []),
    ...(measureNext ? (['nextStart'] as const) : []),
    'bare',
  ]
  const scenarios = await prepareScenarios(apiHost.url, prepared, measured)
  const recorded: RecordedAnswers = {
    answers: scenarios.flatMap((entry) => (entry.answer ? [entry.answer] : [])),
    file: { path: prepared.artifact.storedFile, size: prepared.artifact.size },
  }
  const bare = await startBare(recorded)
  servers.push(bare)
  const processes: Record<ServerName, ChildServer | undefined> = {
    apiHost,
    apiHostWorkers,
    nextStart,
    bare,
  }
  const urls: Record<ServerName, string | undefined> = {
    apiHost: apiHost.url,
    apiHostWorkers: apiHostWorkers?.url,
    nextStart: nextStart?.url,
    bare: bare.url,
  }

  const outcomes: ScenarioOutcome[] = []
  const measurePhase = async (
    licenses: number,
    phaseScenarios: PreparedScenario[],
    servers: ServerName[],
  ) => {
    for (const { scenario, unavailable } of phaseScenarios) {
      const outcome: ScenarioOutcome = {
        scenario,
        licenses,
        unavailable,
        results: {},
        rounds: {},
        failures: {},
      }
      outcomes.push(outcome)
      if (unavailable) {
        failed = true
        console.error(`✗ ${scenario.title}: ${unavailable}`)
        continue
      }
      const measured = scenario.servers.filter((server) => {
        if (!servers.includes(server)) return false
        if (urls[server]) return true
        outcome.failures[server] = nextFailure ?? 'not started'
        return false
      })
      for (let round = 1; round <= settings.rounds; round += 1) {
        for (const server of measured) {
          if (outcome.failures[server]) continue
          // JIT and caches warm up once; later rounds measure straight away.
          const warmupSeconds = round === 1 ? settings.warmupSeconds : 0
          say(
            `${scenario.title} on ${server} with ${licenses.toLocaleString('en')} licenses, round ${round}/${settings.rounds}: ${settings.connections} connections, ${warmupSeconds} s warm-up + ${settings.durationSeconds} s`,
          )
          try {
            const group = processes[server]?.child.pid
            const result = await runLoad(urls[server]!, scenario.request, {
              ...settings,
              warmupSeconds,
              serverCpuSeconds: group ? () => processGroupCpuSeconds(group) : undefined,
            })
            ;(outcome.rounds[server] ??= []).push(result)
          } catch (error) {
            failed = true
            outcome.failures[server] = (error as Error).message
            console.error(`✗ ${scenario.title} on ${server}: ${(error as Error).message}`)
          }
        }
      }
      for (const [server, rounds] of Object.entries(outcome.rounds) as [
        ServerName,
        LoadResult[],
      ][]) {
        if (!outcome.failures[server]) outcome.results[server] = medianRound(rounds)
      }
    }
  }

  const catalogues: Grown[] = []
  for (const [index, licenses] of settings.catalogues.entries()) {
    const last = index === settings.catalogues.length - 1
    const grown = await growCatalogue(
      licenses,
      last ? settings.activations : 0,
      prepared.licenseKey,
    )
    catalogues.push(grown)
    say(
      `catalogue: ${grown.licenses.toLocaleString('en')} licenses, ${grown.activationsOfBenchLicense.toLocaleString('en')} installations of the bench license (grown in ${grown.seconds.toFixed(0)} s)`,
    )
    // next start once, on the first catalogue: it is the reference of the API host, not of growth.
    await measurePhase(
      licenses,
      scenarios,
      index === 0 ? measured : measured.filter((server) => server !== 'nextStart'),
    )
  }

  const download: DownloadOutcome = { megabytes: settings.artifactMegabytes }
  say(
    `downloading the ${settings.artifactMegabytes} MB artifact ${settings.downloads}× through the API host and the fs pipe (plus one warm-up each)`,
  )
  try {
    Object.assign(
      download,
      await compareDownloads({
        apiHost: {
          url: `${apiHost.url}/api/v1/downloads/${prepared.artifact.id}`,
          authorization: `License ${prepared.licenseKey}`,
        },
        plain: { url: `${bare.url}/file` },
        expected: prepared.artifact,
        count: settings.downloads,
      }),
    )
  } catch (error) {
    failed = true
    download.failure = (error as Error).message
    console.error(`✗ download: ${download.failure}`)
  }

  const targets = checkTargets(outcomes, download, settings.apiHostWorkers, settings.catalogues)
  console.log(
    `\nOn ${settings.database}. Each req/s figure is the median of ${settings.rounds} rounds of ${settings.durationSeconds} s (its p50 and p99 are that round's).`,
  )
  console.log(`\n${formatTable(outcomes, download, targets, settings.apiHostWorkers)}`)
  for (const note of notes) console.log(`\nNote: ${note}`)

  const resultsDir = path.join(repoRoot, 'bench/results')
  mkdirSync(resultsDir, { recursive: true })
  const resultsFile = path.join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(
    resultsFile,
    `${JSON.stringify(
      {
        startedAt,
        seconds: (Date.now() - startedAt.getTime()) / 1000,
        machine: {
          cpus: os.cpus().length,
          cpuModel: os.cpus()[0]?.model,
          node: process.version,
          platform: `${os.platform()} ${os.arch()}`,
        },
        settings: { ...settings, hostMode },
        database: database?.description,
        catalogues,
        notes,
        scenarios: outcomes.map(
          ({ scenario, licenses, unavailable, results, rounds, failures }) => ({
            id: scenario.id,
            licenses,
            title: scenario.title,
            request: {
              ...scenario.request,
              body: scenario.request.body ? '<license key>' : undefined,
            },
            unavailable,
            results,
            rounds,
            failures,
          }),
        ),
        download,
        targets,
      },
      null,
      2,
    )}\n`,
  )
  say(`results written to ${path.relative(repoRoot, resultsFile)}`)
} catch (error) {
  failed = true
  console.error(`✗ bench failed: ${(error as Error).message}`)
} finally {
  await Promise.all(servers.map((server) => server.stop().catch(() => {})))
  await database
    ?.drop()
    .catch((error: unknown) => console.error(`✗ dropping the database: ${error}`))
  if (failed) console.error(`Logs kept in ${workDir}`)
  else rmSync(workDir, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
