import { SignedKind } from '../../../src/lib/protocol'
import {
  clientEndpoint,
  clientRateLimits,
  documentedAnswer,
  jsonBody,
  readJsonBody,
} from '../../clientApi'
import { activateLicense } from '../activation/activateLicense'
import { appActor } from '../history/actors'
import { signedJsonAnswer } from '../signedAnswer'
import { responseOf } from '../../../src/http/answers'
import { activationAnswer } from './answers'
import { badRequestRefusal } from './refusals'
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
    requestBody: jsonBody(activateRequest),
    responses: { 200: documentedAnswer('The decision', activationAnswer), 400: badRequestRefusal },
  },
  handler: async (req) => {
    const { key, nonce, ...installation } = await readJsonBody(req, activateRequest)
    const answer = await activateLicense(
      req.payload,
      key,
      installation,
      appActor(installation.fingerprint, installation.hostname),
    )
    return responseOf(await signedJsonAnswer(req.payload, SignedKind.activation, answer, nonce))
  },
})
