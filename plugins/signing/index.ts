import type { Config } from 'payload'

import { SigningKeys } from './collections/SigningKeys'
import { keysEndpoint } from './endpoints/keys'
import { setActiveSigningKey } from './activeSigningKeys'
import { installSigningKey } from './installSigningKey'
import { importSigningKey, loadDevelopmentPrivateJwk } from './signingKey'
import { defaultSigningOptions, type SigningPluginOptions } from './types'

export { keyFromSecret } from './keyFromSecret'
export { signJws } from './signJws'
export { getPublicKeySet, type PublicKeySet } from './publicKeySet'
export { rotateSigningKey, type RotateSigningKeyArgs } from './rotateSigningKey'
export { generatePrivateJwk } from './signingKey'
export type { SigningPluginOptions } from './types'

/**
 * Ed25519 signing for everything apps base a decision on: loads the active private key at boot
 * (from options, or a development key in the data folder), publishes its public half in
 * `signing-keys`, handles rotation, and serves `GET /api/v1/keys`.
 */
export const signingPlugin =
  (options: SigningPluginOptions = {}) =>
  (config: Config): Config => {
    const settings = { ...defaultSigningOptions, ...options }
    const withCollections: Config = {
      ...config,
      collections: [...(config.collections ?? []), SigningKeys],
    }
    if (!settings.enabled) return withCollections

    return {
      ...withCollections,
      endpoints: [...(config.endpoints ?? []), keysEndpoint],
      onInit: async (payload) => {
        await config.onInit?.(payload)
        const loading = (async () => {
          const key = await importSigningKey(
            settings.privateJwk ?? loadDevelopmentPrivateJwk(settings.dataDir),
            'SIGNING_PRIVATE_JWK',
          )
          const previous = settings.previousPrivateJwk
            ? await importSigningKey(settings.previousPrivateJwk, 'SIGNING_PREVIOUS_PRIVATE_JWK')
            : undefined
          await installSigningKey(payload, key, previous)
          return key
        })()
        setActiveSigningKey(payload, loading)
        await loading
      },
    }
  }
