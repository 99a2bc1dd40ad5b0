import { SignedKind } from '../../../src/lib/protocol'
import { clientEndpoint, clientRateLimits, readJsonBody } from '../../clientApi'
import { activateLicense } from '../activateLicense'
import { appActor } from '../actors'
import { signedAnswer } from '../signedAnswer'
import { bufferedJson } from '../../shared/bufferedResponse'
import { activationAnswerSchema, badRequestResponse, fingerprintProperty, jsonBody, jsonResponse, keyProperty, nonceProperty, roleProperty, usersProperty } from './openapi'
import { activateRequest } from './schemas'

export const activateEndpoint = clientEndpoint({
  path: '/v1/licenses/activate',
  method: 'post',
  rateLimit: clientRateLimits.seats,
  openapi: {
    summary: 'Activate an installation (take a client seat)',
    description:
      '`ACTIVATED` takes a seat and returns a license file bound to the fingerprint; the same fingerprint again is `ALREADY_ACTIVE` (idempotent). Over `maxClients` is `TOO_MANY_CLIENTS`; an unusable license answers its validate code. Concurrent activations never exceed `maxClients`.',
    tags: ['licenses'],
    requestBody: jsonBody({
      type: 'object',
      required: ['key', 'fingerprint'],
      properties: { key: keyProperty, fingerprint: fingerprintProperty, hostname: { type: 'string', maxLength: 255 }, role: roleProperty, appVersion: { type: 'string', maxLength: 64 }, users: usersProperty, nonce: nonceProperty },
    }),
    responses: { 200: jsonResponse('The decision', activationAnswerSchema), 400: badRequestResponse },
  },
  handler: async (req) => {
    const { key, nonce, ...installation } = await readJsonBody(req, activateRequest)
    const answer = await activateLicense(req.payload, key, installation, appActor(installation.fingerprint, installation.hostname))
    return bufferedJson(await signedAnswer(req.payload, SignedKind.activation, answer, nonce))
  },
})
