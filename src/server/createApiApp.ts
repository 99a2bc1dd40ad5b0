import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'

import { headersWithCors, type Payload, type PayloadRequest } from 'payload'

import { createClientOrigin, type ClientOrigin, type TrustProxy } from './clientOrigin'
import { createRouteLookup } from '../../plugins/clientApi'
import { recordRequest } from '../../plugins/metrics'
import { createMetricsRoute, type MetricsRouteOptions } from './metricsRoute'
import { mirrorHandleEndpoints } from './mirrorHandleEndpoints'
import { payloadInstanceKeyOf } from './payloadInstanceKey'
import { apiSecurityHeaders } from './securityHeaders'
import type { WholeAnswer } from '../http/answers'
import { sendWebResponse } from '../http/sendWebResponse'
import { isDraining } from './serveApiApp'
import { sendJsonError } from './sendJsonError'
import { noBody, readWholeBody, toWebRequest } from '../http/toWebRequest'
import { closeLingeringIfBody } from '../http/capRequestBody'
import { createEndOfTurnWrites } from '../http/endOfTurnWrites'
import { requestIdFor, runWithRequestId } from '../http/requestContext'

export type ApiAppOptions = {
  /**
   * The key `getPayload` cached `payload` under (`handleEndpoints` looks the instance up by it).
   * @default found in Payload's instance cache
   */
  payloadInstanceCacheKey?: string
  /**
   * Which proxies' `X-Forwarded-For` / `X-Forwarded-Proto` to believe (express "trust proxy"
   * semantics); see `trustProxySetting`.
   * @default false — the socket is the client
   */
  trustProxy?: TrustProxy
  /**
   * The hub's public URL: https adds HSTS to the security headers every answer carries.
   * @default no HSTS
   */
  publicUrl?: string
  /**
   * Serves Prometheus metrics at `/metrics` behind this bearer token (`METRICS_TOKEN`).
   * @default not served: `/metrics` is 404 like any other path
   */
  metrics?: Omit<MetricsRouteOptions, 'logError'>
}

/** The route label of a request no endpoint took (404, 405, a malformed URL). */
const unmatched = 'unmatched'

const parseUrl = (path: string, protocol: string, host: string | undefined): URL | undefined => {
  try {
    return new URL(path, `${protocol}://${host || 'localhost'}`)
  } catch {
    return undefined
  }
}

/**
 * The API host's request listener: every `/api/v1/*` request goes to the plugins' own endpoints
 * as Payload's `handleEndpoints` would dispatch them (the handlers the Next app serves too), on an
 * already booted `payload`, through a route table compiled once (`mirrorHandleEndpoints`). Nothing
 * else is served: any other path is 404 `{ code: 'NOT_FOUND' }`.
 *
 * The listener is mounted straight on node:http, with no express app or Router in between: the
 * `express()` app swaps the prototypes of Node's req/res per request (about 1.5× the CPU on the
 * manifest endpoint), and a Router holding one catch-all middleware only added its own dispatch;
 * the one routing decision, `/api/v1/*` or 404, is made here.
 */
