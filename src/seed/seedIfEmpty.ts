import type { Payload } from 'payload'

import { env } from '../env'
import { seed } from './seed'
import { seedSummary } from './seedSummary'

/** First start on an empty database: seed it, so a newcomer sees a living system. */
export const seedIfEmpty = async (payload: Payload): Promise<void> => {
  const { totalDocs } = await payload.count({ collection: 'users' })
  if (totalDocs > 0) return
  payload.logger.info('Empty database: seeding demo data…')
  const licenses = await seed(payload, { adminPassword: env.seedAdminPassword })
  payload.logger.info(seedSummary(licenses))
}
