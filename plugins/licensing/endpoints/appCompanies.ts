import { clientEndpoint, clientRateLimits } from '../../clientApi'
import { listAccountCompanies, requireCustomerAccount } from '../masterLogin'
import { bufferedJson } from '../../shared/bufferedResponse'
import { errorResponse, jsonResponse } from './openapi'

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
      200: jsonResponse('The companies', {
        type: 'object',
        required: ['companies'],
        properties: { companies: { type: 'array', items: { type: 'object', required: ['id', 'name'], properties: { id: { type: ['integer', 'string'] }, name: { type: 'string' } } } } },
      }),
      401: errorResponse('`UNAUTHORIZED`: no or a bad customer account API key'),
    },
  },
  handler: async (req) => {
    const account = requireCustomerAccount(req)
    return bufferedJson({ companies: await listAccountCompanies(req.payload, account) })
  },
})
