export type MailersPluginOptions = {
  /**
   * When false the outbox collection stays (schema unchanged) but nothing is delivered.
   * @default true
   */
  enabled?: boolean
  /**
   * How often (seconds) this instance looks for queued mail. Claiming happens in the database,
   * so several instances never send one mail twice.
   * @default 15
   */
  deliveryIntervalSeconds?: number
  /**
   * How long a claimed mail stays with the instance sending it without renewal
   * (`JOB_LEASE_SECONDS`). The sender renews it every third of this while the SMTP server is
   * busy; a mail claimed by an instance that died returns to the queue after this long.
   * @default 120000 (2 minutes)
   */
  leaseMs?: number
  /**
   * Attempts before a mail is marked failed.
   * @default 5
   */
  maxAttempts?: number
  /**
   * Deliver in the background on a timer. Off means only explicit `deliverOutbox` calls send.
   * @default true
   */
  scheduleDelivery?: boolean
  /**
   * The public base URL (`PUBLIC_URL`): a link variable (a name ending in `Url`) given as a path
   * is made absolute from it, so no mail carries a relative link.
   * @default 'http://localhost:3000'
   */
  publicUrl?: string
}

export const defaultMailersOptions: Required<MailersPluginOptions> = {
  enabled: true,
  deliveryIntervalSeconds: 15,
  leaseMs: 2 * 60 * 1000,
  maxAttempts: 5,
  scheduleDelivery: true,
  publicUrl: 'http://localhost:3000',
}

/** The mailers plugin's settings, kept in `config.custom.mailers` by the plugin. */
export const mailersSettingsOf = (payload: {
  config: { custom?: Record<string, unknown> }
}): Required<MailersPluginOptions> =>
  (payload.config.custom?.mailers as Required<MailersPluginOptions> | undefined) ??
  defaultMailersOptions
