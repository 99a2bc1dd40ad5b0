import type { Config } from 'payload'

import { AlertSettings } from './globals/AlertSettings'
import { defaultAlertsOptions, type AlertsPluginOptions } from './types'

export { alertSettings, type EffectiveAlertSettings } from './alertSettings'
export { licenseMailFacts, licenseContactsOf, type LicenseMailFacts } from './licenseMailFacts'
export { queueAlertMails, type AlertMail } from './queueAlertMails'
export type { AlertsPluginOptions } from './types'

/** Scheduled license mailers and staff alerts: the `alert-settings` global, the daily sweep, run now. */
export const alertsPlugin =
  (options: AlertsPluginOptions = {}) =>
  (config: Config): Config => {
    const settings = { ...defaultAlertsOptions, ...options, publicUrl: (options.publicUrl ?? defaultAlertsOptions.publicUrl).replace(/\/$/, '') }
    const { enabled: _enabled, ...kept } = settings
    return {
      ...config,
      globals: [...(config.globals ?? []), AlertSettings],
      custom: { ...config.custom, alerts: kept },
    }
  }
