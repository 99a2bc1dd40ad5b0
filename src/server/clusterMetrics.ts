import cluster, { type Worker } from 'node:cluster'

import { AggregatorRegistry } from 'prom-client'

import {
  isMetricsReply,
  isMetricsRequest,
  type MetricsReply,
  type MetricsRequest,
} from './clusterMessages'

/** What `/metrics` answers with: Prometheus text and its content type. */
export type MetricsText = { contentType: string; text: string }

/** The primary gives up on a worker that has not sent its metrics by then (prom-client's 5 s). */
const replyTimeoutMs = 6_000

/**
 * In the primary: answers a worker's request for everyone's metrics with prom-client's
 * AggregatorRegistry, which asks every worker for its registry and adds them up (counters and
 * histograms summed; gauges read from the shared database by their own aggregator).
 */
export const answerWorkersForMetrics = (): ((worker: Worker, message: unknown) => void) => {
  const aggregator = new AggregatorRegistry()
  return (worker, message) => {
    if (!isMetricsRequest(message)) return
    aggregator.clusterMetrics().then(
      (text) => reply(worker, { type: 'api-host:metrics', id: message.id, text }),
      (error: Error) =>
        reply(worker, { type: 'api-host:metrics', id: message.id, error: error.message }),
    )
  }
}

const reply = (worker: Worker, message: MetricsReply) => {
  if (worker.isConnected()) worker.send(message)
}

/**
 * In a worker: hands this worker's registry to prom-client's cluster listener (it answers the
 * primary's collection requests), and returns how to get every worker's metrics through the
 * primary.
 */
export const clusterMetricsSource = (
  registries: Parameters<typeof AggregatorRegistry.setRegistries>[0],
): (() => Promise<MetricsText>) => {
  AggregatorRegistry.setRegistries(registries)
  // Constructing one adds the listener that answers the primary.
  const { contentType } = new AggregatorRegistry()
  let lastId = 0
  const waiting = new Map<number, (reply: MetricsReply) => void>()
  process.on('message', (message) => {
    if (isMetricsReply(message)) waiting.get(message.id)?.(message)
  })
  return () =>
    new Promise((resolve, reject) => {
      if (!cluster.isWorker || !process.connected)
        return reject(new Error('no primary to collect the workers’ metrics'))
      const id = (lastId += 1)
      const timer = setTimeout(() => {
        waiting.delete(id)
        reject(new Error(`the primary did not answer within ${replyTimeoutMs / 1000} s`))
      }, replyTimeoutMs)
      waiting.set(id, (message) => {
        waiting.delete(id)
        clearTimeout(timer)
        if (message.text === undefined) reject(new Error(message.error ?? 'no metrics'))
        else resolve({ contentType, text: message.text })
      })
      process.send!({ type: 'api-host:metrics-request', id } satisfies MetricsRequest)
    })
}
