import type { Config } from 'payload'

import { SigningKeys } from './collections/SigningKeys'
import { keysEndpoint } from './endpoints/keys'
import { activeKidInDatabase } from './activeKid'
import { setActiveSigningKey } from './activeSigningKeys'
import { startFollowingActiveSigningKey } from './followActiveSigningKey'
import { installSigningKey } from './installSigningKey'
import { stageSigningKey } from './stagedSigningKey'
import { importSigningKey, loadDevelopmentPrivateJwk } from './signingKey'
import { defaultSigningOptions, type SigningPluginOptions } from './types'

export { keyFromSecret } from './keyFromSecret'
export { signJws, signJwsOfJson } from './signJws'
export { getPublicKeySet, type PublicKeySet } from './publicKeySet'
export { rotateSigningKey, type RotateSigningKeyArgs } from './rotateSigningKey'
export { rotateToStagedKey } from './rotateToStagedKey'
export { followActiveSigningKey, stopFollowingActiveSigningKey } from './followActiveSigningKey'
export { generatePrivateJwk } from './signingKey'
export type { SigningPluginOptions } from './types'

/**
 * Ed25519 signing for everything apps base a decision on: loads the active private key at boot
 * (from options, or a development key in the data folder), publishes its public half in
 * `signing-keys`, handles rotation (at boot, or to a staged next key that every instance follows
 * without a restart), and serves `GET /api/v1/keys`.
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
          const next = settings.nextPrivateJwk
            ? await importSigningKey(settings.nextPrivateJwk, 'SIGNING_NEXT_PRIVATE_JWK')
            : undefined
          if (next?.kid === key.kid)
            throw new Error('SIGNING_NEXT_PRIVATE_JWK is the current key: stage a new one')
          // Rotated to the staged key while this instance was down: sign with it, as the running
          // instances do, until the environment names it SIGNING_PRIVATE_JWK.
          if (next && (await activeKidInDatabase(payload)) === next.kid) {
            await installSigningKey(payload, next)
            return next
          }
          await installSigningKey(payload, key, previous)
          stageSigningKey(payload, next)
          return key
        })()
        setActiveSigningKey(payload, loading)
        await loading
        startFollowingActiveSigningKey(payload, settings.keyRefreshMs)
      },
    }
  }
