import type { Payload } from 'payload'
import type { z } from 'zod'

import {
  clientEndpoint,
  documentedAnswer,
  jsonBody,
  parseJsonBody,
  readJsonBody,
} from '../../clientApi'
import { jsonAnswer, responseOf, type WholeAnswer } from '../../../src/http/answers'
import { recordUsage } from '../recordUsage'
import { signedUsageAnswer } from '../usageAnswer'
import { usageAnswer, badUsageRefusal, mismatchRefusal } from './answers'
import { meteredUses, usageRequest } from './schemas'

const answerUsage = async (
  payload: Payload,
  { key, fingerprint, nonce, ...record }: z.infer<typeof usageRequest>,
): Promise<WholeAnswer> => {
  const receivedAt = new Date()
  const uses = meteredUses([record], receivedAt, () => 'occurredAt')
  const [decision] = await recordUsage(payload, { key, fingerprint, uses, receivedAt })
  return jsonAnswer(await signedUsageAnswer(payload, decision, nonce))
}

export const usageEndpoint = clientEndpoint({
  path: '/v1/usage',
  method: 'post',
  openapi: {
    summary: 'Meter one use of an on-usage license (spend credits)',
    description:
      'Spends `quantity` credits atomically, or none: every decision is HTTP 200 with a `code`. The same `idempotencyKey` again answers the original decision with `replayed: true` and counts nothing. At `NO_CREDIT` the app must stop the metered feature.',
    tags: ['usage'],
    requestBody: jsonBody(usageRequest),
    responses: {
      200: documentedAnswer('The decision', usageAnswer),
      400: badUsageRefusal,
      409: mismatchRefusal,
    },
  },
  handler: async (req) =>
    responseOf(await answerUsage(req.payload, await readJsonBody(req, usageRequest))),
  // Needs nothing of a PayloadRequest: the API host answers it from the body it read.
  fastAnswer: ({ payload, body }) => answerUsage(payload, parseJsonBody(body, usageRequest)),
})
