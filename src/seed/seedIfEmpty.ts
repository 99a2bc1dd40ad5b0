import type { Payload } from 'payload'

import { env } from '../env'
import { seed } from './seed'

/** First start on an empty database: seed it, so a newcomer sees a living system. */
export const seedIfEmpty = async (payload: Payload): Promise<void> => {
  const { totalDocs } = await payload.count({ collection: 'users' })
  if (totalDocs > 0) return
  payload.logger.info('Empty database: seeding demo data…')
  await seed(payload, { adminPassword: env.seedAdminPassword })
  const password = process.env.SEED_ADMIN_PASSWORD ? 'SEED_ADMIN_PASSWORD' : `"${env.seedAdminPassword}"`
  payload.logger.info(`Seeded. Log into /admin as admin@example.com with password ${password}.`)
}
