import type { Payload } from 'payload'

import type { SigningKey } from './signingKey'

/**
 * The active private key of each Payload instance, held in memory only (imported once at boot,
 * so signing costs no lookup). A promise, so a signature requested while boot is still loading
 * the key waits for it instead of failing.
 */
// Kept on globalThis: the production build bundles this module once per route (the API route, each
// portal page), while Payload is one instance shared by all of them; the boot that loads the key
// runs in whichever bundle starts Payload first, and a page signing a license file must see it.
const registryName = Symbol.for('license-update-hub.activeSigningKeys')
const registry = globalThis as typeof globalThis & {
  [registryName]?: WeakMap<Payload, Promise<SigningKey>>
}
const activeKeys = (registry[registryName] ??= new WeakMap<Payload, Promise<SigningKey>>())
/** The same keys once loaded, so a signature need not wait a turn for a settled promise. */
const loadedName = Symbol.for('license-update-hub.loadedSigningKeys')
const loadedRegistry = globalThis as typeof globalThis & {
  [loadedName]?: WeakMap<Payload, SigningKey>
}
const loadedKeys = (loadedRegistry[loadedName] ??= new WeakMap<Payload, SigningKey>())

export const setActiveSigningKey = (
  payload: Payload,
  key: Promise<SigningKey> | SigningKey,
): void => {
  const pending = Promise.resolve(key)
  // Boot reports a failed load itself; keep an unobserved rejection from crashing the process.
  pending.catch(() => {})
  loadedKeys.delete(payload)
  activeKeys.set(payload, pending)
  pending.then(
    (loaded) => {
      if (activeKeys.get(payload) === pending) loadedKeys.set(payload, loaded)
    },
    () => {},
  )
}

/** The active key if it is loaded already, else undefined (then wait for `activeSigningKey`). */
export const loadedSigningKey = (payload: Payload): SigningKey | undefined =>
  loadedKeys.get(payload)

export const activeSigningKey = (payload: Payload): Promise<SigningKey> => {
  const key = activeKeys.get(payload)
  if (!key) throw new Error('No signing key is loaded: is signingPlugin in the config and enabled?')
  return key
}
