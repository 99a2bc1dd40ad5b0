import { getPayload } from 'payload'

import { env } from '../src/env'
import { logSeedSummary, seed } from '../plugins/seed'

/** `npm run seed`: empties every collection, then seeds the demo again. */
process.env.SEED_ON_INIT = 'false'
const { default: config } = await import('../payload.config')
const payload = await getPayload({ config })
// Collections point at each other (releases → products, licenses → customers): empty them in
// passes until every one is empty, so the order of the config does not matter.
let remaining: string[] = payload.config.collections.map((collection) => collection.slug)
while (remaining.length > 0) {
  const failed: string[] = []
  for (const slug of remaining) {
    const { errors } = await payload.delete({
      collection: slug as never,
      where: { id: { exists: true } },
      overrideAccess: true,
    })
    if (errors.length > 0) failed.push(slug)
  }
  if (failed.length === remaining.length) throw new Error(`Could not empty: ${failed.join(', ')}`)
  remaining = failed
}
logSeedSummary(payload, await seed(payload, { adminPassword: env.seedAdminPassword }), {
  adminPassword: env.seedAdminPassword,
  publicUrl: env.publicUrl,
  passwordHint: env.seedPasswordHint,
})
await payload.destroy()
process.exit(0)
