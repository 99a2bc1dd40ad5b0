import type { Endpoint } from 'payload'
import { z } from 'zod'

import { userHasRole } from '../../../collections/access/hasRole'
import { instanceName, runOnce } from '../runOnce'
import { scheduledTasksOf } from '../scheduledTasks'

const runNowRequest = z.object({ task: z.string().min(1).max(64) })

const refusal = (status: number, code: string, message: string) =>
  Response.json({ code, message }, { status })

/**
 * `POST /api/scheduled-runs/run-now { task }`: runs a scheduled task at once on this instance
 * (admins and support), recorded as its own run. Safe because every task is safe to repeat.
 */
export const runNowEndpoint: Endpoint = {
  path: '/run-now',
  method: 'post',
  handler: async (req) => {
    if (!userHasRole(req.user, ['support']))
      return refusal(403, 'FORBIDDEN', 'Only admins and support staff may run a task')
    let body: unknown
    try {
      body = await req.json?.()
    } catch {
      return refusal(400, 'BAD_REQUEST', 'Body is not valid JSON')
    }
    const parsed = runNowRequest.safeParse(body)
    const tasks = scheduledTasksOf(req.payload)
    if (!parsed.success)
      return refusal(400, 'BAD_REQUEST', `task: required, one of ${Object.keys(tasks).join(', ')}`)
    const { task } = parsed.data
    const run = Object.hasOwn(tasks, task) ? tasks[task] : undefined
    if (!run)
      return refusal(
        400,
        'UNKNOWN_TASK',
        `No task ${task}; tasks: ${Object.keys(tasks).join(', ')}`,
      )
    try {
      const outcome = await runOnce(
        req.payload,
        task,
        `${task}:now:${new Date().toISOString()}:${instanceName}`,
        () => run(req.payload),
      )
      return Response.json({ task, ran: outcome.ran, result: outcome.ran ? outcome.result : null })
    } catch (error) {
      req.payload.logger.error({ err: error, msg: `Task ${task} run now failed` })
      return refusal(500, 'TASK_FAILED', error instanceof Error ? error.message : String(error))
    }
  },
}
