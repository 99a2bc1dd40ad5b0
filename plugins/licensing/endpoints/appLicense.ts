import { SignedKind } from '../../../src/lib/protocol'
import {
  clientEndpoint,
  clientRateLimits,
  documentedAnswer,
  jsonBody,
  readJsonBody,
  refusal,
} from '../../clientApi'
import { activateCompanyLicense, requireCustomerAccount } from '../masterLogin/masterLogin'
import { signedJsonAnswer } from '../signedAnswer'
import { responseOf } from '../../../src/http/answers'
import { activationAnswer } from './answers'
import { badCustomerKeyRefusal, badRequestRefusal } from './refusals'
import { appLicenseRequest } from './schemas'

export const appLicenseEndpoint = clientEndpoint({
  path: '/v1/app/license',
  method: 'post',
  rateLimit: clientRateLimits.seats,
  openapi: {
    summary: "Activate this machine under a company's license (master login)",
    description:
      "Picks the company's license of the product (and line) by best state — usable, already running on this machine, a seat free, latest expiry — and activates the fingerprint: the activate answer. No such license answers `NOT_FOUND`.",
    tags: ['master login'],
    security: [{ customerApiKey: [] }],
    requestBody: jsonBody(appLicenseRequest),
    responses: {
      200: documentedAnswer('The decision', activationAnswer),
      400: badRequestRefusal,
      401: badCustomerKeyRefusal,
      403: refusal('`FORBIDDEN`: the account is not linked to that company'),
    },
  },
  handler: async (req) => {
    const account = requireCustomerAccount(req)
    const { nonce, ...request } = await readJsonBody(req, appLicenseRequest)
    const answer = await activateCompanyLicense(req.payload, account, request)
    return responseOf(await signedJsonAnswer(req.payload, SignedKind.activation, answer, nonce))
  },
})
