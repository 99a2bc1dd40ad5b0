import { z } from 'zod'

import { clientEndpoint, documentedAnswer } from '../../clientApi'
import { jsonAnswer, responseOf } from '../../../src/http/answers'
import { noStore } from '../checkReadiness'

const liveAnswer = z.object({ status: z.literal('ok') })

const answerLive = () => jsonAnswer({ status: 'ok' }, { headers: noStore })

/** Liveness: the process answers. It reads nothing, so a slow database never fails it. */
export const healthEndpoint = clientEndpoint({
  path: '/v1/health',
  method: 'get',
  openapi: {
    summary: 'Liveness: the process answers',
    description:
      'Always 200 `{ status: "ok" }` while the process serves requests; it touches no database. For a load balancer deciding whether to restart an instance; use `/api/v1/health/ready` to decide whether to send it traffic.',
    tags: ['operations'],
    responses: { 200: documentedAnswer('The process answers', liveAnswer) },
  },
  handler: async () => responseOf(answerLive()),
  fastAnswer: answerLive,
})
