import type { IncomingHttpHeaders } from 'node:http'

import type { Endpoint, Payload } from 'payload'

import type { WholeAnswer } from '../../src/http/answers'

/**
 * What a fast answer may read of a request. No PayloadRequest is built for it: no user, no i18n, no
 * parsed query.
 */
export type FastRequest = {
  payload: Payload
  searchParams: URLSearchParams
  /** The request's headers by lowercase name (node:http's, repeated ones joined with ", "). */
  headers: Readonly<IncomingHttpHeaders>
  /** The whole body (empty for GET and HEAD, or when none was sent). */
  body: Uint8Array
}

/**
 * An endpoint's answer without a PayloadRequest (a cache hit, or an endpoint that needs nothing
 * of one), or undefined to take the whole way through its handler, which must answer the same.
 */
export type FastAnswer = (
  request: FastRequest,
) => WholeAnswer | undefined | Promise<WholeAnswer | undefined>

/** The fast answer a `clientEndpoint` declared (`custom.fastAnswer`), if any. */
export const fastAnswerOf = (endpoint: Endpoint): FastAnswer | undefined => {
  const declared = (endpoint.custom as { fastAnswer?: unknown } | undefined)?.fastAnswer
  return typeof declared === 'function' ? (declared as FastAnswer) : undefined
}
