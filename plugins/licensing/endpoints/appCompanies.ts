import { clientEndpoint, clientRateLimits, documentedAnswer } from '../../clientApi'
import { listAccountCompanies, requireCustomerAccount } from '../masterLogin/masterLogin'
import { jsonResponse } from '../../../src/http/answers'
import { companiesAnswer } from './answers'
import { badCustomerKeyRefusal } from './refusals'

export const appCompaniesEndpoint = clientEndpoint({
  path: '/v1/app/companies',
  method: 'get',
  rateLimit: clientRateLimits.seats,
  openapi: {
    summary: 'Companies of the customer account (master login)',
    description: 'The app\'s "ApiKey" modal: list the companies this customer account may act for.',
    tags: ['master login'],
    security: [{ customerApiKey: [] }],
    responses: {
      200: documentedAnswer('The companies', companiesAnswer),
      401: badCustomerKeyRefusal,
    },
  },
  handler: async (req) => {
    const account = requireCustomerAccount(req)
    return jsonResponse({ companies: await listAccountCompanies(req.payload, account) })
  },
})
