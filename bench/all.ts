// `npm run bench [-- --database postgres]`: the client API bench (bench/run.ts, on the database
// asked for), then the metering bench and the several-instances bench (on PostgreSQL), one after the other on an otherwise idle
// machine. Fails when one of them fails, after running them all.
import { spawnSync } from 'node:child_process'

const parts = [
  { script: 'bench/run.ts', args: process.argv.slice(2) },
  { script: 'bench/meteringBench.ts', args: [] },
  { script: 'bench/clusterBench.ts', args: [] },
]

let failed = false
for (const { script, args } of parts) {
  const { status, signal } = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: 'inherit',
  })
  if (status !== 0) {
    failed = true
    console.error(`✗ ${script} failed (${signal ?? `exit ${status}`})`)
  }
}
process.exit(failed ? 1 : 0)
