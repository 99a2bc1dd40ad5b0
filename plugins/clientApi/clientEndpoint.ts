import type { Endpoint, Payload, PayloadRequest } from 'payload'

import { jsonAnswer, responseOf } from '../../src/http/answers'
import { ClientError, errorAnswer, errorResponse } from '../../src/http/clientError'
import type { FastAnswer } from './fastAnswer'
import { refusal } from './openapi/operationParts'
import { clientAddress, createRateLimiter, rateLimitStoreOf, type RateLimiter } from './rateLimit'

export type OpenApiOperation = Record<string, unknown>

export type ClientEndpointOptions = {
  path: `/v1/${string}`
  method: Endpoint['method']
  /** This endpoint's OpenAPI operation object; `/api/v1/openapi.json` is built from these. */
  openapi: OpenApiOperation
  handler: (req: PayloadRequest) => Promise<Response>
  /**
   * Requests one client address may make per window (every instance together when `REDIS_URL` is
   * set, else per instance); over it: 429 `RATE_LIMITED`.
   */
  rateLimit?: { limit: number; windowMs: number }
  /**
   * The answer without a PayloadRequest (a cache hit, or an endpoint that needs nothing of one),
   * or undefined to run `handler`, which must answer the same. Only the API host asks it, and only
   * for a request that carries no credentials (no Authorization, no Cookie) and no Origin, so
   * nothing `createPayloadRequest` adds (a user, refreshed cookies) could change the answer, and
   * whose body, if any, it has read whole; the host adds Payload's CORS headers itself. A thrown
   * ClientError or bug is answered as the handler's would be. Kept as `custom.fastAnswer`. Not
   * for an endpoint with a rate limit, which the handler applies.
   */
  fastAnswer?: FastAnswer
}

/**
 * A client-protocol endpoint (under /api/v1). A documented refusal becomes `{ code, message }`
 * with its status; anything else is a bug, logged, and answered 500 `INTERNAL` without details.
 */
export const clientEndpoint = ({
  path,
  method,
  openapi,
  handler,
  rateLimit,
  fastAnswer,
}: ClientEndpointOptions): Endpoint => {
  if (fastAnswer && rateLimit)
    throw new Error(
      `${method.toUpperCase()} /api${path}: a fast answer skips the handler, and with it the rate limit`,
    )
  const unhandled = (payload: Payload, error: unknown) => {
    payload.logger.error({
      err: error,
      msg: `Unhandled error in ${method.toUpperCase()} /api${path}`,
    })
    return jsonAnswer({ code: 'INTERNAL', message: 'Internal error' }, { status: 500 })
  }
  // Refusals and bugs are answered as the handler answers them. An answer ready at once (a cache
  // hit) stays synchronous: the host then writes it without a single promise.
  const refused = (payload: Payload, error: unknown) =>
    error instanceof ClientError ? errorAnswer(error) : unhandled(payload, error)
  const guardedFastAnswer: FastAnswer | undefined =
    fastAnswer &&
    ((request) => {
      try {
        const answer = fastAnswer(request)
        return answer instanceof Promise
          ? answer.catch((error: unknown) => refused(request.payload, error))
          : answer
      } catch (error) {
        return refused(request.payload, error)
      }
    })
  const limiters = new WeakMap<object, RateLimiter>()
  const limitAddress = async (req: PayloadRequest) => {
    if (!rateLimit) return
    let limiter = limiters.get(req.payload)
    if (!limiter)
      limiters.set(
        req.payload,
        (limiter = createRateLimiter({
          ...rateLimit,
          name: `${method}:${path}`,
          redis: rateLimitStoreOf(req.payload),
        })),
      )
    await limiter(clientAddress(req))
  }
  const documented = {
    ...openapi,
    responses: {
      ...(openapi.responses as object),
      ...(openapi.requestBody
        ? { 413: refusal('`PAYLOAD_TOO_LARGE`: the body is over the size limit (read no further)') }
        : {}),
      ...(rateLimit
        ? { 429: refusal('`RATE_LIMITED`: too many requests from this address (see Retry-After)') }
        : {}),
    },
  }
  return {
    path,
    method,
    custom: {
      openapi: documented,
      ...(guardedFastAnswer ? { fastAnswer: guardedFastAnswer } : {}),
    },
    handler: async (req) => {
      try {
        await limitAddress(req)
        return await handler(req)
      } catch (error) {
        return error instanceof ClientError
          ? errorResponse(error)
          : responseOf(unhandled(req.payload, error))
      }
    },
  }
}
