import { Counter, Histogram } from 'prom-client'

import { labelled } from './labelled'
import { metricsRegistry as registers } from './registry'

const registry = { registers: [registers] }

const requests = new Counter({
  name: 'hub_http_requests_total',
  help: 'Requests the API host answered, by endpoint route, method and status',
  labelNames: ['route', 'method', 'status'] as const,
  ...registry,
})
const requestSeconds = new Histogram({
  name: 'hub_http_request_duration_seconds',
  help: 'Time from a request to its answer on the API host, by endpoint route and method',
  labelNames: ['route', 'method'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  ...registry,
})
const signatures = new Counter({
  name: 'hub_signatures_total',
  help: 'JWS objects signed, by kind (typ)',
  labelNames: ['kind'] as const,
  ...registry,
})
const manifestCache = new Counter({
  name: 'hub_manifest_cache_total',
  help: 'Manifest requests by whether this instance answered them from its cache (hit) or not',
  labelNames: ['result'] as const,
  ...registry,
})
const outboxDeliveries = new Counter({
  name: 'hub_outbox_deliveries_total',
  help: 'Mail delivery attempts from the outbox, by outcome (sent, retried, failed: given up)',
  labelNames: ['outcome'] as const,
  ...registry,
})
const jobRuns = new Counter({
  name: 'hub_job_runs_total',
  help: 'Scheduled task runs this instance claimed, by task and outcome (done, failed)',
  labelNames: ['task', 'outcome'] as const,
  ...registry,
})
const jobSeconds = new Histogram({
  name: 'hub_job_duration_seconds',
  help: 'Duration of scheduled task runs, by task',
  labelNames: ['task'] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 1800],
  ...registry,
})
const rateLimitRefusals = new Counter({
  name: 'hub_rate_limit_refusals_total',
  help: 'Requests refused with 429 RATE_LIMITED, by budget',
  labelNames: ['limit'] as const,
  ...registry,
})

const signatureCount = labelled(signatures)
const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

type RequestSeries = {
  time: ReturnType<typeof requestSeconds.labels>
  countByStatus: Map<number, ReturnType<typeof requests.labels>>
}
/** Children per route and method, then per status: no key string is built per request. */
const requestSeries = new Map<string, Map<string, RequestSeries>>()

const seriesOf = (route: string, method: string): RequestSeries => {
  let byMethod = requestSeries.get(route)
  if (!byMethod) requestSeries.set(route, (byMethod = new Map()))
  let series = byMethod.get(method)
  if (!series)
    byMethod.set(
      method,
      (series = { time: requestSeconds.labels(route, method), countByStatus: new Map() }),
    )
  return series
}

/**
 * One answered request. `route` is the endpoint's path pattern (`/v1/licenses/validate`) or a
 * fixed word (`unmatched`), never the raw URL; an unusual method is counted as `OTHER`.
 */
export const recordRequest = (
  route: string,
  method: string | undefined,
  status: number,
  seconds: number,
): void => {
  const shownMethod = method && methods.has(method) ? method : 'OTHER'
  const series = seriesOf(route, shownMethod)
  let count = series.countByStatus.get(status)
  if (!count)
    series.countByStatus.set(status, (count = requests.labels(route, shownMethod, String(status))))
  count.inc()
  series.time.observe(seconds)
}

export const countSignature = (kind: string): void => signatureCount(kind).inc()

export const countManifestCache = (isHit: boolean): void =>
  manifestCache.inc({ result: isHit ? 'hit' : 'miss' })

export const countOutboxDelivery = (outcome: 'sent' | 'retried' | 'failed'): void =>
  outboxDeliveries.inc({ outcome })

export const countRateLimitRefusal = (limit: string): void => rateLimitRefusals.inc({ limit })

/** Counts a run of `task` and its duration once it settles; resolves or rejects as `run` does. */
export const timeJobRun = async <T>(task: string, run: () => Promise<T>): Promise<T> => {
  const stop = jobSeconds.startTimer({ task })
  try {
    const result = await run()
    jobRuns.inc({ task, outcome: 'done' })
    return result
  } catch (error) {
    jobRuns.inc({ task, outcome: 'failed' })
    throw error
  } finally {
    stop()
  }
}
