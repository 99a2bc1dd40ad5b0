import type { Config } from 'payload'

import { healthEndpoint } from './endpoints/health'
import { readyEndpoint } from './endpoints/ready'
import { defaultHealthOptions, type HealthPluginOptions } from './types'

export { checkReadiness, type Readiness } from './checkReadiness'
export type { HealthPluginOptions, SchemaSource } from './types'

/**
 * Health for load balancers and orchestrators, on both hosts: `GET /api/v1/health` (liveness)
 * and `GET /api/v1/health/ready` (the database answers and its schema is this build's).
 */
export const healthPlugin =
  (options: HealthPluginOptions = {}) =>
  (config: Config): Config => {
    const settings = { ...defaultHealthOptions, ...options }
    if (!settings.enabled) return config
    return {
      ...config,
      endpoints: [
        ...(config.endpoints ?? []),
        healthEndpoint,
        readyEndpoint({
          schemaSource: settings.schemaSource,
          timeoutMs: settings.databaseTimeoutMs,
        }),
      ],
    }
  }
