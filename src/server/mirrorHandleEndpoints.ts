import {
  APIError,
  createPayloadRequest,
  formatErrors,
  handleEndpoints,
  headersWithCors,
  logError,
  mergeHeaders,
  type Endpoint,
  type Payload,
  type PayloadRequest,
} from 'payload'

import { routeTableOf } from '../../plugins/clientApi'
import { BufferedResponse } from '../http/answers'
import type { WebAnswer } from '../http/sendWebResponse'

export type { WebAnswer }

/**
 * Matching threw (a bad escape) or reached a pattern Payload could not compile: let
 * `handleEndpoints` answer it its own way.
 */
const noDecision = Symbol('no decision')

/** Statuses a web `Response` refuses a body for (undici's null body statuses). */
const nullBodyStatuses = new Set([101, 204, 205, 304])

/**
 * `isErrorPublic` of payload/dist/utilities (not exported): which error messages a client may read.
 */
const isErrorPublic = (
  error: { isPublic?: boolean; status?: number },
  config: Payload['config'],
): boolean => {
  if (config.debug) return true
  if (error.isPublic === true) return true
  if (error.isPublic === false) return false
  return Boolean(error.status && error.status !== 500)
}

/**
 * `routeError` of payload/dist/utilities (not exported), for an error a root endpoint's handler
 * threw: logged, its message shown only when public, `config.hooks.afterError` may rewrite it.
 */
const routeError = async (
  config: Payload['config'],
  error: unknown,
  req: PayloadRequest,
): Promise<Response> => {
  const err = error as Error & { status?: number; isPublic?: boolean; payloadInitError?: boolean }
  if (err.payloadInitError === true) {
    console.error(err)
    return Response.json({ message: 'There was an error initializing Payload' }, { status: 500 })
  }
  const { payload } = req
  let response: Record<string, unknown> = formatErrors(err as APIError)
  let status = err.status || 500
  logError({ err, payload })
  const headers = headersWithCors({ headers: new Headers(), req })
  if (!isErrorPublic(err, payload.config))
    response = formatErrors(new APIError('Something went wrong.'))
  if (payload.config.debug === true) response.stack = err.stack
  await payload.config.hooks?.afterError?.reduce(async (previous, hook) => {
    await previous
    const result = await hook({
      collection: undefined,
      context: req.context,
      error: err,
      req,
      result: response,
    } as Parameters<typeof hook>[0])
    if (result) {
      response = result.response || response
      status = result.status || status
    }
  }, Promise.resolve())
  return Response.json(response, {
    headers: req.responseHeaders ? mergeHeaders(req.responseHeaders, headers) : headers,
    status,
  })
}

// Everything here mirrors Payload's own dispatch (payload/dist/utilities/handleEndpoints and
// routeError, not exported); test/server/mirrorHandleEndpoints.spec.ts compares the two answer for
// answer and fails when a Payload upgrade changes what is mirrored.

/**
 * Payload's `handleEndpoints` for root (`config.endpoints`) endpoints, with every endpoint's path
 * pattern compiled once here instead of on every request. For a request it decides, it does
 * exactly what `handleEndpoints` does: the same `createPayloadRequest` (auth strategies, i18n,
 * query, data loader), the first endpoint in config order whose method and path match,
 * `req.routeParams`, the handler, its headers merged with `req.responseHeaders` and CORS, and a
 * thrown error answered as `routeError` answers it. Anything else (a method override, a path under
 * a collection or global, no match, an OPTIONS preflight) goes to `handleEndpoints` itself.
 */
export const mirrorHandleEndpoints = (payload: Payload, payloadInstanceCacheKey: string) => {
  const { config } = payload
  const apiRoute = config.routes.api
  const routes = routeTableOf(config.endpoints || [])
  // handleEndpoints strips `NEXT_BASE_PATH + routes.api` (formatAdminURL); with a base path the
  // table stays out of the way.
  const isTableUsable = !process.env.NEXT_BASE_PATH

  const handleWithPayload = (request: Request): Promise<Response> =>
    handleEndpoints({ config, request, payloadInstanceCacheKey })

  /**
   * The endpoint `handleEndpoints` would pick for this method and path under the API route, with
   * its params.
   */
  const find = (
    method: string,
    apiPath: string,
  ): { endpoint: Endpoint; params: Record<string, unknown> } | typeof noDecision | undefined => {
    const wanted = method.toLowerCase()
    for (const route of routes) {
      if (route.method !== wanted) continue
      if (!route.matches) return noDecision
      let result: ReturnType<NonNullable<typeof route.matches>>
      try {
        result = route.matches(apiPath)
      } catch {
        return noDecision
      }
      if (result) return { endpoint: route.endpoint, params: result.params }
    }
    return undefined
  }

  /** The answer to `request`, whose URL's pathname is `pathname`. */
  return async (request: Request, pathname: string): Promise<WebAnswer> => {
    if (!isTableUsable || !pathname.startsWith(apiRoute) || pathname === apiRoute)
      return handleWithPayload(request)
    if (
      request.method === 'POST' &&
      (request.headers.get('X-Payload-HTTP-Method-Override') === 'GET' ||
        request.headers.get('X-HTTP-Method-Override') === 'GET')
    ) {
      return handleWithPayload(request)
    }
    const apiPath = pathname.slice(apiRoute.length)
    // A path under a collection or a global is matched against that collection's or global's
    // endpoints.
    const firstSegment = apiPath.slice(1).split('/', 1)[0]
    if (
      apiPath.startsWith('/globals') ||
      (firstSegment && (payload.collections as Record<string, unknown>)[firstSegment])
    )
      return handleWithPayload(request)
    const found = find(request.method, apiPath)
    if (found === undefined || found === noDecision) return handleWithPayload(request)

    let req: PayloadRequest
    try {
      req = await createPayloadRequest({
        canSetHeaders: true,
        config,
        payloadInstanceCacheKey,
        request,
      })
    } catch {
      // Nothing of the endpoint ran yet: Payload answers a request it could not even set up its own
      // way.
      return handleWithPayload(request)
    }
    try {
      req.routeParams = found.params
      const response = await found.endpoint.handler(req)
      // handleEndpoints copies the answer into a new Response, which refuses these: same failure
      // here.
      if (response.status < 200 || response.status > 599)
        throw new RangeError(`init["status"] must be in the range of 200 to 599, inclusive.`)
      const isBuffered = response instanceof BufferedResponse
      const wholeBody = isBuffered && !response.buffered.used ? response.buffered.take() : undefined
      // A BufferedResponse read already still hands handleEndpoints a stream of its bytes.
      const body = wholeBody ? null : response.body
      if (!wholeBody && (body?.locked || (!isBuffered && response.bodyUsed)))
        throw new TypeError('Response body object should not be disturbed or locked')
      if ((wholeBody || body) && nullBodyStatuses.has(response.status))
        throw new TypeError(`Response constructor: Invalid response status code ${response.status}`)
      return {
        status: response.status,
        statusText: response.statusText,
        headers: headersWithCors({
          headers: mergeHeaders(req.responseHeaders ?? new Headers(), response.headers),
          req,
        }),
        body,
        wholeBody,
      }
    } catch (error) {
      return routeError(config, error, req)
    }
  }
}
