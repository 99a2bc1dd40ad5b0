import type { Config } from 'payload'

import { withScheduledTask } from '../scheduler'
import { AlertSettings } from './globals/AlertSettings'
import { scheduleLicenseAlerts } from './jobs/licenseAlerts'
import { sweepLicenseAlerts } from './sweepLicenseAlerts'
import { defaultAlertsOptions, type AlertsPluginOptions } from './types'

export { runDailyLicenseAlerts } from './jobs/licenseAlerts'
export { sweepLicenseAlerts, type SweepReport } from './sweepLicenseAlerts'
export { alertSettings, type EffectiveAlertSettings } from './alertSettings'
export { licenseMailFacts, licenseContactsOf, type LicenseMailFacts } from './licenseMailFacts'
export { queueAlertMails, type AlertMail } from './queueAlertMails'
export type { AlertsPluginOptions } from './types'

/**
 * Scheduled license mailers and staff alerts: the `alert-settings` global, the daily sweep, run
 * now.
 */
export const alertsPlugin =
  (options: AlertsPluginOptions = {}) =>
  (config: Config): Config => {
    const settings = {
      ...defaultAlertsOptions,
      ...options,
      publicUrl: (options.publicUrl ?? defaultAlertsOptions.publicUrl).replace(/\/$/, ''),
    }
    const { enabled, ...kept } = settings
    const withGlobal: Config = {
      ...config,
      globals: [...(config.globals ?? []), AlertSettings],
      custom: { ...config.custom, alerts: kept },
    }
    if (!enabled) return withGlobal
    return {
      ...withScheduledTask(withGlobal, 'license-alerts', (payload) => sweepLicenseAlerts(payload)),
      onInit: async (payload) => {
        await config.onInit?.(payload)
        if (settings.scheduleSweep) scheduleLicenseAlerts(payload, settings.alertsAt)
      },
    }
  }
