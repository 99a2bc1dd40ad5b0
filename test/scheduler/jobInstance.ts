// One more instance of the hub, for the lease tests: boots Payload on DATABASE_URL (the test's
// shared PostgreSQL database) without HTTP or triggers, and does one kind of scheduled work in a
// loop, printing what it does, until it is done or killed.
//
//   run-task <runKey> <workMs> <completionLog>: runOnce(runKey) every 200 ms until it runs once;
//     the work takes workMs, then appends `completed <pid>` to completionLog.
//   deliver: deliverOutbox every 200 ms, for ever.
import { appendFileSync } from 'node:fs'

import { getPayload } from 'payload'

import { deliverOutbox } from '../../plugins/mailers'
import { runOnce } from '../../plugins/scheduler'

const [mode, ...args] = process.argv.slice(2)
const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config })
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
console.log(`instance ${process.pid} ready`)

if (mode === 'run-task') {
  const [runKey, workMs, completionLog] = args
  for (;;) {
    const outcome = await runOnce(payload, 'lease-test', runKey, async () => {
      console.log(`instance ${process.pid} work started`)
      await pause(Number(workMs))
      appendFileSync(completionLog, `completed ${process.pid}\n`)
      return { by: process.pid }
    })
    if (outcome.ran) break
    console.log(`instance ${process.pid} skipped: claimed elsewhere`)
    await pause(200)
  }
  console.log(`instance ${process.pid} work done`)
  process.exit(0)
} else if (mode === 'deliver') {
  for (;;) {
    const report = await deliverOutbox(payload)
    if (report.sent || report.retried || report.failed)
      console.log(`instance ${process.pid} delivered ${JSON.stringify(report)}`)
    await pause(200)
  }
} else {
  console.error(`unknown mode ${mode}`)
  process.exit(2)
}
