import schedule, { type Job } from 'node-schedule'
import type { Payload } from 'payload'

import { timeJobRun } from '../metrics'

const jobsByPayload = new WeakMap<Payload, Job[]>()

/**
 * A node-schedule trigger on this instance. The trigger fires on every instance; the work it
 * starts claims itself in the database (see `runOnce`, or per-row claims) so it is done once.
 * Each run is counted and timed (`hub_job_runs_total`, `hub_job_duration_seconds`).
 */
export const scheduleTask = (
  payload: Payload,
  name: string,
  rule: string | schedule.RecurrenceSpecObjLit,
  run: () => Promise<unknown>,
): void => {
  const job = schedule.scheduleJob(name, rule, async () => {
    try {
      await timeJobRun(name, run)
    } catch (error) {
      payload.logger.error({ err: error, msg: `Scheduled task ${name} failed` })
    }
  })
  jobsByPayload.set(payload, [...(jobsByPayload.get(payload) ?? []), job])
}

/** Stops this instance's triggers (graceful shutdown, or a test's payload.destroy()). */
export const stopScheduledTasks = (payload: Payload): void => {
  for (const job of jobsByPayload.get(payload) ?? []) job.cancel()
  jobsByPayload.delete(payload)
}
