import type { Config, Payload } from 'payload'

/** A task staff may run at once (`POST /api/scheduled-runs/run-now`); answers what it did. */
export type ScheduledTaskRun = (payload: Payload) => Promise<Record<string, unknown>>

/** Where each plugin names its tasks (`config.custom.scheduledTasks`), so run-now finds them. */
export const withScheduledTask = (config: Config, name: string, run: ScheduledTaskRun): Config => ({
  ...config,
  custom: {
    ...config.custom,
    scheduledTasks: {
      ...(config.custom?.scheduledTasks as Record<string, ScheduledTaskRun> | undefined),
      [name]: run,
    },
  },
})

export const scheduledTasksOf = (payload: Payload): Record<string, ScheduledTaskRun> =>
  (payload.config.custom?.scheduledTasks as Record<string, ScheduledTaskRun> | undefined) ?? {}
