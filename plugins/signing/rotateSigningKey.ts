import type { Payload } from 'payload'

import { installSigningKey } from './installSigningKey'
import { importSigningKey } from './signingKey'

export type RotateSigningKeyArgs = {
  /** The key that signs from now on (private JWK, JSON text or object). */
  newPrivateJwk: string | Record<string, unknown>
  /** The key signing until now; it vouches for the new key once and is retired. */
  previousPrivateJwk: string | Record<string, unknown>
}

/**
 * Rotates the signing key: publishes the new public key with a statement signed by the previous
 * key, retires the previous key, and signs with the new one on this instance from now on. Other
 * instances pick the new key up when restarted with it (SIGNING_PRIVATE_JWK); until then they sign
 * with the previous key, which apps still trust.
 */
export const rotateSigningKey = async (
  payload: Payload,
  { newPrivateJwk, previousPrivateJwk }: RotateSigningKeyArgs,
): Promise<{ kid: string; previousKid: string }> => {
  const key = await importSigningKey(newPrivateJwk, 'New signing key')
  const previous = await importSigningKey(previousPrivateJwk, 'Previous signing key')
  if (key.kid === previous.kid) throw new Error('The new signing key is the previous key')
  await installSigningKey(payload, key, previous)
  return { kid: key.kid, previousKid: previous.kid }
}
