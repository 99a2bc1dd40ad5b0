import type { Config } from 'payload'

import { Resellers } from './collections/Resellers'
import { makeResellerEndpoints } from './endpoints/resellerLicenses'
import { defaultResellersOptions, type ResellersPluginOptions } from './types'

export {
  createResellerLicense,
  type ResellerLicenseRequest,
  type ResellerLicenseAnswer,
} from './createResellerLicense'
export { listResellerLicenses } from './listResellerLicenses'
export type { ResellersPluginOptions } from './types'

/** Resellers (e.g. DataDog): API-key accounts that create licenses for their subscribers. */
export const resellersPlugin =
  (options: ResellersPluginOptions = {}) =>
  (config: Config): Config => {
    const settings = { ...defaultResellersOptions, ...options }
    const withCollections: Config = {
      ...config,
      collections: [...(config.collections ?? []), Resellers],
    }
    if (!settings.enabled) return withCollections
    return {
      ...withCollections,
      endpoints: [
        ...(config.endpoints ?? []),
        ...makeResellerEndpoints({ defaultDays: settings.defaultDays }),
      ],
    }
  }
