import type { Endpoint, PayloadRequest } from 'payload'

import { ClientError, errorResponse } from './clientError'

export type OpenApiOperation = Record<string, unknown>

export type ClientEndpointOptions = {
  path: `/v1/${string}`
  method: Endpoint['method']
  /** This endpoint's OpenAPI operation object; `/api/v1/openapi.json` is built from these. */
  openapi: OpenApiOperation
  handler: (req: PayloadRequest) => Promise<Response>
}

/**
 * A client-protocol endpoint (under /api/v1). A documented refusal becomes `{ code, message }`
 * with its status; anything else is a bug, logged, and answered 500 `INTERNAL` without details.
 */
export const clientEndpoint = ({ path, method, openapi, handler }: ClientEndpointOptions): Endpoint => ({
  path,
  method,
  custom: { openapi },
  handler: async (req) => {
    try {
      return await handler(req)
    } catch (error) {
      if (error instanceof ClientError) return errorResponse(error)
      req.payload.logger.error({ err: error, msg: `Unhandled error in ${method.toUpperCase()} /api${path}` })
      return Response.json({ code: 'INTERNAL', message: 'Internal error' }, { status: 500 })
    }
  },
})
