export type SchedulerPluginOptions = {
  /**
   * When false, no trigger is started on this instance (the `scheduled-runs` collection stays).
   * Set `SCHEDULED_TASKS=off` for an instance that should serve traffic only.
   * @default true
   */
  enabled?: boolean
}
