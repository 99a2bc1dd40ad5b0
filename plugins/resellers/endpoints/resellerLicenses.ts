import { z } from 'zod'

import { licenseTypes } from '../../../collections/Licenses'
import {
  badRequest,
  clientEndpoint,
  clientRateLimits,
  idSchema,
  documentedAnswer,
  jsonBody,
  plainText,
  queryParameters,
  readJsonBody,
  readQuery,
  refusal,
} from '../../clientApi'
import { createResellerLicense } from '../createResellerLicense'
import { listResellerLicenses } from '../listResellerLicenses'
import { requireReseller } from '../requireReseller'
import { jsonResponse } from '../../../src/http/answers'

const createRequest = z.object({
  email: plainText().trim().toLowerCase().max(254).email('Not an email address'),
  company: plainText()
    .trim()
    .min(1)
    .max(200)
    .meta({
      description:
        "Name of the subscriber's company among this reseller's own; a new company of that name when none matches. Default: this reseller's first company for the email, else a new one named after the email",
    })
    .optional(),
  product: plainText()
    .trim()
    .min(1)
    .max(64)
    .meta({ examples: ['promonitor'] }),
  line: plainText()
    .trim()
    .min(1)
    .max(32)
    .meta({ examples: ['v7'], description: "Default: the product's newest line" })
    .optional(),
  type: z.enum(licenseTypes),
  days: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .meta({ description: 'Length; default 30 for a trial, 365 otherwise; ignored for perpetual' })
    .optional(),
  maxClients: z.number().int().min(0).max(100_000).meta({ description: 'Default: 1' }).optional(),
  maxUsers: z.number().int().min(0).max(100_000).meta({ description: 'Default: 5' }).optional(),
  modules: z.array(plainText().trim().min(1).max(64)).max(50).optional(),
  credits: z
    .number()
    .int()
    .min(0)
    .max(100_000_000)
    .meta({ description: 'On-usage licenses only' })
    .optional(),
})

const createdAnswer = z.object({
  license: z.object({
    id: idSchema,
    key: z.string(),
    type: z.enum(licenseTypes),
    expiresAt: z.iso.datetime().nullable(),
  }),
  registerUrl: z.url().meta({
    description:
      "The portal's register page, without a token (the link that claims the company is only in the subscriber's mail)",
  }),
})

const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})

const listedLicense = z.object({
  id: idSchema,
  key: z.string(),
  customer: z.object({ id: idSchema, name: z.string() }),
  product: z.string().nullable(),
  line: z.string(),
  type: z.enum(licenseTypes),
  status: z.string(),
  startsAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  daysLeft: z.number().int().nullable(),
  maxClients: z.number().int(),
  maxUsers: z.number().int(),
  activeClients: z.number().int(),
  createdAt: z.iso.datetime(),
})

const listAnswer = z.object({
  licenses: z.array(listedLicense),
  page: z.number().int(),
  totalPages: z.number().int(),
  totalDocs: z.number().int(),
})

const badResellerKey = refusal('`UNAUTHORIZED`: no or a bad reseller API key')

const idempotencyKeyOf = (headers: Headers): string | undefined => {
  const key = headers.get('idempotency-key')?.trim()
  if (key !== undefined && (key.length === 0 || key.length > 128))
    throw badRequest('Idempotency-Key: 1 to 128 characters')
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
        "Within the reseller's allowed products and license types. The license goes into one of the reseller's own companies for the subscriber (a company it created, or that staff assigned to it, whose contacts or accounts have the email; the one named `company` when given), else into a new company of the reseller's for that subscriber. Another customer's company is never written to and no portal account is created or changed: the subscriber is mailed the key and a single-use register link (`license-created`; trials `trial-created`) through which they create their account or add the company to the one they have. Send `Idempotency-Key` to make retries safe: the same key returns the same license, mailed once. A trial is one per email and product.",
      tags: ['resellers'],
      security: [{ resellerApiKey: [] }],
      parameters: [
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          schema: { type: 'string', maxLength: 128 },
        },
      ],
      requestBody: jsonBody(createRequest),
      responses: {
        201: documentedAnswer(
          'License created (or the one this Idempotency-Key created before)',
          createdAnswer,
        ),
        400: refusal(
          '`BAD_REQUEST`: not JSON, a field missing or invalid, unknown product, line or module',
        ),
        401: badResellerKey,
        403: refusal(
          '`FORBIDDEN`: product or license type not allowed for this reseller, or the reseller is deactivated',
        ),
        409: refusal(
          '`TRIAL_EXISTS`: this email already has a trial of this product; the mail was sent again',
        ),
      },
    },
    handler: async (req) => {
      const reseller = requireReseller(req)
      const idempotencyKey = idempotencyKeyOf(req.headers)
      const request = await readJsonBody(req, createRequest)
      const answer = await createResellerLicense(
        req.payload,
        reseller,
        { ...request, idempotencyKey },
        { defaultDays },
      )
      return jsonResponse(answer, { status: 201 })
    },
  }),
  clientEndpoint({
    path: '/v1/reseller/licenses',
    method: 'get',
    openapi: {
      summary: 'List the licenses this reseller created',
      tags: ['resellers'],
      security: [{ resellerApiKey: [] }],
      parameters: queryParameters(listQuery),
      responses: {
        200: documentedAnswer('A page of licenses, newest first', listAnswer),
        400: refusal('`BAD_REQUEST`: page or limit out of range'),
        401: badResellerKey,
        403: refusal('`FORBIDDEN`: the reseller is deactivated'),
      },
    },
    handler: async (req) => {
      const reseller = requireReseller(req)
      const { page, limit } = readQuery(req, listQuery)
      return jsonResponse(await listResellerLicenses(req.payload, reseller, { page, limit }))
    },
  }),
]
