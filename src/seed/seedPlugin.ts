import type { Config } from 'payload'

import { seedIfEmpty } from './seedIfEmpty'

/**
 * Seeds an empty database once every other plugin has initialised (the seed activates machines,
 * which needs the signing key loaded). Goes last in `plugins`, so its onInit wraps all the others.
 */
export const seedPlugin =
  ({ enabled }: { enabled: boolean }) =>
  (config: Config): Config => {
    if (!enabled) return config
    return {
      ...config,
      onInit: async (payload) => {
        await config.onInit?.(payload)
        await seedIfEmpty(payload)
      },
    }
  }
