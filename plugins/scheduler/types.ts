export type SchedulerPluginOptions = {
  /**
   * When false, no trigger is started on this instance (the `scheduled-runs` collection stays).
   * Set `SCHEDULED_TASKS=off` for an instance that should serve traffic only.
   * @default true
   */
  enabled?: boolean
  /**
   * How long a claimed run holds without renewal (`JOB_LEASE_SECONDS`). A running task renews its
   * claim every third of this (a heartbeat), so a long run is never taken over while its instance
   * is alive, and the run of an instance that died is taken over by the next trigger after at
   * most this long.
   * @default 120000 (2 minutes)
   */
  leaseMs?: number
}

export const defaultSchedulerOptions: Required<SchedulerPluginOptions> = {
  enabled: true,
  leaseMs: 2 * 60 * 1000,
}

/** The scheduler plugin's settings, kept in `config.custom.scheduler` by the plugin. */
export const schedulerSettingsOf = (payload: {
  config: { custom?: Record<string, unknown> }
}): Required<SchedulerPluginOptions> =>
  (payload.config.custom?.scheduler as Required<SchedulerPluginOptions> | undefined) ??
  defaultSchedulerOptions
