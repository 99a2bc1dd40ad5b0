import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'

import { bodyLimitFor } from '../http/bodyLimits'
import { capRequestBody } from '../http/capRequestBody'
import { serializedError, writeJsonLogLine } from '../http/logging'
import { requestIdFor, runWithRequestId } from '../http/requestContext'
import { createClientOrigin, type ClientOrigin, type TrustProxy } from './clientOrigin'
import { appSecurityHeaders } from './securityHeaders'

export type AppListenerOptions = {
  /** What serves the request once it is prepared: Next's request handler. */
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>
  /** Which proxies' `X-Forwarded-*` to believe (see `trustProxySetting`). */
  trustProxy: TrustProxy
  /** https adds HSTS. */
  publicUrl: string
  /** @default false */
  dev?: boolean
  /**
   * The server's own lines (a bug Next let through) as JSON, like Payload's (`LOG_FORMAT`).
   * @default false: plain console lines
   */
  jsonLogs?: boolean
  /** The most body bytes a request may send, by its Content-Type and path. @default bodyLimitFor */
  bodyLimit?: (contentType: string | undefined, pathname: string) => number
}

/** Next (and Payload after it) take these as they come: only this server may set them. */
const setForwardedHeaders = (req: IncomingMessage, origin: ClientOrigin): void => {
  req.headers['x-forwarded-for'] = origin.address
  req.headers['x-real-ip'] = origin.address
  req.headers['x-forwarded-proto'] = origin.protocol
  if (!origin.viaTrustedProxy) {
    delete req.headers['x-forwarded-host']
    delete req.headers['x-forwarded-port']
  }
}

const pathnameOf = (url: string | undefined): string => {
  const path = (url ?? '/').split('?', 1)[0]
  try {
    return new URL(path, 'http://localhost').pathname
  } catch {
    return path
  }
}

/**
 * The Next app's request listener, in front of Next: sets the client's address (the socket's, or
 * what a trusted proxy forwarded) as the one `X-Forwarded-For` hop Payload and the rate limits
 * read, caps the body while it streams (413), and puts the security headers on every answer.
 * Each request gets an id (`X-Request-Id`: a trusted proxy's, or a new one), echoed in the answer
 * and carried by every log line written while Next and Payload handle it.
 */
export const createAppListener = ({
  handle,
  trustProxy,
  publicUrl,
  dev = false,
  jsonLogs = false,
  bodyLimit = bodyLimitFor,
}: AppListenerOptions): RequestListener => {
  const originOf = createClientOrigin(trustProxy)
  const securityFor = appSecurityHeaders({ publicUrl, dev })
  return (req, res) => {
    const origin = originOf(req)
    const requestId = requestIdFor(req.headers['x-request-id'], origin.viaTrustedProxy)
    req.headers['x-request-id'] = requestId
    res.setHeader('x-request-id', requestId)
    runWithRequestId(requestId, () => serve(req, res, origin, requestId))
  }

  function serve(
    req: IncomingMessage,
    res: ServerResponse,
    origin: ClientOrigin,
    requestId: string,
  ): void {
    setForwardedHeaders(req, origin)
    const pathname = pathnameOf(req.url)
    const { headers, requestPolicy } = securityFor(pathname)
    for (const name in headers) res.setHeader(name, headers[name])
    if (requestPolicy) req.headers['content-security-policy'] = requestPolicy
    else delete req.headers['content-security-policy']
    if (!capRequestBody(req, res, bodyLimit(req.headers['content-type'], pathname))) return
    handle(req, res).catch((error: unknown) => {
      const message = `Unhandled error on ${req.method} ${pathnameOf(req.url)}`
      if (jsonLogs) writeJsonLogLine('error', message, { err: serializedError(error) })
      else console.error(`${message} (request ${requestId})`, error)
      if (res.headersSent) return void res.destroy()
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ code: 'INTERNAL', message: 'Internal error' }))
    })
  }
}
