import type { Payload } from 'payload'

import { seed, type SeededLicense } from './seed'
import { seedSummary } from './seedSummary'
import type { SeedPluginOptions } from './types'

type SeedSettings = Omit<SeedPluginOptions, 'enabled'>

/** First start on an empty database: seed it, so a newcomer sees a living system. */
export const seedIfEmpty = async (payload: Payload, settings: SeedSettings): Promise<void> => {
  const { totalDocs } = await payload.count({ collection: 'users' })
  if (totalDocs > 0) return
  payload.logger.info('Empty database: seeding demo data…')
  logSeedSummary(payload, await seed(payload, { adminPassword: settings.adminPassword }), settings)
}

/** Where to log in, and the demo license keys. */
export const logSeedSummary = (
  payload: Payload,
  licenses: SeededLicense[],
  { adminPassword, publicUrl, passwordHint }: SeedSettings,
): void => {
  payload.logger.info(
    seedSummary(licenses, { passwordHint: passwordHint ?? `"${adminPassword}"`, publicUrl }),
  )
}
