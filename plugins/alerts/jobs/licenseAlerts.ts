import type { Payload } from 'payload'

import { runOnce, scheduleTask } from '../../scheduler'
import { sweepLicenseAlerts } from '../sweepLicenseAlerts'

/**
 * Today's sweep, claimed in the database (`license-alerts:<YYYY-MM-DD>`) so it runs once across
 * instances.
 */
export const runDailyLicenseAlerts = (payload: Payload, now: Date = new Date()) =>
  runOnce(payload, 'license-alerts', `license-alerts:${now.toISOString().slice(0, 10)}`, () =>
    sweepLicenseAlerts(payload, { now }),
  )

/** `HH:MM` as minutes after midnight. */
const minutesOf = (time: string): number => {
  const [hours, minutes] = time.split(':').map(Number)
  return hours * 60 + minutes
}

/**
 * Whether today's sweep time (UTC) has passed, so an instance starting later still sweeps today.
 */
export const isPastSweepTime = (alertsAt: string, now: Date = new Date()): boolean =>
  now.getUTCHours() * 60 + now.getUTCMinutes() >= minutesOf(alertsAt)

/** The daily trigger at `alertsAt` (UTC), and a sweep at start when today's time has passed. */
export const scheduleLicenseAlerts = (payload: Payload, alertsAt: string): void => {
  const [hour, minute] = alertsAt.split(':').map(Number)
  scheduleTask(payload, 'license-alerts', { hour, minute, tz: 'Etc/UTC' }, () =>
    runDailyLicenseAlerts(payload),
  )
  if (isPastSweepTime(alertsAt)) {
    runDailyLicenseAlerts(payload).catch((error) =>
      payload.logger.error({ err: error, msg: 'The license-alerts sweep at start failed' }),
    )
  }
}
