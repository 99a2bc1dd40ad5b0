export type ResellersPluginOptions = {
  /**
   * When false the `resellers` collection stays (schema unchanged) but the reseller API is not
   * served.
   * @default true
   */
  enabled?: boolean
  /**
   * Default length in days of a reseller license created without `days` (trials use the licensing
   * plugin's `trialDays`).
   * @default 365
   */
  defaultDays?: number
}

export const defaultResellersOptions: Required<ResellersPluginOptions> = {
  enabled: true,
  defaultDays: 365,
}
