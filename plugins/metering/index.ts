import type { CollectionConfig, Config } from 'payload'

import { UsageRecords } from './collections/UsageRecords'
import { usageEndpoint } from './endpoints/usage'
import { usageBatchEndpoint } from './endpoints/usageBatch'
import { removeUsageRecords } from './hooks/removeUsageRecords'
import { meteringLicenseFields } from './licenseFields'
import { defaultMeteringOptions, type MeteringPluginOptions } from './types'

export { recordUsage, usageCodes, type UsageCode, type UsageDecision } from './recordUsage'
export { usageSummary, type UsageSummary } from './usageSummary'
export { spendInTransaction, type MeteredUse, type SpendOutcome } from './spendCredits'
export type { MeteringPluginOptions } from './types'

const withMeteringFields = (collection: CollectionConfig): CollectionConfig =>
  collection.slug === 'licenses'
    ? {
        ...collection,
        fields: [...collection.fields, ...meteringLicenseFields],
        hooks: {
          ...collection.hooks,
          beforeDelete: [...(collection.hooks?.beforeDelete ?? []), removeUsageRecords],
        },
      }
    : collection

/**
 * Usage metering: on-usage licenses spend credits through `POST /api/v1/usage` (and `/batch`),
 * each use recorded once, with low and exhausted credit alerts.
 */
export const meteringPlugin =
  (options: MeteringPluginOptions = {}) =>
  (config: Config): Config => {
    const { enabled, ...settings } = { ...defaultMeteringOptions, ...options }
    const withCollections: Config = {
      ...config,
      collections: [...(config.collections ?? []).map(withMeteringFields), UsageRecords],
      custom: {
        ...config.custom,
        metering: { ...settings, publicUrl: settings.publicUrl.replace(/\/$/, '') },
      },
    }
    if (!enabled) return withCollections
    return {
      ...withCollections,
      endpoints: [...(config.endpoints ?? []), usageEndpoint, usageBatchEndpoint],
    }
  }
