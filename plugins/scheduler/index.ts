import type { Config } from 'payload'

import { ScheduledRuns } from './collections/ScheduledRuns'
import type { SchedulerPluginOptions } from './types'

export { runOnce } from './runOnce'
export { scheduleTask, stopScheduledTasks } from './scheduleTask'

/** Where scheduled work records that it ran, so two instances never do it twice. */
export const schedulerPlugin =
  (_options: SchedulerPluginOptions = {}) =>
  (config: Config): Config => ({
    ...config,
    collections: [...(config.collections ?? []), ScheduledRuns],
  })
