import type { ServerResponse } from 'node:http'

import express, { type ErrorRequestHandler, type Express, type Request as ExpressRequest } from 'express'
import { handleEndpoints, type Payload } from 'payload'

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
   * Which proxies' `X-Forwarded-For` to believe (express "trust proxy"); see `trustProxySetting`.
   * @default false — the socket address is the client
   */
  trustProxy?: boolean | number | string
}

// A body nobody reads (a 404, a refusal) is read and dropped by Node itself once the answer is
// sent, so the connection stays usable; one handed to an endpoint is dropped by `dropUnreadBody`.
const sendError = (res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) => {
  const body = JSON.stringify({ code, message })
  if (isDraining(res)) res.setHeader('connection', 'close')
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

/**
 * The request URL with the Host the client used, else localhost. Scheme and client address come
 * from the socket, or, when a proxy is trusted, from its X-Forwarded-* headers (express computes those).
 */
const requestOrigin = (req: ExpressRequest, behindProxy: boolean) => {
  const url = (() => {
    try {
      return new URL(req.originalUrl, `${behindProxy ? req.protocol : 'http'}://${req.headers.host || 'localhost'}`)
    } catch {
      return undefined
    }
  })()
  const clientAddress = (behindProxy ? req.ip : req.socket.remoteAddress) || 'unknown'
  return { url, clientAddress }
}

/**
 * The API host's express app: every `/api/v1/*` request goes to the plugins' own endpoints through
 * Payload's `handleEndpoints` (the same handlers the Next app serves), on an already booted
 * `payload`. Nothing else is served: any other path is 404 `{ code: 'NOT_FOUND' }`.
 */
export const createApiApp = (payload: Payload, { trustProxy = false, ...options }: ApiAppOptions = {}): Express => {
  const payloadInstanceCacheKey = options.payloadInstanceCacheKey ?? payloadInstanceKeyOf(payload)
  const apiRoute = payload.config.routes.api
  const clientApiPrefix = `${apiRoute}/v1/`
  const lookupRoute = createRouteLookup(payload.config.endpoints)

  const app = express()
  app.disable('x-powered-by')
  app.disable('etag')
  app.set('query parser', false)
  app.set('trust proxy', trustProxy)

  const behindProxy = trustProxy !== false
  app.use(async (req, res) => {
    const { url, clientAddress } = requestOrigin(req, behindProxy)
    if (!url) return sendError(res, 400, 'BAD_REQUEST', 'Malformed request URL')
    // Routed on the normalised pathname (`/api/v1/../users` is `/api/users`): exactly what
    // handleEndpoints will see, so nothing outside /api/v1 can be reached.
    if (!url.pathname.startsWith(clientApiPrefix)) {
      return sendError(res, 404, 'NOT_FOUND', `Nothing is served at ${req.method} ${url.pathname}`)
    }
    let route: ReturnType<typeof lookupRoute>
    try {
      route = lookupRoute(req.method, url.pathname.slice(apiRoute.length))
    } catch {
      return sendError(res, 400, 'BAD_REQUEST', 'Malformed escape in the request path')
    }
    if (route.kind === 'not-found') return sendError(res, 404, 'NOT_FOUND', `No endpoint at ${req.method} ${url.pathname}`)
    if (route.kind === 'method-not-allowed') {
      return sendError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${url.pathname}`, { allow: route.allowed.join(', ') })
    }

    const { request, dropUnreadBody } = await toWebRequest(req, url, route.method, clientAddress)
    const response = await handleEndpoints({ config: payload.config, request, payloadInstanceCacheKey })
    dropUnreadBody()
    if (isDraining(res)) res.setHeader('connection', 'close')
    await sendWebResponse(response, res, { omitBody: req.method === 'HEAD' })
  })

  const answerUnexpectedError: ErrorRequestHandler = (error, req, res, _next) => {
    // A client that hung up mid-request is not a server bug.
    if (req.destroyed || res.destroyed) return
    payload.logger.error({ err: error, msg: `API host: unhandled error on ${req.method} ${req.originalUrl}` })
    if (res.headersSent) return void res.destroy()
    sendError(res, 500, 'INTERNAL', 'Internal error')
  }
  app.use(answerUnexpectedError)

  return app
}
