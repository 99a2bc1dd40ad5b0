import { z } from 'zod'

import { usageCodes } from '../../../src/lib/protocol'
import { idSchema, refusal, signedField } from '../../clientApi'

// What the usage endpoints answer, as zod schemas: the OpenAPI document is generated from them.

export const usageDecision = z.object({
  code: z.enum(usageCodes).meta({
    description:
      '`RECORDED`: credits deducted. `NO_CREDIT`: fewer credits than `quantity`, nothing deducted: stop the metered feature. `NOT_METERED`: not an on-usage license. `NO_ACTIVATION`: the fingerprint is not an active installation of the license.',
  }),
  quantity: z.number().int(),
  remaining: z
    .number()
    .nullable()
    .meta({ description: 'Credits left after the decision (null without an on-usage license)' }),
  recordId: idSchema.optional().meta({ description: 'The usage record, when recorded' }),
  replayed: z.boolean().meta({
    description:
      'True when this idempotency key was recorded before: the original decision, nothing counted again',
  }),
})

export const usageAnswer = usageDecision.extend({ signed: signedField('usage+jws') })

export const usageBatchAnswer = z.object({
  results: z.array(usageDecision).meta({ description: 'In the order of `records`' }),
  signed: signedField('usage+jws'),
})

export const badUsageRefusal = refusal(
  '`BAD_REQUEST`: not JSON, a field missing or of the wrong type, a quantity outside 1 … 1,000,000, an idempotency key not of 8–128 characters `[A-Za-z0-9._:-]`, or `occurredAt` more than 7 days old or 5 minutes ahead. Nothing recorded.',
)
export const mismatchRefusal = refusal(
  '`IDEMPOTENCY_MISMATCH`: this idempotency key was recorded for this license with another quantity. Nothing recorded.',
)
