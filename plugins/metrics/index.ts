import type { Config } from 'payload'

import { watchOutbox } from './outboxDepth'
import { defaultMetricsOptions, type MetricsPluginOptions } from './types'

export { collectProcessMetrics, metricsRegistry } from './registry'
export {
  countManifestCache,
  countOutboxDelivery,
  countRateLimitRefusal,
  countSignature,
  recordRequest,
  timeJobRun,
} from './recorders'
export type { MetricsPluginOptions } from './types'

/**
 * Prometheus metrics (prom-client): the counters other plugins record into (signatures, manifest
 * cache, outbox deliveries, job runs, rate-limit refusals), and at boot the outbox gauge set to
 * read this instance's database. The API host serves them at `/metrics` (src/server).
 */
export const metricsPlugin =
  (options: MetricsPluginOptions = {}) =>
  (config: Config): Config => {
    const settings = { ...defaultMetricsOptions, ...options }
    if (!settings.enabled) return config
    return {
      ...config,
      onInit: async (payload) => {
        await config.onInit?.(payload)
        watchOutbox(payload)
      },
    }
  }
