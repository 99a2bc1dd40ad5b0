import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { MetricsText } from './clusterMetrics'
import { sendJsonError } from './sendJsonError'

export type MetricsRouteOptions = {
  /** `METRICS_TOKEN`: the bearer token a scrape must send. */
  token: string
  /** This host's metrics (with workers: all of them, added up). */
  collect: () => Promise<MetricsText>
  /** Logs a collection that failed (never the token). */
  logError: (message: string) => void
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest()

const sendError = (
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
) => sendJsonError(res, status, code, message, { ...headers, 'cache-control': 'no-store' })

/**
 * `GET /metrics` for Prometheus, behind `Authorization: Bearer <METRICS_TOKEN>`. The token is
 * compared in constant time (both sides hashed first, so neither its length nor its bytes show
 * in the timing): 401 `UNAUTHORIZED` without it or with another one; 405 for another method;
 * 503 `METRICS_UNAVAILABLE` when the workers' metrics could not be collected.
 */
export const createMetricsRoute = ({ token, collect, logError }: MetricsRouteOptions) => {
  const expected = digest(token)
  const isAuthorized = (header: string | undefined): boolean => {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '')
    return timingSafeEqual(digest(match?.[1] ?? ''), expected) && match !== null
  }
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed on /metrics`, {
        allow: 'GET, HEAD',
      })
    if (!isAuthorized(req.headers.authorization))
      return sendError(res, 401, 'UNAUTHORIZED', 'Send the metrics token as a bearer token', {
        'www-authenticate': 'Bearer realm="metrics"',
      })
    let metrics: MetricsText
    try {
      metrics = await collect()
    } catch (error) {
      logError(`Metrics: could not collect them (${(error as Error).message})`)
      return sendError(res, 503, 'METRICS_UNAVAILABLE', 'The metrics could not be collected')
    }
    const body = Buffer.from(metrics.text)
    res.writeHead(200, {
      'cache-control': 'no-store',
      'content-type': metrics.contentType,
      'content-length': body.length,
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }
}
