import { collectDefaultMetrics, Registry } from 'prom-client'

/**
 * This process's metrics. Each process (an API host, each of its workers, a Next app) counts its
 * own; the API host's `/metrics` adds its workers' up (prom-client's AggregatorRegistry).
 */
export const metricsRegistry = new Registry()

let processMetricsOn = false

/**
 * Adds prom-client's process metrics (CPU, memory, event loop delay, handles) to this process's
 * registry: only where they are served (the API host), once.
 */
export const collectProcessMetrics = (): void => {
  if (processMetricsOn) return
  processMetricsOn = true
  collectDefaultMetrics({ register: metricsRegistry })
}
