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
   * Attempts before a mail is marked failed.
   * @default 5
   */
  maxAttempts?: number
  /**
   * Deliver in the background on a timer. Off means only explicit `deliverOutbox` calls send.
   * @default true
   */
  scheduleDelivery?: boolean
}

export const defaultMailersOptions: Required<MailersPluginOptions> = {
  enabled: true,
  deliveryIntervalSeconds: 15,
  maxAttempts: 5,
  scheduleDelivery: true,
}
