import type { Config } from 'payload'

import { ScheduledRuns } from './collections/ScheduledRuns'
import { runNowEndpoint } from './endpoints/runNow'
import { defaultSchedulerOptions, type SchedulerPluginOptions } from './types'

export { heartbeatIntervalOf, withHeartbeat } from './heartbeat'
export { defaultSchedulerOptions, schedulerSettingsOf, type SchedulerPluginOptions } from './types'
export { runOnce, type RunOnceOptions, type RunOnceResult } from './runOnce'
export { scheduleTask, stopScheduledTasks } from './scheduleTask'
export { withScheduledTask, type ScheduledTaskRun } from './scheduledTasks'

/**
 * Where scheduled work records that it ran, so two instances never do it twice, and
 * `POST /api/scheduled-runs/run-now` for the tasks other plugins name with `withScheduledTask`.
 */
export const schedulerPlugin =
  (options: SchedulerPluginOptions = {}) =>
  (config: Config): Config => ({
    ...config,
    custom: {
      ...config.custom,
      scheduler: {
        enabled: options.enabled ?? defaultSchedulerOptions.enabled,
        leaseMs: options.leaseMs ?? defaultSchedulerOptions.leaseMs,
      },
    },
    collections: [
      ...(config.collections ?? []),
      {
        ...ScheduledRuns,
        endpoints: [...(ScheduledRuns.endpoints || []), runNowEndpoint],
        admin: {
          ...ScheduledRuns.admin,
          components: {
            ...ScheduledRuns.admin?.components,
            beforeListTable: ['/plugins/scheduler/components/RunNow#RunNow'],
          },
        },
      },
    ],
  })
