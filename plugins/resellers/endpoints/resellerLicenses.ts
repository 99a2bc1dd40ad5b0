import { z } from 'zod'

import { licenseTypes } from '../../../collections/Licenses'
import { badRequest, clientEndpoint, clientRateLimits, plainText, readJsonBody, readQuery } from '../../clientApi'
import { createResellerLicense } from '../createResellerLicense'
import { listResellerLicenses } from '../listResellerLicenses'
import { requireReseller } from '../requireReseller'
import { bufferedJson } from '../../shared/bufferedResponse'

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } })

const createRequest = z.object({
  email: plainText().trim().toLowerCase().max(254).email('Not an email address'),
  company: plainText().trim().min(1).max(200).optional(),
  product: plainText().trim().min(1).max(64),
  line: plainText().trim().min(1).max(32).optional(),
  type: z.enum(licenseTypes),
  days: z.number().int().min(1).max(3650).optional(),
  maxClients: z.number().int().min(0).max(100_000).optional(),
  maxUsers: z.number().int().min(0).max(100_000).optional(),
  modules: z.array(plainText().trim().min(1).max(64)).max(50).optional(),
  credits: z.number().int().min(0).max(100_000_000).optional(),
})

const idempotencyKeyOf = (headers: Headers): string | undefined => {
  const key = headers.get('idempotency-key')?.trim()
  if (key !== undefined && (key.length === 0 || key.length > 128)) throw badRequest('Idempotency-Key: 1 to 128 characters')
  return key
}

export const makeResellerEndpoints = ({ defaultDays }: { defaultDays: number }) => [
  clientEndpoint({
    path: '/v1/reseller/licenses',
    method: 'post',
    rateLimit: clientRateLimits.accounts,
    openapi: {
      summary: 'Create a license for a subscriber (reseller)',
      description:
        'Within the reseller\'s allowed products and license types. The license goes into one of the reseller\'s own companies for the subscriber (a company it created, or that staff assigned to it, whose contacts or accounts have the email; the one named `company` when given), else into a new company of the reseller\'s for that subscriber. Another customer\'s company is never written to and no portal account is created or changed: the subscriber is mailed the key and a single-use register link (`license-created`; trials `trial-created`) through which they create their account or add the company to the one they have. Send `Idempotency-Key` to make retries safe: the same key returns the same license, mailed once. A trial is one per email and product.',
      tags: ['resellers'],
      security: [{ resellerApiKey: [] }],
      parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 128 } }],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['email', 'product', 'type'],
              properties: {
                email: { type: 'string', format: 'email' },
                company: { type: 'string', description: "Name of the subscriber's company among this reseller's own; a new company of that name when none matches. Default: this reseller's first company for the email, else a new one named after the email" },
                product: { type: 'string', examples: ['promonitor'] },
                line: { type: 'string', examples: ['v7'], description: "Default: the product's newest line" },
                type: { type: 'string', enum: [...licenseTypes] },
                days: { type: 'integer', minimum: 1, description: 'Length; default 30 for a trial, 365 otherwise; ignored for perpetual' },
                maxClients: { type: 'integer', minimum: 0, default: 1 },
                maxUsers: { type: 'integer', minimum: 0, default: 5 },
                modules: { type: 'array', items: { type: 'string' } },
                credits: { type: 'integer', minimum: 0, description: 'On-usage licenses only' },
              },
            },
          },
        },
      },
      responses: {
        201: {
          description: 'License created (or the one this Idempotency-Key created before)',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['license', 'registerUrl'],
                properties: {
                  license: { type: 'object', required: ['id', 'key', 'type', 'expiresAt'], properties: { id: { type: 'integer' }, key: { type: 'string' }, type: { type: 'string' }, expiresAt: { type: ['string', 'null'], format: 'date-time' } } },
                  registerUrl: { type: 'string', format: 'uri', description: "The portal's register page, without a token (the link that claims the company is only in the subscriber's mail)" },
                },
              },
            },
          },
        },
        400: errorResponse('`BAD_REQUEST`: not JSON, a field missing or invalid, unknown product, line or module'),
        401: errorResponse('`UNAUTHORIZED`: no or a bad reseller API key'),
        403: errorResponse('`FORBIDDEN`: product or license type not allowed for this reseller, or the reseller is deactivated'),
        409: errorResponse('`TRIAL_EXISTS`: this email already has a trial of this product; the mail was sent again'),
      },
    },
    handler: async (req) => {
      const reseller = requireReseller(req)
      const idempotencyKey = idempotencyKeyOf(req.headers)
      const request = await readJsonBody(req, createRequest)
      const answer = await createResellerLicense(req.payload, reseller, { ...request, idempotencyKey }, { defaultDays })
      return bufferedJson(answer, { status: 201 })
    },
  }),
  clientEndpoint({
    path: '/v1/reseller/licenses',
    method: 'get',
    openapi: {
      summary: 'List the licenses this reseller created',
      tags: ['resellers'],
      security: [{ resellerApiKey: [] }],
      parameters: [
        { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 } },
      ],
      responses: {
        200: {
          description: 'A page of licenses, newest first',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['licenses', 'page', 'totalPages', 'totalDocs'],
                properties: {
                  licenses: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        id: { type: 'integer' },
                        key: { type: 'string' },
                        customer: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } },
                        product: { type: 'string' },
                        line: { type: 'string' },
                        type: { type: 'string' },
                        status: { type: 'string' },
                        startsAt: { type: 'string', format: 'date-time' },
                        expiresAt: { type: ['string', 'null'], format: 'date-time' },
                        daysLeft: { type: ['integer', 'null'] },
                        maxClients: { type: 'integer' },
                        maxUsers: { type: 'integer' },
                        activeClients: { type: 'integer' },
                        createdAt: { type: 'string', format: 'date-time' },
                      },
                    },
                  },
                  page: { type: 'integer' },
                  totalPages: { type: 'integer' },
                  totalDocs: { type: 'integer' },
                },
              },
            },
          },
        },
        400: errorResponse('`BAD_REQUEST`: page or limit out of range'),
        401: errorResponse('`UNAUTHORIZED`: no or a bad reseller API key'),
        403: errorResponse('`FORBIDDEN`: the reseller is deactivated'),
      },
    },
    handler: async (req) => {
      const reseller = requireReseller(req)
      const { page, limit } = readQuery(req, z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1), limit: z.coerce.number().int().min(1).max(100).default(50) }))
      return bufferedJson(await listResellerLicenses(req.payload, reseller, { page, limit }))
    },
  }),
]
