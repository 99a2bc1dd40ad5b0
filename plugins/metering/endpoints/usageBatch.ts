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
import { usageBatchAnswer, badUsageRefusal, mismatchRefusal } from './answers'
import { maxBatchBodyBytes, maxBatchRecords, meteredUses, usageBatchRequest } from './schemas'

const answerBatch = async (
  payload: Payload,
  { key, fingerprint, nonce, records }: z.infer<typeof usageBatchRequest>,
): Promise<WholeAnswer> => {
  const receivedAt = new Date()
  const results = await recordUsage(payload, {
    key,
    fingerprint,
    uses: meteredUses(records, receivedAt),
    receivedAt,
  })
  return jsonAnswer(await signedUsageAnswer(payload, { results }, nonce))
}

export const usageBatchEndpoint = clientEndpoint({
  path: '/v1/usage/batch',
  method: 'post',
  openapi: {
    summary: 'Meter several buffered uses at once',
    description: `1 … ${maxBatchRecords} uses of one installation (the whole body at most ${maxBatchBodyBytes / 1024} KB), applied in order; one signed answer with a \`results\` array in the same order, each as \`POST /api/v1/usage\` answers it. Bad input or an idempotency mismatch in any record refuses the whole batch and records nothing.`,
    tags: ['usage'],
    requestBody: jsonBody(usageBatchRequest),
    responses: {
      200: documentedAnswer('The decisions, in the order of `records`', usageBatchAnswer),
      400: badUsageRefusal,
      409: mismatchRefusal,
    },
  },
  handler: async (req) =>
    responseOf(
      await answerBatch(
        req.payload,
        await readJsonBody(req, usageBatchRequest, { maxBytes: maxBatchBodyBytes }),
      ),
    ),
  fastAnswer: ({ payload, body }) =>
    answerBatch(payload, parseJsonBody(body, usageBatchRequest, { maxBytes: maxBatchBodyBytes })),
})
