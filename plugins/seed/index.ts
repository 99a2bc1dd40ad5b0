import type { Config } from 'payload'

import { seedIfEmpty } from './seedIfEmpty'
import type { SeedPluginOptions } from './types'

export { seed, type SeededLicense } from './seed'
export { logSeedSummary, seedIfEmpty } from './seedIfEmpty'
export { seedSummary } from './seedSummary'
export { demoCustomerPassword } from './people'
export { seededArtifactPackage } from './seededArtifactPackage'
export type { SeedPluginOptions } from './types'

/**
 * Seeds an empty database once every other plugin has initialised (the seed activates machines,
 * which needs the signing key loaded). Goes last in `plugins`, so its onInit wraps all the others.
 */
export const seedPlugin =
  ({ enabled = true, ...settings }: SeedPluginOptions) =>
  (config: Config): Config => {
    if (!enabled) return config
    return {
      ...config,
      onInit: async (payload) => {
        await config.onInit?.(payload)
        await seedIfEmpty(payload, settings)
      },
    }
  }
