import { z } from 'zod'

import { clientEndpoint, documentedAnswer, refusal } from '../../clientApi'
import { jsonAnswer, responseOf } from '../../../src/http/answers'
import { checkReadiness, noStore } from '../checkReadiness'
import type { SchemaSource } from '../types'

const readyAnswer = z.object({
  status: z.literal('ready'),
  database: z.literal('ok'),
  schema: z.enum(['applied', 'pushed']).meta({
    description:
      '`applied`: every migration of this build is recorded (production); `pushed`: the development schema push ran',
  }),
})

/** Readiness: the database answers and its schema is this build's. */
export const readyEndpoint = (settings: { schemaSource: SchemaSource; timeoutMs: number }) => {
  const answerReady = async ({ payload }: { payload: Parameters<typeof checkReadiness>[0] }) =>
    jsonAnswer(await checkReadiness(payload, settings), { headers: noStore })
  return clientEndpoint({
    path: '/v1/health/ready',
    method: 'get',
    openapi: {
      summary: 'Readiness: the database answers and the schema is current',
      description:
        'For a load balancer deciding whether to send this instance traffic. 200 when the database answers and every migration this build ships is applied (production), or the development schema push ran (development); 503 with a code otherwise.',
      tags: ['operations'],
      responses: {
        200: documentedAnswer('Ready for traffic', readyAnswer),
        503: refusal(
          '`DATABASE_UNAVAILABLE`: the database does not answer (within 2 s by default); `MIGRATIONS_PENDING`: a migration of this build is not applied; `SCHEMA_NOT_PUSHED`: in development, the schema push has not run',
        ),
      },
    },
    handler: async (req) => responseOf(await answerReady(req)),
    fastAnswer: answerReady,
  })
}
