export type AlertsPluginOptions = {
  /**
   * When false the `alert-settings` global stays (schema unchanged) but no sweep is scheduled
   * and no run-now endpoint is added.
   * @default true
   */
  enabled?: boolean
  /**
   * Start the daily sweep on a timer on this instance (`SCHEDULED_TASKS`).
   * @default true
   */
  scheduleSweep?: boolean
  /**
   * The UTC time of the daily sweep, `HH:MM` (`ALERTS_AT`).
   * @default '07:00'
   */
  alertsAt?: string
  /**
   * Staff addresses for every alert kind the `alert-settings` global leaves empty
   * (`STAFF_ALERTS_TO`).
   * @default []
   */
  staffAlertsTo?: string[]
  /**
   * The public address (`PUBLIC_URL`): portal and admin links in the mails.
   * @default 'http://localhost:3000'
   */
  publicUrl?: string
}

export type AlertsSettings = Required<Omit<AlertsPluginOptions, 'enabled'>>

export const defaultAlertsOptions: Required<AlertsPluginOptions> = {
  enabled: true,
  scheduleSweep: true,
  alertsAt: '07:00',
  staffAlertsTo: [],
  publicUrl: 'http://localhost:3000',
}

/** The alerts plugin's settings, kept in `config.custom.alerts` by the plugin. */
export const alertsOptionsOf = (payload: {
  config: { custom?: Record<string, unknown> }
}): AlertsSettings =>
  (payload.config.custom?.alerts as AlertsSettings | undefined) ?? defaultAlertsOptions
