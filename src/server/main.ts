// The API host on its own (PORT, default 3001): `npm run start:api`. SIGTERM/SIGINT stop it
// gracefully; a second signal while stopping, or a stop that overruns, exits at once.
//
// It runs under `node --conditions=production`, which makes Node load Lexical's plain builds. The
// `lexical` and `@lexical/*` entry points Node picks by default (`*.node.mjs`) choose a build with
// a top-level `await import()`, and on Node 20 that graph of awaits sometimes never settles: the
// process ended with exit code 13 and no output, or hung silently when a timer held the loop (1
// cold start in 15 to 30 on a loaded machine; 0 in 45 with the condition). Payload's CLI scripts
// in package.json (seed, generate:*) load the config under the same condition for the same reason.
import { createApiHost } from './createApiHost'

const drainTimeoutMs = 10_000
/** Drain, hooks, Payload and database together get this long before the process exits anyway. */
const stopTimeoutMs = drainTimeoutMs + 15_000

const host = await createApiHost({ drainTimeoutMs })
const { logger } = host.payload
logger.info(`API host: serving /api/v1 on ${host.url}`)

/** Logging must never be what keeps a stopping process alive (say, its output pipe is gone). */
const note = (level: 'info' | 'warn' | 'error', message: string, error?: unknown) => {
  try {
    logger[level](error ? { err: error, msg: message } : message)
  } catch {
    // nowhere left to log to
  }
}

let stopping = false
const stop = async (signal: NodeJS.Signals) => {
  if (stopping) {
    note('warn', `${signal} again: exiting without waiting.`)
    process.exit(1)
  }
  stopping = true
  setTimeout(() => {
    note('error', `Stopping took longer than ${stopTimeoutMs / 1000} s: exiting anyway.`)
    process.exit(1)
  }, stopTimeoutMs).unref()
  note('info', `${signal}: draining in-flight requests, then closing the database.`)
  try {
    await host.close()
    note('info', 'API host stopped.')
    process.exit(0)
  } catch (error) {
    note('error', 'API host did not stop cleanly', error)
    process.exit(1)
  }
}
process.on('SIGTERM', (signal) => void stop(signal))
process.on('SIGINT', (signal) => void stop(signal))
