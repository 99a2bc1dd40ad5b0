/** A public Ed25519 signing key as the server publishes it (`/api/v1/keys`) and apps pin it. */
export type PublicSigningKey = {
  kty: 'OKP'
  crv: 'Ed25519'
  x: string
  kid: string
  alg: 'EdDSA'
  use: 'sig'
}
