export type SigningPluginOptions = {
  /**
   * When false the `signing-keys` collection stays (schema unchanged) but no key is loaded and
   * `GET /api/v1/keys` is not served.
   * @default true
   */
  enabled?: boolean
  /**
   * The active Ed25519 private key as a JWK (JSON text or object), from `SIGNING_PRIVATE_JWK`.
   * Without it a development key is generated once and kept in `<dataDir>/signing-key.json`.
   * @default undefined
   */
  privateJwk?: string | Record<string, unknown>
  /**
   * The key that signed until now, from `SIGNING_PREVIOUS_PRIVATE_JWK`. Used once, at the boot that
   * first sees `privateJwk`, to sign the statement "the new key is trusted"; then it is retired.
   * @default undefined
   */
  previousPrivateJwk?: string | Record<string, unknown>
  /**
   * The next key, staged ahead of a rotation (`SIGNING_NEXT_PRIVATE_JWK`), the same on every
   * instance. It signs nothing until one instance rotates to it (`rotateToStagedKey`); then every
   * instance holding it switches at its next check of the active key, without a restart.
   * @default undefined
   */
  nextPrivateJwk?: string | Record<string, unknown>
  /**
   * How often each instance checks which key is active (ms): the longest another instance keeps
   * signing with the key a rotation retired.
   * @default 5000
   */
  keyRefreshMs?: number
  /**
   * Folder of the development key file (`DATA_DIR`).
   * @default 'data'
   */
  dataDir?: string
}

export const defaultSigningOptions = {
  enabled: true,
  keyRefreshMs: 5_000,
  dataDir: 'data',
} satisfies SigningPluginOptions
