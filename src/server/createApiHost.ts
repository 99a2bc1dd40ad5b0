import cluster from 'node:cluster'

import { getPayload, type Payload } from 'payload'

import { collectProcessMetrics, metricsRegistry } from '../../plugins/metrics'
import { env } from '../env'
import { clusterMetricsSource, type MetricsText } from './clusterMetrics'
import { createApiApp } from './createApiApp'
import { serveApiApp } from './serveApiApp'
import { shutdownPayload } from './shutdownPayload'
import { trustProxySetting } from './trustProxy'

export type ApiHostOptions = {
  /** @default env API_HOST_PORT (or PORT), else 3001 (0 picks a free port) */
  port?: number
  /** @default all interfaces */
  host?: string
  /** @default env TRUST_PROXY (none) */
  trustProxy?: boolean | number | string
  /** @default 10000 */
  drainTimeoutMs?: number
  /** @default env METRICS_TOKEN (none: `/metrics` is not served) */
  metricsToken?: string
}

export type ApiHost = {
  url: string
  payload: Payload
  /**
   * Graceful stop: drain in-flight requests, run shutdown hooks, stop triggers, close the database.
   */
  close: () => Promise<void>
}

const payloadInstanceCacheKey = 'api-host'

/**
 * Where `/metrics` reads from: this process's registry, or as a cluster worker every worker's,
 * through the primary. Process metrics (CPU, memory, event loop) are collected only then.
 */
const metricsSource = (): (() => Promise<MetricsText>) => {
  collectProcessMetrics()
  if (cluster.isWorker) return clusterMetricsSource([metricsRegistry])
  return async () => ({
    contentType: metricsRegistry.contentType,
    text: await metricsRegistry.metrics(),
  })
}

/**
 * Boots headless Payload with the app's config and serves its client API (`/api/v1`) on its own
 * port.
 */
export const createApiHost = async ({
  port = env.apiHostPort,
  host,
  trustProxy = trustProxySetting(env.trustProxy),
  drainTimeoutMs,
  metricsToken = env.metricsToken,
}: ApiHostOptions = {}): Promise<ApiHost> => {
  // Set up before Payload boots, so the primary's first collection already finds this worker.
  const metrics = metricsToken ? { token: metricsToken, collect: metricsSource() } : undefined
  // Headless: there is no Next dev server whose hot-reload socket Payload should listen to.
  process.env.DISABLE_PAYLOAD_HMR ??= 'true'
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config, cron: true, key: payloadInstanceCacheKey })
  const served = await serveApiApp(
    createApiApp(payload, {
      trustProxy,
      payloadInstanceCacheKey,
      publicUrl: env.publicUrl,
      metrics,
    }),
    { port, host, drainTimeoutMs },
  )
  let closing: Promise<void> | undefined
  return {
    url: served.url,
    payload,
    close: () =>
      (closing ??= (async () => {
        await served.close()
        await shutdownPayload(payload)
      })()),
  }
}
