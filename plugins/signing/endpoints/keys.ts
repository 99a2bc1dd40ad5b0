import { z } from 'zod'

import { clientEndpoint, documentedAnswer } from '../../clientApi'
import { getPublicKeySet } from '../publicKeySet'
import { jsonResponse } from '../../../src/http/answers'

const publicJwk = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().meta({ description: 'Public key, base64url' }),
  kid: z.string().meta({ description: 'RFC 7638 thumbprint' }),
  alg: z.literal('EdDSA'),
  use: z.literal('sig'),
})

const keySetAnswer = z.object({
  keys: z.array(publicJwk),
  statements: z.array(z.string().meta({ description: 'Compact JWS, typ key+jws' })),
})

/** `GET /api/v1/keys`: the public keys apps verify signed objects with, and the rotation chain. */
export const keysEndpoint = clientEndpoint({
  path: '/v1/keys',
  method: 'get',
  openapi: {
    summary: 'Public signing keys (JWKS) and key statements',
    description:
      'Every key that signs or signed (retired keys stay so old objects verify) and the rotation chain: each statement is a `key+jws` signed by the older key with payload `{ kid, jwk, iat }`, meaning "kid is trusted". An app accepts a new key only through a statement from a key it already trusts.',
    tags: ['keys'],
    responses: { 200: documentedAnswer('The key set', keySetAnswer) },
  },
  handler: async (req) =>
    jsonResponse(await getPublicKeySet(req.payload), {
      headers: { 'Cache-Control': 'public, max-age=300' },
    }),
})
