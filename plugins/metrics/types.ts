export type MetricsPluginOptions = {
  /**
   * When false, nothing is counted for this instance's outbox gauge (the counters still count;
   * they cost nothing unless served).
   * @default true
   */
  enabled?: boolean
}

export const defaultMetricsOptions = { enabled: true } satisfies MetricsPluginOptions
