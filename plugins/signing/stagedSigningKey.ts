import type { Payload } from 'payload'

import type { SigningKey } from './signingKey'

/** The next key each instance holds ahead of a rotation (SIGNING_NEXT_PRIVATE_JWK), in memory. */
const stagedKeys = new WeakMap<Payload, SigningKey>()

export const stageSigningKey = (payload: Payload, key: SigningKey | undefined): void => {
  if (key) stagedKeys.set(payload, key)
  else stagedKeys.delete(payload)
}

export const stagedSigningKey = (payload: Payload): SigningKey | undefined =>
  stagedKeys.get(payload)
