import {
  clientEndpoint,
  clientRateLimits,
  documentedAnswer,
  jsonBody,
  readJsonBody,
  refusal,
} from '../../clientApi'
import { findCompanyLicenseKey, requireCustomerAccount } from '../masterLogin/masterLogin'
import { jsonResponse } from '../../../src/http/answers'
import { licenseKeyAnswer } from './answers'
import { badCustomerKeyRefusal, badRequestRefusal } from './refusals'
import { appLicenseKeyRequest } from './schemas'

export const appLicenseKeyEndpoint = clientEndpoint({
  path: '/v1/app/license-key',
  method: 'post',
  rateLimit: clientRateLimits.seats,
  openapi: {
    summary: "The key of a company's license for a master's nodes (master login)",
    description:
      "A master's relay lends seats of the company's other licenses to its nodes (a collector's, a slave's of another line). Picks the company's license of the product (and line) by best state, as `POST /api/v1/app/license` does, and answers its key without activating anything: the master activates each node's fingerprint with it (`POST /api/v1/licenses/activate`). No such license answers `NOT_FOUND`.",
    tags: ['master login'],
    security: [{ customerApiKey: [] }],
    requestBody: jsonBody(appLicenseKeyRequest),
    responses: {
      200: documentedAnswer('The license key, or NOT_FOUND', licenseKeyAnswer),
      400: badRequestRefusal,
      401: badCustomerKeyRefusal,
      403: refusal('`FORBIDDEN`: the account is not linked to that company'),
    },
  },
  handler: async (req) => {
    const account = requireCustomerAccount(req)
    const request = await readJsonBody(req, appLicenseKeyRequest)
    return jsonResponse(await findCompanyLicenseKey(req.payload, account, request))
  },
})
