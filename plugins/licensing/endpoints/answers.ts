import { z } from 'zod'

import { activationCodes, validationCodes } from '../../../src/lib/protocol'
import { idSchema, signedField } from '../../clientApi'
import { licenseTypes } from '../../../collections/Licenses'

// What the licensing endpoints answer, as zod schemas: the OpenAPI document is generated from them.

export const licenseFileField = z.string().meta({
  description:
    'License file: compact JWS, typ `license+jws`, claims `{ licenseId, key, customer: { id, name }, product, line, type, modules, maxClients, maxUsers, fingerprint, startsAt, expiresAt, iat, exp }`. Also accepted armoured (-----BEGIN LICENSE FILE-----).',
})

const usedOfMax = z.object({ used: z.number().int(), max: z.number().int() })

export const limitsField = z.object({ users: usedOfMax.optional() }).meta({
  description: 'Present when the license is over a soft limit: the decision stands, staff are told',
})

export const licenseDescription = z.object({
  id: idSchema,
  product: z
    .string()
    .nullable()
    .meta({ examples: ['promonitor'] }),
  line: z.string().meta({ examples: ['v7'] }),
  type: z.enum(licenseTypes),
  status: z.enum(['active', 'suspended']),
  modules: z.array(z.string()),
  maxClients: z.number().int(),
  maxUsers: z.number().int(),
  usersInUse: z
    .number()
    .int()
    .meta({ description: 'Users its active installations report, summed (soft limit: maxUsers)' }),
  activeClients: z.number().int(),
  startsAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  daysLeft: z.number().int().nullable(),
  credits: z.number().optional().meta({ description: 'On-usage licenses only' }),
})

export const validationAnswer = z.object({
  valid: z.boolean(),
  code: z.enum(validationCodes),
  license: licenseDescription.optional(),
  licenseFile: licenseFileField.optional(),
  limits: limitsField.optional(),
  signed: signedField('validation+jws'),
})

export const activationAnswer = z.object({
  code: z.enum(activationCodes),
  activation: z.object({ id: idSchema, fingerprint: z.string() }).optional(),
  licenseFile: licenseFileField.optional(),
  limits: limitsField.optional(),
  signed: signedField('activation+jws'),
})

export const deactivationAnswer = z.object({
  code: z.enum(['DEACTIVATED', 'NOT_ACTIVE', 'NOT_FOUND']),
  signed: signedField('activation+jws'),
})

export const companiesAnswer = z.object({
  companies: z.array(z.object({ id: idSchema, name: z.string() })),
})

export const licenseKeyAnswer = z.union([
  z.object({
    code: z.literal('FOUND'),
    licenseId: idSchema,
    key: z.string(),
    product: z.string().meta({ examples: ['collector'] }),
    line: z.string().meta({ examples: ['v7'] }),
  }),
  z.object({ code: z.literal('NOT_FOUND') }),
])

export const trialAnswer = z.object({
  code: z.literal('TRIAL_CREATED'),
  key: z.string(),
  licenseFile: licenseFileField.optional(),
})
