import type { Payload } from 'payload'

import { SignedKind } from '../../../src/lib/protocol'
import { clientEndpoint, parseJsonBody, readJsonBody } from '../../clientApi'
import { signedAnswer } from '../signedAnswer'
import { validateLicense, type ValidateLicenseArgs } from '../validateLicense'
import { wholeJson, wholeResponse, type WholeAnswer } from '../../shared/bufferedResponse'
import { badRequestResponse, fingerprintProperty, jsonBody, jsonResponse, keyProperty, licenseFileProperty, licenseSchema, limitsProperty, nonceProperty, signedProperty, usersProperty, validationCodes } from './openapi'
import { validateRequest } from './schemas'

const answerValidation = async (payload: Payload, request: ValidateLicenseArgs, nonce: string | undefined): Promise<WholeAnswer> =>
  wholeJson(await signedAnswer(payload, SignedKind.validation, await validateLicense(payload, request), nonce))

export const validateEndpoint = clientEndpoint({
  path: '/v1/licenses/validate',
  method: 'post',
  openapi: {
    summary: 'Validate a license key (the daily check)',
    description:
      'Decides whether the key may be used for this product and line on this installation. Every decision is HTTP 200 with a `code`. When the key is valid and the fingerprint is activated, a fresh license file comes back. A malformed key (wrong shape or check character) is `NOT_FOUND` without a database lookup.',
    tags: ['licenses'],
    requestBody: jsonBody({
      type: 'object',
      required: ['key'],
      properties: { key: keyProperty, fingerprint: fingerprintProperty, product: { type: 'string', examples: ['promonitor'] }, line: { type: 'string', examples: ['v7'] }, users: usersProperty, nonce: nonceProperty },
    }),
    responses: {
      200: jsonResponse('The decision', {
        type: 'object',
        required: ['valid', 'code', 'signed'],
        properties: {
          valid: { type: 'boolean' },
          code: { type: 'string', enum: validationCodes },
          license: licenseSchema,
          licenseFile: licenseFileProperty,
          limits: limitsProperty,
          signed: { ...signedProperty, description: 'Compact JWS, typ `validation+jws`, of the other fields plus `iat` and `nonce`' },
        },
      }),
      400: badRequestResponse,
    },
  },
  handler: async (req) => {
    const { nonce, ...request } = await readJsonBody(req, validateRequest)
    return wholeResponse(await answerValidation(req.payload, request, nonce))
  },
  // Needs nothing of a PayloadRequest: the API host answers it from the body it read.
  fastAnswer: async ({ payload, body }) => {
    const { nonce, ...request } = parseJsonBody(body, validateRequest)
    return answerValidation(payload, request, nonce)
  },
})
