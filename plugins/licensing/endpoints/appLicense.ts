import { SignedKind } from '../../../src/lib/protocol'
import { clientEndpoint, clientRateLimits, readJsonBody } from '../../clientApi'
import { activateCompanyLicense, requireCustomerAccount } from '../masterLogin'
import { signedAnswer } from '../signedAnswer'
import { bufferedJson } from '../../shared/bufferedResponse'
import { activationAnswerSchema, badRequestResponse, errorResponse, fingerprintProperty, jsonBody, jsonResponse, nonceProperty, roleProperty } from './openapi'
import { appLicenseRequest } from './schemas'

export const appLicenseEndpoint = clientEndpoint({
  path: '/v1/app/license',
  method: 'post',
  rateLimit: clientRateLimits.seats,
  openapi: {
    summary: "Activate this machine under a company's license (master login)",
    description:
      'Picks the company\'s license of the product (and line) by best state — usable, already running on this machine, a seat free, latest expiry — and activates the fingerprint: the activate answer. No such license answers `NOT_FOUND`.',
    tags: ['master login'],
    security: [{ customerApiKey: [] }],
    requestBody: jsonBody({
      type: 'object',
      required: ['company', 'product', 'fingerprint'],
      properties: {
        company: { type: ['integer', 'string'], description: 'A company id from GET /api/v1/app/companies' },
        product: { type: 'string', examples: ['promonitor'] },
        line: { type: 'string', examples: ['v7'] },
        fingerprint: fingerprintProperty,
        hostname: { type: 'string', maxLength: 255 },
        role: roleProperty,
        appVersion: { type: 'string', maxLength: 64 },
        nonce: nonceProperty,
      },
    }),
    responses: {
      200: jsonResponse('The decision', activationAnswerSchema),
      400: badRequestResponse,
      401: errorResponse('`UNAUTHORIZED`: no or a bad customer account API key'),
      403: errorResponse('`FORBIDDEN`: the account is not linked to that company'),
    },
  },
  handler: async (req) => {
    const account = requireCustomerAccount(req)
    const { nonce, ...request } = await readJsonBody(req, appLicenseRequest)
    const answer = await activateCompanyLicense(req.payload, account, request)
    return bufferedJson(await signedAnswer(req.payload, SignedKind.activation, answer, nonce))
  },
})
