import config from '@payload-config'
import { getPayload } from 'payload'

import { env } from '../env'
import { seed } from './seed'

/** `npm run seed`: empties every collection, then seeds the demo again. */
const payload = await getPayload({ config })
for (const collection of payload.config.collections) {
  await payload.delete({ collection: collection.slug as never, where: { id: { exists: true } }, overrideAccess: true })
}
await seed(payload, { adminPassword: env.seedAdminPassword })
payload.logger.info('Demo data re-seeded.')
await payload.destroy()
process.exit(0)
