import type { Payload } from 'payload'

import type { PublicSigningKey } from '../../src/lib/protocol'

export type PublicKeySet = { keys: PublicSigningKey[]; statements: string[] }

type CachedSet = { set: Promise<PublicKeySet>; loadedAt: number }

/** The set changes only at rotation; apps fetch it rarely, so a short in-memory cache is plenty. */
const cacheMs = 30_000
const cache = new WeakMap<Payload, CachedSet>()

const loadPublicKeySet = async (payload: Payload): Promise<PublicKeySet> => {
  const { docs } = await payload.find({
    collection: 'signing-keys',
    pagination: false,
    sort: 'createdAt',
    depth: 0,
    overrideAccess: true,
  })
  return {
    keys: docs.map((doc) => doc.publicJwk as PublicSigningKey),
    statements: docs.flatMap((doc) => (doc.statement ? [doc.statement] : [])),
  }
}

/**
 * Every public key apps may trust (the active one and retired ones: what they signed stays
 * verifiable) and the key statements chaining each new key to the one before (`GET /api/v1/keys`).
 */
export const getPublicKeySet = async (payload: Payload): Promise<PublicKeySet> => {
  const cached = cache.get(payload)
  if (cached && Date.now() - cached.loadedAt < cacheMs) return cached.set
  const set = loadPublicKeySet(payload)
  cache.set(payload, { set, loadedAt: Date.now() })
  set.catch(() => cache.delete(payload))
  return set
}

export const forgetPublicKeySet = (payload: Payload): void => {
  cache.delete(payload)
}
