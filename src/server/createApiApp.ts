import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'

import express, { type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from 'express'
import { handleEndpoints, type Payload } from 'payload'

import { createClientOrigin, type TrustProxy } from './clientOrigin'
import { createRouteLookup } from './clientRoutes'
import { payloadInstanceKeyOf } from './payloadInstanceKey'
import { sendWebResponse } from './sendWebResponse'
import { isDraining } from './serveApiApp'
import { toWebRequest } from './toWebRequest'

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
}

// A body nobody reads (a 404, a refusal) is read and dropped by Node itself once the answer is
// sent, so the connection stays usable; one handed to an endpoint is dropped by `dropUnreadBody`.
const sendError = (res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) => {
  const body = JSON.stringify({ code, message })
  if (isDraining(res)) res.setHeader('connection', 'close')
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

const parseUrl = (path: string, protocol: string, host: string | undefined): URL | undefined => {
  try {
    return new URL(path, `${protocol}://${host || 'localhost'}`)
  } catch {
    return undefined
  }
}

/**
 * The API host's request listener: every `/api/v1/*` request goes to the plugins' own endpoints
 * through Payload's `handleEndpoints` (the handlers the Next app serves too), on an already booted
 * `payload`. Nothing else is served: any other path is 404 `{ code: 'NOT_FOUND' }`.
 *
 * Routing is an express 5 Router mounted straight on node:http. Not the `express()` app: per
 * request it swaps the prototypes of Node's req/res, which made every request cost about 1.5× the
 * CPU here (measured on the manifest endpoint: 370–585 µs against 220–385 µs), for helpers this
 * host does not use.
 */
export const createApiApp = (payload: Payload, { trustProxy = false, ...options }: ApiAppOptions = {}): RequestListener => {
  const payloadInstanceCacheKey = options.payloadInstanceCacheKey ?? payloadInstanceKeyOf(payload)
  const apiRoute = payload.config.routes.api
  const clientApiPrefix = `${apiRoute}/v1/`
  const lookupRoute = createRouteLookup(payload.config.endpoints)
  const originOf = createClientOrigin(trustProxy)

  const serveClientApi = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const origin = originOf(req)
    const url = parseUrl(req.url ?? '/', origin.protocol, req.headers.host)
    if (!url) return sendError(res, 400, 'BAD_REQUEST', 'Malformed request URL')
    // Routed on the normalised pathname (`/api/v1/../users` is `/api/users`): exactly what
    // handleEndpoints will see, so nothing outside /api/v1 can be reached.
    if (!url.pathname.startsWith(clientApiPrefix)) {
      return sendError(res, 404, 'NOT_FOUND', `Nothing is served at ${req.method} ${url.pathname}`)
    }
    let route: ReturnType<typeof lookupRoute>
    try {
      route = lookupRoute(req.method ?? 'GET', url.pathname.slice(apiRoute.length))
    } catch {
      return sendError(res, 400, 'BAD_REQUEST', 'Malformed escape in the request path')
    }
    if (route.kind === 'not-found') return sendError(res, 404, 'NOT_FOUND', `No endpoint at ${req.method} ${url.pathname}`)
    if (route.kind === 'method-not-allowed') {
      return sendError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${url.pathname}`, { allow: route.allowed.join(', ') })
    }

    const { request, dropUnreadBody } = await toWebRequest(req, url, route.method, origin.address)
    const response = await handleEndpoints({ config: payload.config, request, payloadInstanceCacheKey })
    dropUnreadBody()
    if (isDraining(res)) res.setHeader('connection', 'close')
    await sendWebResponse(response, res, { omitBody: req.method === 'HEAD' })
  }

  const answerUnexpectedError = (error: unknown, req: IncomingMessage, res: ServerResponse) => {
    // A client that hung up mid-request is not a server bug.
    if (req.destroyed || res.destroyed) return
    payload.logger.error({ err: error, msg: `API host: unhandled error on ${req.method} ${req.url}` })
    if (res.headersSent) return void res.destroy()
    sendError(res, 500, 'INTERNAL', 'Internal error')
  }

  const router = express.Router()
  router.use((req: ExpressRequest, res: ExpressResponse) => serveClientApi(req, res))
  return (req, res) =>
    router(req as ExpressRequest, res as ExpressResponse, ((error?: unknown) => {
      if (error) answerUnexpectedError(error, req, res)
      else sendError(res, 404, 'NOT_FOUND', `Nothing is served at ${req.method} ${req.url}`)
    }) as NextFunction)
}
