import { activationCodes, validationCodes } from '../../../src/lib/protocol'

/** OpenAPI pieces shared by the licensing endpoints (the document is built by plugins/clientApi). */

export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
})

export const badRequestResponse = errorResponse('`BAD_REQUEST`: not JSON, larger than 16 KB, a field missing, too long (key > 256 characters) or of the wrong type. Nothing changed.')

export const jsonBody = (schema: Record<string, unknown>) => ({ required: true, content: { 'application/json': { schema } } })

export const jsonResponse = (description: string, schema: Record<string, unknown>) => ({ description, content: { 'application/json': { schema } } })

export const keyProperty = { type: 'string', maxLength: 256, description: 'License key, e.g. PMON-7QK2M-0ZC9D-H4TXV-N8R1B-6JWEA-K (case and dashes do not matter)', examples: ['PMON-7QK2M-0ZC9D-H4TXV-N8R1B-6JWEA-K'] }
export const fingerprintProperty = { type: 'string', maxLength: 256, description: 'Stable id of this installation' }
export const nonceProperty = { type: 'string', maxLength: 256, description: 'Echoed in `signed`, so the answer cannot be replayed' }
export const signedProperty = { type: 'string', description: 'Compact JWS (EdDSA) of the other fields plus `iat` and `nonce`; verify with /api/v1/keys' }
export const licenseFileProperty = {
  type: 'string',
  description:
    'License file: compact JWS, typ `license+jws`, claims `{ licenseId, key, customer: { id, name }, product, line, type, modules, maxClients, maxUsers, fingerprint, startsAt, expiresAt, iat, exp }`. Also accepted armoured (-----BEGIN LICENSE FILE-----).',
}
export const usersProperty = { type: 'integer', minimum: 0, maximum: 1000000, description: 'Users this installation has now; stored on its activation, summed as the license’s `usersInUse`' }
export const limitsProperty = {
  type: 'object',
  description: 'Present when the license is over a soft limit: the decision stands, staff are told',
  properties: { users: { type: 'object', required: ['used', 'max'], properties: { used: { type: 'integer' }, max: { type: 'integer' } } } },
}
export const roleProperty = { type: 'string', enum: ['app', 'collector', 'cockpit', 'slave'], default: 'app' }

export const licenseSchema = {
  type: 'object',
  required: ['id', 'product', 'line', 'type', 'status', 'modules', 'maxClients', 'maxUsers', 'activeClients', 'startsAt', 'expiresAt', 'daysLeft'],
  properties: {
    id: { type: ['integer', 'string'] },
    product: { type: 'string', examples: ['promonitor'] },
    line: { type: 'string', examples: ['v7'] },
    type: { type: 'string', enum: ['trial', 'subscription', 'perpetual', 'on-usage'] },
    status: { type: 'string', enum: ['active', 'suspended'] },
    modules: { type: 'array', items: { type: 'string' } },
    maxClients: { type: 'integer' },
    maxUsers: { type: 'integer' },
    usersInUse: { type: 'integer', description: 'Users its active installations report, summed (soft limit: maxUsers)' },
    activeClients: { type: 'integer' },
    startsAt: { type: 'string', format: 'date-time' },
    expiresAt: { type: ['string', 'null'], format: 'date-time' },
    daysLeft: { type: ['integer', 'null'] },
    credits: { type: 'number', description: 'On-usage licenses only' },
  },
}

export { activationCodes, validationCodes }

export const activationAnswerSchema = {
  type: 'object',
  required: ['code', 'signed'],
  properties: {
    code: { type: 'string', enum: activationCodes },
    activation: { type: 'object', properties: { id: { type: ['integer', 'string'] }, fingerprint: { type: 'string' } } },
    licenseFile: licenseFileProperty,
    limits: limitsProperty,
    signed: { ...signedProperty, description: 'Compact JWS, typ `activation+jws`, of the other fields plus `iat` and `nonce`' },
  },
}
