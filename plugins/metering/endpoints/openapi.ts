import { usageCodes } from '../recordUsage'
import { maxBatchRecords, maxQuantity } from './schemas'

/** OpenAPI pieces of the usage endpoints (the document is built by plugins/clientApi). */

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } })

export const badRequestResponse = errorResponse(
  '`BAD_REQUEST`: not JSON, larger than 16 KB, a field missing or of the wrong type, a quantity outside 1 … 1,000,000, an idempotency key not of 8–128 characters `[A-Za-z0-9._:-]`, or `occurredAt` more than 7 days old or 5 minutes ahead. Nothing recorded.',
)
export const mismatchResponse = errorResponse('`IDEMPOTENCY_MISMATCH`: this idempotency key was recorded for this license with another quantity. Nothing recorded.')

export const jsonBody = (schema: Record<string, unknown>) => ({ required: true, content: { 'application/json': { schema } } })
export const jsonResponse = (description: string, schema: Record<string, unknown>) => ({ description, content: { 'application/json': { schema } } })

export const keyProperty = { type: 'string', maxLength: 256, description: 'License key (case and dashes do not matter)' }
export const fingerprintProperty = { type: 'string', maxLength: 256, description: 'The activated installation that used the credits' }
export const nonceProperty = { type: 'string', maxLength: 256, description: 'Echoed in `signed`, so the answer cannot be replayed' }

export const usageRecordProperties = {
  quantity: { type: 'integer', minimum: 1, maximum: maxQuantity, description: 'Credits this use spends' },
  idempotencyKey: { type: 'string', pattern: '^[A-Za-z0-9._:-]{8,128}$', description: 'Chosen by the app per use; a retry sends the same one' },
  occurredAt: { type: 'string', format: 'date-time', description: 'When the use happened (default: when received); at most 7 days old, 5 minutes ahead' },
}

export const usageDecisionSchema = {
  type: 'object',
  required: ['code', 'quantity', 'remaining', 'replayed'],
  properties: {
    code: { type: 'string', enum: usageCodes, description: '`RECORDED`: credits deducted. `NO_CREDIT`: fewer credits than `quantity`, nothing deducted: stop the metered feature. `NOT_METERED`: not an on-usage license. `NO_ACTIVATION`: the fingerprint is not an active installation of the license.' },
    quantity: { type: 'integer' },
    remaining: { type: ['number', 'null'], description: 'Credits left after the decision (null without an on-usage license)' },
    recordId: { type: ['integer', 'string'], description: 'The usage record, when recorded' },
    replayed: { type: 'boolean', description: 'True when this idempotency key was recorded before: the original decision, nothing counted again' },
  },
}

