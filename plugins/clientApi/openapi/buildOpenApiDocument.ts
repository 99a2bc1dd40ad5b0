import type { Endpoint } from 'payload'

import { jsonSchemaOf } from './jsonSchemaOf'
import { errorSchema } from './operationParts'

/** The OpenAPI document of the client protocol, built from the endpoints themselves. */
export const buildOpenApiDocument = (endpoints: Endpoint[], serverUrl: string) => {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const endpoint of endpoints) {
    const operation = endpoint.custom?.openapi
    if (!endpoint.path.startsWith('/v1/') || !operation) continue
    const openApiPath = `/api${endpoint.path.replace(/:([a-zA-Z]+)/g, '{$1}')}`
    paths[openApiPath] = { ...paths[openApiPath], [endpoint.method]: operation }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'License & Update Hub client API',
      version: '1.0.0',
      description:
        'What installed ProMonitor apps (V6, V7, collectors, Cockpit) call. Errors are `{ code, message }` with a stable code; decision answers carry `signed`, a compact Ed25519 JWS of the same fields (verify with /api/v1/keys).',
    },
    servers: [{ url: serverUrl }],
    components: {
      schemas: {
        Error: jsonSchemaOf(errorSchema, 'output'),
      },
      securitySchemes: {
        licenseKey: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: '`License <key>`',
        },
        customerApiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: '`customer-users API-Key <key>`',
        },
        resellerApiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: '`resellers API-Key <key>`',
        },
      },
    },
    paths,
  }
}
