import { clientEndpoint } from '../../clientApi'
import { getPublicKeySet } from '../publicKeySet'
import { bufferedJson } from '../../shared/bufferedResponse'

const publicJwkSchema = {
  type: 'object',
  required: ['kty', 'crv', 'x', 'kid', 'alg', 'use'],
  properties: {
    kty: { const: 'OKP' },
    crv: { const: 'Ed25519' },
    x: { type: 'string', description: 'Public key, base64url' },
    kid: { type: 'string', description: 'RFC 7638 thumbprint' },
    alg: { const: 'EdDSA' },
    use: { const: 'sig' },
  },
}

/** `GET /api/v1/keys`: the public keys apps verify signed objects with, and the rotation chain. */
export const keysEndpoint = clientEndpoint({
  path: '/v1/keys',
  method: 'get',
  openapi: {
    summary: 'Public signing keys (JWKS) and key statements',
    description:
      'Every key that signs or signed (retired keys stay so old objects verify) and the rotation chain: each statement is a `key+jws` signed by the older key with payload `{ kid, jwk, iat }`, meaning "kid is trusted". An app accepts a new key only through a statement from a key it already trusts.',
    tags: ['keys'],
    responses: {
      200: {
        description: 'The key set',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['keys', 'statements'],
              properties: {
                keys: { type: 'array', items: publicJwkSchema },
                statements: { type: 'array', items: { type: 'string', description: 'Compact JWS, typ key+jws' } },
              },
            },
          },
        },
      },
    },
  },
  handler: async (req) =>
    bufferedJson(await getPublicKeySet(req.payload), { headers: { 'Cache-Control': 'public, max-age=300' } }),
})