export const createApiApp = (
  payload: Payload,
  { trustProxy = false, publicUrl = '', ...options }: ApiAppOptions = {},
): RequestListener => {
  const payloadInstanceCacheKey = options.payloadInstanceCacheKey ?? payloadInstanceKeyOf(payload)
  const apiRoute = payload.config.routes.api
  const clientApiPrefix = `${apiRoute}/v1/`
  const lookupRoute = createRouteLookup(payload.config.endpoints)
  const answerEndpoint = mirrorHandleEndpoints(payload, payloadInstanceCacheKey)
  const originOf = createClientOrigin(trustProxy)
  // A request without credentials or an Origin gets nothing from createPayloadRequest that its
  // answer could depend on (no user, no refreshed cookies), and the same CORS headers as any other
  // such request: Payload's own, worked out once (see `clientEndpoint`'s fastAnswer). A method
  // override makes Payload route it as another method: that is for handleEndpoints to do.
  const mayAnswerFast = ({ headers }: IncomingMessage) =>
    headers.authorization === undefined &&
    headers.cookie === undefined &&
    headers.origin === undefined &&
    headers['x-http-method-override'] === undefined &&
    headers['x-payload-http-method-override'] === undefined
  const corsHeaders = Object.fromEntries(
    headersWithCors({
      headers: new Headers(),
      req: { payload, headers: new Headers() } as unknown as PayloadRequest,
    }),
  )

  const securityHeaders = Object.entries(apiSecurityHeaders({ publicUrl }))
  const serveMetrics =
    options.metrics &&
    createMetricsRoute({
      ...options.metrics,
      logError: (message) => payload.logger.error(message),
    })

  /** The headers of every answer the host writes itself, set before any other path writes. */
  const setCommonHeaders = (res: ServerResponse, requestId: string) => {
    for (const [name, value] of securityHeaders) res.setHeader(name, value)
    res.setHeader('x-request-id', requestId)
  }

  // A fast answer's headers go out in one writeHead as a flat list, names lowercase: the security
  // headers, Payload's CORS headers, then the answer's own (which win), and its length. Built once
  // per answer object (a cached manifest answer is the same object for every request).
  const fastBaseHeaders = new Map<string, string>([
    ...securityHeaders,
    ...Object.entries(corsHeaders).map(([name, value]) => [name.toLowerCase(), value] as const),
  ])
  const headerLists = new WeakMap<WholeAnswer, string[]>()
  const headerListOf = (answer: WholeAnswer): string[] => {
    let list = headerLists.get(answer)
    if (list) return list
    const merged = new Map(fastBaseHeaders)
    for (const name in answer.headers) merged.set(name.toLowerCase(), answer.headers[name])
    // A 304 (or 204) has no body, and says nothing of the length of the one it stands for.
    if (answer.status !== 304 && answer.status !== 204)
      merged.set('content-length', String(answer.body?.byteLength ?? 0))
    list = []
    for (const [name, value] of merged) list.push(name, value)
    headerLists.set(answer, list)
    return list
  }

  const writeAtEndOfTurn = createEndOfTurnWrites((error, { res, requestId }) =>
    runWithRequestId(requestId, () => {
      payload.logger.error({ err: error, msg: 'API host: an answer could not be written' })
      res.destroy()
    }),
  )

  /** A fast answer: written with the others of this turn of the event loop (see endOfTurnWrites). */
  const sendFastAnswer = (
    answer: WholeAnswer,
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
  ) => {
    const headers = headerListOf(answer).concat('x-request-id', requestId)
    if (isDraining(res)) headers.push('connection', 'close')
    writeAtEndOfTurn({
      res,
      status: answer.status,
      headers,
      body: req.method === 'HEAD' ? undefined : answer.body,
      requestId,
    })
  }

  const refuseRequest = (
    res: ServerResponse,
    requestId: string,
    status: number,
    code: string,
    message: string,
    headers?: Record<string, string>,
  ) => {
    setCommonHeaders(res, requestId)
    sendJsonError(res, status, code, message, headers)
    return unmatched
  }

  /**
   * Answers the request: its route label for the request metrics, or a promise of it when the
   * answer takes a body to read or a database to ask. Routing, and a fast answer a bodiless
   * request gets at once (a cached manifest), take no promise at all. Every path but a fast
   * answer sets the common headers first; a fast answer writes them with its own.
   */
  const serveClientApi = (
    req: IncomingMessage,
    res: ServerResponse,
    origin: ClientOrigin,
    requestId: string,
  ): string | Promise<string> => {
    const url = parseUrl(req.url ?? '/', origin.protocol, req.headers.host)
    if (!url) return refuseRequest(res, requestId, 400, 'BAD_REQUEST', 'Malformed request URL')
    if (serveMetrics && url.pathname === '/metrics') {
      setCommonHeaders(res, requestId)
      return serveMetrics(req, res).then(() => '/metrics')
    }
    // Routed on the normalised pathname (`/api/v1/../users` is `/api/users`): exactly what
    // handleEndpoints will see, so nothing outside /api/v1 can be reached.
    if (!url.pathname.startsWith(clientApiPrefix))
      return refuseRequest(
        res,
        requestId,
        404,
        'NOT_FOUND',
        `Nothing is served at ${req.method} ${url.pathname}`,
      )
    let route: ReturnType<typeof lookupRoute>
    try {
      route = lookupRoute(req.method ?? 'GET', url.pathname.slice(apiRoute.length))
    } catch {
      return refuseRequest(
        res,
        requestId,
        400,
        'BAD_REQUEST',
        'Malformed escape in the request path',
      )
    }
    if (route.kind === 'not-found')
      return refuseRequest(
        res,
        requestId,
        404,
        'NOT_FOUND',
        `No endpoint at ${req.method} ${url.pathname}`,
      )
    if (route.kind === 'method-not-allowed')
      return refuseRequest(
        res,
        requestId,
        405,
        'METHOD_NOT_ALLOWED',
        `${req.method} is not allowed on ${url.pathname}`,
        {
          allow: route.allowed.join(', '),
        },
      )
    const found: Served = { req, res, url, route, origin, requestId }
    if (!route.fastAnswer || !mayAnswerFast(req)) return answerThroughPayload(found)
    if (route.method !== 'GET' && route.method !== 'HEAD')
      return answerAfterBody(found, route.fastAnswer)
    const answer = route.fastAnswer(fastRequest(req, url, noBody))
    if (answer instanceof Promise)
      return answer.then((ready) => {
        if (!ready) return answerThroughPayload(found)
        sendFastAnswer(ready, req, res, requestId)
        return route.path
      })
    if (!answer) return answerThroughPayload(found)
    sendFastAnswer(answer, req, res, requestId)
    return route.path
  }

  type Route = Extract<ReturnType<typeof lookupRoute>, { kind: 'found' }>
  /** A request routed to an endpoint. */
  type Served = {
    req: IncomingMessage
    res: ServerResponse
    url: URL
    route: Route
    origin: ClientOrigin
    requestId: string
  }

  const fastRequest = (req: IncomingMessage, url: URL, body: Uint8Array) => ({
    payload,
    searchParams: url.searchParams,
    headers: req.headers,
    body,
  })

  /** A fast answer to a request with a body: read whole first (unless too large to). */
  const answerAfterBody = async (
    served: Served,
    fastAnswer: NonNullable<Route['fastAnswer']>,
  ): Promise<string> => {
    const { req, res, url, route, requestId } = served
    const wholeBody = await readWholeBody(req, route.method)
    const answer = wholeBody && (await fastAnswer(fastRequest(req, url, wholeBody)))
    if (!answer) return answerThroughPayload(served, wholeBody)
    sendFastAnswer(answer, req, res, requestId)
    return route.path
  }

  /** The endpoint's handler, through Payload's `handleEndpoints`. */
  const answerThroughPayload = async (
    { req, res, url, route, origin, requestId }: Served,
    wholeBody?: Uint8Array<ArrayBuffer>,
  ): Promise<string> => {
    setCommonHeaders(res, requestId)
    const { request, dropUnreadBody } = await toWebRequest(
      req,
      url,
      route.method,
      origin.address,
      wholeBody,
    )
    const response = await answerEndpoint(request, url.pathname)
    // A body refused for its size is not read any further (the connection closes after the answer);
    // any other unread one is dropped.
    if (response.status === 413) {
      res.setHeader('connection', 'close')
      // The rest of the body is still coming: closed lingering, so the client reads the answer.
      closeLingeringIfBody(req)
    } else dropUnreadBody()
    if (isDraining(res)) res.setHeader('connection', 'close')
    await sendWebResponse(response, res, { omitBody: req.method === 'HEAD' })
    return route.path
  }

  const answerUnexpectedError = (
    error: unknown,
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
  ) => {
    // A client that hung up mid-request is not a server bug.
    if (req.destroyed || res.destroyed) return
    payload.logger.error({
      err: error,
      msg: `API host: unhandled error on ${req.method} ${pathOf(req)}`,
    })
    if (res.headersSent) return void res.destroy()
    setCommonHeaders(res, requestId)
    sendJsonError(res, 500, 'INTERNAL', 'Internal error')
  }

  /**
   * One line for a refused request (4xx but the rate limit's 429, which a flood would fill the log
   * with) and for a 5xx an endpoint answered; the path without its query, which may carry a key.
   */
  const logRefusal = (req: IncomingMessage, status: number, route: string, seconds: number) => {
    if (status < 400 || status === 429) return
    payload.logger[status >= 500 ? 'warn' : 'info']({
      msg: `API host: ${status} on ${req.method} ${pathOf(req)}`,
      method: req.method,
      route,
      status,
      ms: Math.round(seconds * 1000),
    })
  }

  const finished = (
    req: IncomingMessage,
    res: ServerResponse,
    route: string,
    startedAt: number,
  ) => {
    const seconds = (performance.now() - startedAt) / 1000
    recordRequest(route, req.method, res.statusCode, seconds)
    logRefusal(req, res.statusCode, route, seconds)
  }

  const failed = (
    error: unknown,
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    startedAt: number,
  ) => {
    answerUnexpectedError(error, req, res, requestId)
    recordRequest(unmatched, req.method, 500, (performance.now() - startedAt) / 1000)
  }

  // No closure is made for a request answered at once (a cached manifest): the hot path.
  const serve = (
    req: IncomingMessage,
    res: ServerResponse,
    origin: ClientOrigin,
    requestId: string,
    startedAt: number,
  ) => {
    try {
      const served = serveClientApi(req, res, origin, requestId)
      if (typeof served === 'string') finished(req, res, served, startedAt)
      else
        served.then(
          (route) => finished(req, res, route, startedAt),
          (error: unknown) => failed(error, req, res, requestId, startedAt),
        )
    } catch (error) {
      failed(error, req, res, requestId, startedAt)
    }
  }

  return (req, res) => {
    const startedAt = performance.now()
    const origin = originOf(req)
    const requestId = requestIdFor(req.headers['x-request-id'], origin.viaTrustedProxy)
    runWithRequestId(requestId, serve, req, res, origin, requestId, startedAt)
  }
}

/** The request's path without its query string (a query may carry a license key or a token). */
const pathOf = (req: IncomingMessage): string => (req.url ?? '/').split('?', 1)[0]
