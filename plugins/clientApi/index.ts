import type { Config, Endpoint } from 'payload'

import { jsonResponse } from '../../src/http/answers'
import { buildOpenApiDocument } from './openapi/buildOpenApiDocument'

export { ClientError, badRequest, errorResponse } from '../../src/http/clientError'
export { clientEndpoint, type ClientEndpointOptions } from './clientEndpoint'
export { clientRateLimits } from './clientRateLimits'
export { fastAnswerOf, type FastAnswer, type FastRequest } from './fastAnswer'
export { clientAddress, clientAddressOf, createRateLimiter } from './rateLimit'
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

/**
 * The client protocol's shared parts: serves `/api/v1/openapi.json`, built from every `/v1`
 * endpoint's own `custom.openapi`. Put it last in `plugins` so it sees the others' endpoints.
 */
export const clientApiPlugin =
  ({ publicUrl }: { publicUrl: string }) =>
  (config: Config): Config => {
    const openApiEndpoint: Endpoint = {
      path: '/v1/openapi.json',
      method: 'get',
      handler: async (req) =>
        jsonResponse(buildOpenApiDocument(req.payload.config.endpoints, publicUrl), {
          headers: { 'Cache-Control': 'public, max-age=300' },
        }),
    }
    return { ...config, endpoints: [...(config.endpoints ?? []), openApiEndpoint] }
  }
