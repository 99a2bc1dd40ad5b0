import { getPayload } from 'payload'

import { rotateToStagedKey } from '../plugins/signing'

/**
 * `npm run signing-key:rotate`: rotates to the key staged in SIGNING_NEXT_PRIVATE_JWK, with the
 * same environment as the running instances; they switch to it within SIGNING_KEY_REFRESH_MS.
 */
process.env.SEED_ON_INIT = 'false'
process.env.SCHEDULED_TASKS = 'off'
const { default: config } = await import('../payload.config')
const payload = await getPayload({ config })
let exitCode = 0
try {
  const rotated = await rotateToStagedKey(payload)
  process.stdout.write(`${JSON.stringify(rotated)}\n`)
} catch (error) {
  process.stderr.write(`Not rotated: ${(error as Error).message}\n`)
  exitCode = 1
}
await payload.destroy()
process.exit(exitCode)
