import type { Config, Endpoint } from 'payload'

import { jsonResponse } from '../../src/http/answers'
import { buildOpenApiDocument } from './openapi/buildOpenApiDocument'
import { rateLimitStoreOf, type ClientApiSettings } from './rateLimit'

export { ClientError, badRequest, errorResponse } from '../../src/http/clientError'
export { clientEndpoint, type ClientEndpointOptions } from './clientEndpoint'
export { clientRateLimits } from './clientRateLimits'
export { fastAnswerOf, type FastAnswer, type FastRequest } from './fastAnswer'
export {
  clientAddress,
  clientAddressOf,
  closeRateLimitStore,
  createRateLimiter,
  rateLimitStoreOf,
  type RateLimiter,
} from './rateLimit'
export { multiLineText, plainText } from './plainText'
export { parseJsonBody, readJsonBody, readQuery, maxBodyBytes } from '../../src/http/readJsonBody'
export { createRouteLookup, type RouteLookup } from './routeLookup'
export { routeTableOf, type Route } from './routeTable'
export { withClientMethods } from './withClientMethods'
export {
  idSchema,
  documentedAnswer,
  jsonBody,
  nonceMeta,
  queryParameters,
  refusal,
  signedField,
} from './openapi/operationParts'

export type ClientApiPluginOptions = {
  /** The hub's public URL: the OpenAPI document's server. */
  publicUrl: string
  /**
   * `REDIS_URL`: the client endpoints' rate limits are one budget for every instance using this
   * Redis (each falls back to its own memory while Redis is down).
   * @default undefined — each instance limits in its own memory
   */
  redisUrl?: string
}

/**
 * The client protocol's shared parts: serves `/api/v1/openapi.json`, built from every `/v1`
 * endpoint's own `custom.openapi`, and keeps the rate limits' store. Put it last in `plugins` so
 * it sees the others' endpoints.
 */
export const clientApiPlugin =
  ({ publicUrl, redisUrl }: ClientApiPluginOptions) =>
  (config: Config): Config => {
    const settings: ClientApiSettings = { redisUrl }
    const openApiEndpoint: Endpoint = {
      path: '/v1/openapi.json',
      method: 'get',
      handler: async (req) =>
        jsonResponse(buildOpenApiDocument(req.payload.config.endpoints, publicUrl), {
          headers: { 'Cache-Control': 'public, max-age=300' },
        }),
    }
    return {
      ...config,
      custom: { ...config.custom, clientApi: settings },
      endpoints: [...(config.endpoints ?? []), openApiEndpoint],
      onInit: async (payload) => {
        await config.onInit?.(payload)
        // Connect at boot, so the first limited request already counts in Redis.
        rateLimitStoreOf(payload)
      },
    }
  }
