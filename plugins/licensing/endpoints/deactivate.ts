import { SignedKind } from '../../../src/lib/protocol'
import {
  clientEndpoint,
  clientRateLimits,
  documentedAnswer,
  jsonBody,
  readJsonBody,
} from '../../clientApi'
import { appActor } from '../history/actors'
import { deactivateLicense } from '../activation/deactivateLicense'
import { signedJsonAnswer } from '../signedAnswer'
import { responseOf } from '../../../src/http/answers'
import { deactivationAnswer } from './answers'
import { badRequestRefusal } from './refusals'
import { deactivateRequest } from './schemas'

export const deactivateEndpoint = clientEndpoint({
  path: '/v1/licenses/deactivate',
  method: 'post',
  rateLimit: clientRateLimits.seats,
  openapi: {
    summary: 'Deactivate an installation (free its client seat)',
    description:
      '`DEACTIVATED` frees the seat; a fingerprint that holds none is `NOT_ACTIVE`; an unknown key is `NOT_FOUND`.',
    tags: ['licenses'],
    requestBody: jsonBody(deactivateRequest),
    responses: {
      200: documentedAnswer('The decision', deactivationAnswer),
      400: badRequestRefusal,
    },
  },
  handler: async (req) => {
    const { key, fingerprint, nonce } = await readJsonBody(req, deactivateRequest)
    const answer = await deactivateLicense(req.payload, key, fingerprint, appActor(fingerprint))
    return responseOf(await signedJsonAnswer(req.payload, SignedKind.activation, answer, nonce))
  },
})
