import cluster from 'node:cluster'

import { isStopWorker, type WorkerReady } from './clusterMessages'
import { createApiHost } from './createApiHost'
import { drainTimeoutMs, onStopSignals, stopTimeoutMs } from './stopSignals'

/**
 * One API host process: boots Payload, serves /api/v1, and stops gracefully on SIGTERM/SIGINT
 * (a second signal while stopping, or a stop that overruns, exits at once). As a cluster worker
 * it also tells the primary when it listens, and stops when the primary asks or goes away.
 */
export const runApiHost = async (): Promise<void> => {
  const host = await createApiHost({ drainTimeoutMs })
  const { logger } = host.payload
  logger.info(
    `API host: serving /api/v1 on ${host.url}${cluster.isWorker ? ` (worker ${process.pid})` : ''}`,
  )

  /** Logging must never be what keeps a stopping process alive (say, its output pipe is gone). */
  const note = (level: 'info' | 'warn' | 'error', message: string, error?: unknown) => {
    try {
      logger[level](error ? { err: error, msg: message } : message)
    } catch {
      // nowhere left to log to
    }
  }

  let stopping = false
  const stop = async (reason: string) => {
    if (stopping) return
    stopping = true
    setTimeout(() => {
      note('error', `Stopping took longer than ${stopTimeoutMs / 1000} s: exiting anyway.`)
      process.exit(1)
    }, stopTimeoutMs).unref()
    note('info', `${reason}: draining in-flight requests, then closing the database.`)
    try {
      await host.close()
      note('info', 'API host stopped.')
      process.exit(0)
    } catch (error) {
      note('error', 'API host did not stop cleanly', error)
      process.exit(1)
    }
  }
  onStopSignals(
    (signal) => void stop(signal),
    (signal) => {
      note('warn', `${signal} again: exiting without waiting.`)
      process.exit(1)
    },
  )

  if (cluster.isWorker) {
    // A Ctrl-C reaches every process of the group, and the primary passes it on as well: one stop.
    process.on('message', (message) => {
      if (isStopWorker(message)) void stop(message.reason)
    })
    process.on('disconnect', () => void stop('primary gone'))
    if (!process.connected) return void stop('primary gone')
    process.send!({ type: 'api-host:ready', url: host.url } satisfies WorkerReady)
  }
}
