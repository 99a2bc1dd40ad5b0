import { hkdfSync } from 'node:crypto'

import type { Payload } from 'payload'

const keys = new WeakMap<Payload, Map<string, Uint8Array>>()

/**
 * A 32-byte HMAC key for one purpose (`info`, e.g. "artifact-download-token v1"), derived from
 * the Payload secret with HKDF-SHA256: each kind of token gets its own key, and none is the secret
 * itself. Derived once per Payload instance and purpose.
 */
export const keyFromSecret = (payload: Payload, info: string): Uint8Array => {
  let byPurpose = keys.get(payload)
  if (!byPurpose) keys.set(payload, (byPurpose = new Map()))
  let key = byPurpose.get(info)
  if (!key) {
    key = new Uint8Array(hkdfSync('sha256', payload.secret, 'license-update-hub', info, 32))
    byPurpose.set(info, key)
  }
  return key
}
