import type { Payload } from 'payload'

import { SignedKind } from '../../../src/lib/protocol'
import {
  clientEndpoint,
  documentedAnswer,
  jsonBody,
  parseJsonBody,
  readJsonBody,
} from '../../clientApi'
import { signedJsonAnswer } from '../signedAnswer'
import { validateLicense, type ValidateLicenseArgs } from '../validation/validateLicense'
import { responseOf, type WholeAnswer } from '../../../src/http/answers'
import { validationAnswer } from './answers'
import { badRequestRefusal } from './refusals'
import { validateRequest } from './schemas'

const answerValidation = async (
  payload: Payload,
  request: ValidateLicenseArgs,
  nonce: string | undefined,
): Promise<WholeAnswer> =>
  signedJsonAnswer(payload, SignedKind.validation, await validateLicense(payload, request), nonce)

export const validateEndpoint = clientEndpoint({
  path: '/v1/licenses/validate',
  method: 'post',
  openapi: {
    summary: 'Validate a license key (the daily check)',
    description:
      'Decides whether the key may be used for this product and line on this installation. Every decision is HTTP 200 with a `code`. When the key is valid and the fingerprint is activated, a fresh license file comes back. A malformed key (wrong shape or check character) is `NOT_FOUND` without a database lookup.',
    tags: ['licenses'],
    requestBody: jsonBody(validateRequest),
    responses: { 200: documentedAnswer('The decision', validationAnswer), 400: badRequestRefusal },
  },
  handler: async (req) => {
    const { nonce, ...request } = await readJsonBody(req, validateRequest)
    return responseOf(await answerValidation(req.payload, request, nonce))
  },
  // Needs nothing of a PayloadRequest: the API host answers it from the body it read.
  fastAnswer: async ({ payload, body }) => {
    const { nonce, ...request } = parseJsonBody(body, validateRequest)
    return answerValidation(payload, request, nonce)
  },
})
