import type { Payload } from 'payload'

type PayloadInstanceCache = Map<string, { payload: Payload | null }>

/**
 * The key under which `getPayload` cached this instance. `handleEndpoints` looks the instance up
 * again by that key on every request, so the host must pass it to reach this very instance (a test
 * boots several, keyed by database URL). Payload keeps its cache on `globalThis._payload`.
 */
export const payloadInstanceKeyOf = (payload: Payload): string => {
  const cache = (globalThis as { _payload?: PayloadInstanceCache })._payload
  for (const [key, entry] of cache ?? []) if (entry.payload === payload) return key
  throw new Error(
    'The API host needs a Payload instance created by getPayload() (it is looked up again per request).',
  )
}

/** Drops a destroyed instance from that cache, so a later `getPayload` boots a fresh one. */
export const forgetPayloadInstance = (payload: Payload): void => {
  const cache = (globalThis as { _payload?: PayloadInstanceCache })._payload
  for (const [key, entry] of cache ?? []) if (entry.payload === payload) cache?.delete(key)
}
