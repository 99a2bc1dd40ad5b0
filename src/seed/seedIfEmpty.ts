import type { Payload } from 'payload'

import { env } from '../env'
import { seed, type SeededLicense } from './seed'
import { seedSummary } from './seedSummary'

/** First start on an empty database: seed it, so a newcomer sees a living system. */
export const seedIfEmpty = async (payload: Payload): Promise<void> => {
  const { totalDocs } = await payload.count({ collection: 'users' })
  if (totalDocs > 0) return
  payload.logger.info('Empty database: seeding demo data…')
  logSeedSummary(payload, await seed(payload, { adminPassword: env.seedAdminPassword }))
}

/** Where to log in, and the demo license keys. */
export const logSeedSummary = (payload: Payload, licenses: SeededLicense[]): void => {
  const passwordHint = process.env.SEED_ADMIN_PASSWORD ? 'SEED_ADMIN_PASSWORD' : `"${env.seedAdminPassword}"`
  payload.logger.info(seedSummary(licenses, { passwordHint, publicUrl: env.publicUrl }))
}
