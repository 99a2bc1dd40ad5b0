import cluster, { type Worker } from 'node:cluster'

import { writeJsonLogLine } from '../http/logging'
import { isWorkerReady, type StopWorker } from './clusterMessages'
import { answerWorkersForMetrics } from './clusterMetrics'
import { onStopSignals, stopTimeoutMs } from './stopSignals'

/** A worker that dies this often within `crashWindowMs` is not replaced again: the host stops. */
const maxCrashes = 5
const crashWindowMs = 60_000
/** After asking the workers to stop, the primary waits this long before killing what is left. */
const killAfterMs = stopTimeoutMs + 5_000

let jsonLogs = false
const log = (message: string) =>
  jsonLogs
    ? writeJsonLogLine('info', `API host primary: ${message}`)
    : console.log(`[${new Date().toISOString().slice(11, 19)}] API host primary: ${message}`)
const logError = (message: string) =>
  jsonLogs
    ? writeJsonLogLine('error', `API host primary: ${message}`)
    : console.error(`[${new Date().toISOString().slice(11, 19)}] API host primary: ${message}`)

/**
 * `API_HOST_WORKERS` > 1: this process forks that many API host processes sharing one port
 * (node:cluster), so the client API uses more than one core. Each worker is a whole instance,
 * like one of several behind a load balancer: its own Payload, caches and per-instance rate
 * limits; scheduled work is claimed in the database as for any instance. Workers start one after
 * another, so the first alone runs migrations, the seed and the development key. A worker that
 * dies is replaced; SIGTERM/SIGINT stop them all gracefully, a second signal kills them.
 */
export const runWorkers = async (
  count: number,
  {
    serveMetrics = false,
    jsonLogs: asJson = false,
  }: {
    serveMetrics?: boolean
    /** The primary's own lines as JSON, like its workers' (`LOG_FORMAT`). */
    jsonLogs?: boolean
  } = {},
): Promise<void> => {
  jsonLogs = asJson
  // With METRICS_TOKEN, the worker a scrape reaches asks this process for everyone's metrics.
  const answerForMetrics = serveMetrics ? answerWorkersForMetrics() : undefined
  const workers = new Set<Worker>()
  /** Workers that listen, and so take the stop message; one still booting is simply terminated. */
  const listening = new WeakSet<Worker>()
  const crashes: number[] = []
  let stopping = false
  let failed = false

  const exitWhenAllGone = () => {
    if (workers.size === 0) process.exit(failed ? 1 : 0)
  }

  const stopAll = (reason: string) => {
    if (stopping) return
    stopping = true
    log(`${reason}: stopping ${workers.size} worker(s).`)
    for (const worker of workers) {
      if (listening.has(worker)) worker.send({ type: 'api-host:stop', reason } satisfies StopWorker)
      else worker.process.kill('SIGTERM')
    }
    setTimeout(() => {
      logError(`workers still running after ${killAfterMs / 1000} s: killing them.`)
      for (const worker of workers) worker.process.kill('SIGKILL')
      process.exit(1)
    }, killAfterMs).unref()
    exitWhenAllGone()
  }

  /** Forks a worker; resolves with its URL once it listens, rejects if it dies first. */
  const start = (): Promise<string> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork()
      workers.add(worker)
      // A message to a worker that is just exiting fails: its exit is what counts.
      worker.on('error', (error) => logError(`worker ${worker.process.pid}: ${error.message}`))
      worker.on('message', (message) => {
        answerForMetrics?.(worker, message)
        if (!isWorkerReady(message)) return
        listening.add(worker)
        resolve(message.url)
      })
      worker.once('exit', (code, signal) => {
        workers.delete(worker)
        const how = signal ?? `code ${code}`
        if (stopping) {
          // Terminated while it was still booting is how a stop ends that worker, not a failure.
          if (code !== 0 && !(signal === 'SIGTERM' && !listening.has(worker))) failed = true
          return exitWhenAllGone()
        }
        if (!listening.has(worker))
          return reject(
            new Error(`worker ${worker.process.pid} exited (${how}) before it listened`),
          )
        const now = Date.now()
        crashes.push(now)
        while (crashes.length > 0 && crashes[0] < now - crashWindowMs) crashes.shift()
        if (crashes.length >= maxCrashes) {
          logError(
            `worker ${worker.process.pid} exited (${how}); ${crashes.length} in ${crashWindowMs / 1000} s, not replacing it.`,
          )
          failed = true
          return stopAll('too many worker exits')
        }
        logError(`worker ${worker.process.pid} exited (${how}): starting another.`)
        start().catch((error: Error) => {
          logError(error.message)
          failed = true
          stopAll('a replacement worker failed to start')
        })
      })
    })

  onStopSignals(stopAll, (signal) => {
    logError(`${signal} again: killing the workers.`)
    for (const worker of workers) worker.process.kill('SIGKILL')
    process.exit(1)
  })

  let url = ''
  for (let index = 0; index < count && !stopping; index += 1) {
    try {
      url = await start()
    } catch (error) {
      logError((error as Error).message)
      failed = true
      stopAll('a worker failed to start')
      return
    }
  }
  if (!stopping) log(`${count} workers serving /api/v1 on ${url}`)
}
