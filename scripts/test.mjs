#!/usr/bin/env node
// `npm test`: the whole suite, as CI runs it.
//   1. vitest on the embedded SQLite database,
// 2. the same files on PostgreSQL when 127.0.0.1:5432 answers (skipped, loudly, when it does not),
//   3. end-to-end: the production build (built first when missing) in a real Chromium, and the
//      several-instances suite (two Next apps and an API host behind nginx on one PostgreSQL).
// Ends with one line "N passed, N failed, N skipped" over all of them.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

const postgresAdminUrl =
  process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres'
const extraArgs = process.argv.slice(2)
const totals = { passed: 0, failed: 0, skipped: 0 }
const outcomes = []
const failures = []

const postgresIsReachable = async () => {
  const client = new pg.Client({
    connectionString: postgresAdminUrl,
    connectionTimeoutMillis: 3000,
  })
  try {
    await client.connect()
    await client.end()
    return true
  } catch (error) {
    console.warn(`PostgreSQL at ${postgresAdminUrl} is not reachable (${error.message}).`)
    return false
  }
}

// Test databases are named hub_test_<run start ms>_<random> (test/helpers/testDatabase.ts).
const runStartedAt = String(Date.now())
const staleAfterMs = 6 * 60 * 60 * 1000

/** Drops this run's test databases, and those of runs that started hours ago (left by a crash). */
const dropTestDatabases = async () => {
  const client = new pg.Client({ connectionString: postgresAdminUrl })
  await client.connect()
  const { rows } = await client.query(
    "SELECT datname FROM pg_database WHERE datname LIKE 'hub\\_test\\_%'",
  )
  for (const { datname } of rows) {
    const startedAt = datname.split('_')[2]
    if (startedAt === runStartedAt || Number(startedAt) < Date.now() - staleAfterMs) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
    }
  }
  await client.end()
}

const firstLine = (text = '') =>
  text
    .split('\n')
    .find((line) => line.trim())
    ?.trim()
    .slice(0, 300) ?? ''

/**
 * "file › test: first error line" for every failed test (or file that failed to load) of a report.
 */
const failuresIn = (report, label) =>
  report.testResults.flatMap((file) => {
    const name = path.relative(process.cwd(), file.name)
    const failed = file.assertionResults.filter((test) => test.status === 'failed')
    if (failed.length === 0 && file.status === 'failed')
      return [
        `[${label}] ${name}: ${firstLine(file.message) || 'failed before its tests ran (a hook or its setup; see the log above)'}`,
      ]
    return failed.map((test) => {
      const message = test.failureMessages?.[0] ?? ''
      const where = message.match(/test\/[\w./-]+:\d+/)?.[0]
      return `[${label}] ${name} › ${test.fullName}: ${firstLine(message)}${where ? ` (at ${where})` : ''}`
    })
  })

const runVitest = (label, configFile, env) => {
  const reportFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'hub-report-')), 'report.json')
  console.log(`\n=== ${label} ===`)
  const result = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      '--config',
      configFile,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reportFile}`,
      ...extraArgs,
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    },
  )
  let counts = { passed: 0, failed: 0, skipped: 0 }
  if (existsSync(reportFile)) {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'))
    counts = {
      passed: report.numPassedTests,
      failed: report.numFailedTests,
      skipped: report.numPendingTests + report.numTodoTests,
    }
    // A file that failed to load, or whose setup failed so its tests were skipped, has no failed
    // test to count, yet it is a failure.
    counts.failed += report.testResults.filter(
      (file) =>
        file.status === 'failed' && file.assertionResults.every((test) => test.status !== 'failed'),
    ).length
    failures.push(...failuresIn(report, label))
  } else if (result.status !== 0) {
    counts.failed += 1
  }
  for (const key of Object.keys(totals)) totals[key] += counts[key]
  outcomes.push(
    `${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${result.status === 0 ? '' : ` (exit ${result.status})`}`,
  )
  return result.status === 0
}

let allGreen = runVitest('integration tests on SQLite (embedded default)', 'vitest.config.ts', {
  TEST_DATABASE: 'sqlite',
})

if (await postgresIsReachable()) {
  await dropTestDatabases()
  allGreen =
    runVitest('integration tests on PostgreSQL', 'vitest.config.ts', {
      TEST_DATABASE: 'postgres',
      TEST_RUN_STARTED_AT: runStartedAt,
    }) && allGreen
} else {
  outcomes.push(
    'PostgreSQL: SKIPPED (not reachable at 127.0.0.1:5432; start it to run the suite there too)',
  )
}

if (process.env.SKIP_E2E === '1') {
  outcomes.push('end-to-end: SKIPPED (SKIP_E2E=1)')
} else {
  if (!existsSync('.next/BUILD_ID')) {
    console.log('\nNo production build yet: running `npm run build` for the end-to-end tests…')
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
    if (build.status !== 0) {
      totals.failed += 1
      outcomes.push('end-to-end: build failed')
      allGreen = false
    }
  }
  if (existsSync('.next/BUILD_ID'))
    allGreen =
      runVitest(
        'end-to-end on the production build (Chromium; several instances behind nginx)',
        'vitest.e2e.config.ts',
        {
          TEST_RUN_STARTED_AT: runStartedAt,
        },
      ) && allGreen
}

if (await postgresIsReachable()) await dropTestDatabases()

console.log('\n=== summary ===')
for (const line of outcomes) console.log(line)
if (failures.length > 0) {
  console.log('failed:')
  for (const failure of failures) console.log(`- ${failure}`)
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(allGreen && totals.failed === 0 ? 0 : 1)
