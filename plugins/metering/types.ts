export type MeteringPluginOptions = {
  /**
   * When false the `usage-records` collection and the licenses' metering fields stay (schema
   * unchanged) but the usage endpoints are not served.
   * @default true
   */
  enabled?: boolean
  /**
   * The public address (`PUBLIC_URL`): portal and admin links in credit alerts.
   * @default 'http://localhost:3000'
   */
  publicUrl?: string
}

export type MeteringSettings = Required<Omit<MeteringPluginOptions, 'enabled'>>

export const defaultMeteringOptions: Required<MeteringPluginOptions> = {
  enabled: true,
  publicUrl: 'http://localhost:3000',
}

/** The metering plugin's settings, kept in `config.custom.metering` by the plugin. */
export const meteringSettingsOf = (payload: {
  config: { custom?: Record<string, unknown> }
}): MeteringSettings =>
  (payload.config.custom?.metering as MeteringSettings | undefined) ?? defaultMeteringOptions
