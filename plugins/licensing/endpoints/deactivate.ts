import { SignedKind } from '../../../src/lib/protocol'
import { clientEndpoint, clientRateLimits, readJsonBody } from '../../clientApi'
import { appActor } from '../actors'
import { deactivateLicense } from '../deactivateLicense'
import { signedAnswer } from '../signedAnswer'
import { bufferedJson } from '../../shared/bufferedResponse'
import { badRequestResponse, fingerprintProperty, jsonBody, jsonResponse, keyProperty, nonceProperty, signedProperty } from './openapi'
import { deactivateRequest } from './schemas'

export const deactivateEndpoint = clientEndpoint({
  path: '/v1/licenses/deactivate',
  method: 'post',
  rateLimit: clientRateLimits.seats,
  openapi: {
    summary: 'Deactivate an installation (free its client seat)',
    description: '`DEACTIVATED` frees the seat; a fingerprint that holds none is `NOT_ACTIVE`; an unknown key is `NOT_FOUND`.',
    tags: ['licenses'],
    requestBody: jsonBody({ type: 'object', required: ['key', 'fingerprint'], properties: { key: keyProperty, fingerprint: fingerprintProperty, nonce: nonceProperty } }),
    responses: {
      200: jsonResponse('The decision', {
        type: 'object',
        required: ['code', 'signed'],
        properties: { code: { type: 'string', enum: ['DEACTIVATED', 'NOT_ACTIVE', 'NOT_FOUND'] }, signed: { ...signedProperty, description: 'Compact JWS, typ `activation+jws`, of `code` plus `iat` and `nonce`' } },
      }),
      400: badRequestResponse,
    },
  },
  handler: async (req) => {
    const { key, fingerprint, nonce } = await readJsonBody(req, deactivateRequest)
    const answer = await deactivateLicense(req.payload, key, fingerprint, appActor(fingerprint))
    return bufferedJson(await signedAnswer(req.payload, SignedKind.activation, answer, nonce))
  },
})
