import type { Payload } from 'payload'

import { activeSigningKey } from './activeSigningKeys'
import { installSigningKey } from './installSigningKey'
import { stagedSigningKey, stageSigningKey } from './stagedSigningKey'

/**
 * Rotates to the staged next key (SIGNING_NEXT_PRIVATE_JWK): the key signing until now vouches
 * for it in a `key+jws` statement and is retired, this instance signs with the new key at once,
 * and every other instance holding the same staged key follows at its next check.
 */
export const rotateToStagedKey = async (
  payload: Payload,
): Promise<{ kid: string; previousKid: string }> => {
  const staged = stagedSigningKey(payload)
  if (!staged)
    throw new Error(
      'No key is staged: set SIGNING_NEXT_PRIVATE_JWK to the next key on every instance first',
    )
  const current = await activeSigningKey(payload)
  await installSigningKey(payload, staged, current)
  stageSigningKey(payload, undefined)
  return { kid: staged.kid, previousKid: current.kid }
}
