import type { Payload } from 'payload'
import type { z } from 'zod'

import { clientEndpoint, parseJsonBody, readJsonBody } from '../../clientApi'
import { wholeJson, wholeResponse, type WholeAnswer } from '../../shared/bufferedResponse'
import { recordUsage } from '../recordUsage'
import { signedUsageAnswer } from '../usageAnswer'
import { badRequestResponse, fingerprintProperty, jsonBody, jsonResponse, keyProperty, mismatchResponse, nonceProperty, usageDecisionSchema, usageRecordProperties } from './openapi'
import { maxBatchBodyBytes, maxBatchRecords, meteredUses, usageBatchRequest } from './schemas'

const answerBatch = async (payload: Payload, { key, fingerprint, nonce, records }: z.infer<typeof usageBatchRequest>): Promise<WholeAnswer> => {
  const receivedAt = new Date()
  const results = await recordUsage(payload, { key, fingerprint, uses: meteredUses(records, receivedAt), receivedAt })
  return wholeJson(await signedUsageAnswer(payload, { results }, nonce))
}

export const usageBatchEndpoint = clientEndpoint({
  path: '/v1/usage/batch',
  method: 'post',
  openapi: {
    summary: 'Meter several buffered uses at once',
    description: `1 … ${maxBatchRecords} uses of one installation (the whole body at most ${maxBatchBodyBytes / 1024} KB), applied in order; one signed answer with a \`results\` array in the same order, each as \`POST /api/v1/usage\` answers it. Bad input or an idempotency mismatch in any record refuses the whole batch and records nothing.`,
    tags: ['usage'],
    requestBody: jsonBody({
      type: 'object',
      required: ['key', 'fingerprint', 'records'],
      properties: {
        key: keyProperty,
        fingerprint: fingerprintProperty,
        nonce: nonceProperty,
        records: { type: 'array', minItems: 1, maxItems: maxBatchRecords, items: { type: 'object', required: ['quantity', 'idempotencyKey'], properties: usageRecordProperties } },
      },
    }),
    responses: {
      200: jsonResponse('The decisions, in the order of `records`', {
        type: 'object',
        required: ['results', 'signed'],
        properties: {
          results: { type: 'array', items: usageDecisionSchema },
          signed: { type: 'string', description: 'Compact JWS, typ `usage+jws`, of `results` plus `iat` and `nonce`' },
        },
      }),
      400: badRequestResponse,
      409: mismatchResponse,
    },
  },
  handler: async (req) => wholeResponse(await answerBatch(req.payload, await readJsonBody(req, usageBatchRequest, { maxBytes: maxBatchBodyBytes }))),
  fastAnswer: ({ payload, body }) => answerBatch(payload, parseJsonBody(body, usageBatchRequest, { maxBytes: maxBatchBodyBytes })),
})
