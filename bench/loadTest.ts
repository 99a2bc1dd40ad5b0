import autocannon from 'autocannon'

export type LoadRequest = {
  path: string
  method: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
  expectedStatus: number
}

export type LoadResult = {
  requestsPerSecond: number
  latencyMs: { p50: number; p99: number; average: number; max: number }
  requests: number
  durationSeconds: number
  statusCodes: Record<string, number>
  errors: number
  timeouts: number
  /** CPU time the server spent per request while measured (see `processGroupCpuSeconds`). */
  cpuMicrosecondsPerRequest?: number
}

export type LoadSettings = {
  connections: number
  warmupSeconds: number
  durationSeconds: number
  /** The server's CPU seconds so far, read before and after the measured stretch. */
  serverCpuSeconds?: () => number | undefined
}

/**
 * `connections` keep-alive connections hammer one request for `warmupSeconds` (discarded: JIT,
 * caches, Next's lazy boot), then for `durationSeconds` (measured). Any answer other than
 * `expectedStatus`, or any socket error, makes the figure worthless: that throws.
 */
export const runLoad = async (
  baseUrl: string,
  request: LoadRequest,
  settings: LoadSettings,
): Promise<LoadResult> => {
  const options = {
    url: `${baseUrl}${request.path}`,
    method: request.method,
    headers: {
      ...(request.body ? { 'content-type': 'application/json' } : {}),
      ...request.headers,
    },
    body: request.body,
    connections: settings.connections,
    timeout: 30,
  }
  if (settings.warmupSeconds > 0) await autocannon({ ...options, duration: settings.warmupSeconds })
  const cpuBefore = settings.serverCpuSeconds?.()
  const result = await autocannon({ ...options, duration: settings.durationSeconds })
  const cpuAfter = settings.serverCpuSeconds?.()
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
  )
  const requests = Object.values(statusCodes).reduce((sum, count) => sum + count, 0)
  const unexpected = Object.keys(statusCodes).filter(
    (code) => Number(code) !== request.expectedStatus,
  )
  if (requests === 0 || unexpected.length > 0 || result.errors > 0) {
    throw new Error(
      `${request.method} ${options.url}: expected only ${request.expectedStatus}, got ${JSON.stringify(statusCodes)}, ${result.errors} errors, ${result.timeouts} timeouts`,
    )
  }
  return {
    requestsPerSecond: Math.round(requests / result.duration),
    latencyMs: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      average: result.latency.average,
      max: result.latency.max,
    },
    requests,
    durationSeconds: result.duration,
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
    ...(cpuBefore !== undefined && cpuAfter !== undefined
      ? { cpuMicrosecondsPerRequest: Math.round(((cpuAfter - cpuBefore) * 1e6) / requests) }
      : {}),
  }
}

/** The round with the median requests/s (the lower middle one for an even count). */
export const medianRound = <Round extends { requestsPerSecond: number }>(
  rounds: Round[],
): Round => {
  const sorted = [...rounds].sort((left, right) => left.requestsPerSecond - right.requestsPerSecond)
  return sorted[Math.floor((sorted.length - 1) / 2)]
}
