import type { EmailTemplateKey } from '../../collections/EmailTemplates/templateKeys'
import { daysLeft } from '../../src/lib/time'

export type ExpiringLicense = { id: number | string; type: string; expiresAt: string }

export type DueAlert = {
  audience: 'customer' | 'staff'
  templateKey: EmailTemplateKey
  /** The threshold reached (days left), absent for `license-expired`. */
  threshold?: number
  /** Whole days left now, rounded up (0 once expired). */
  daysLeft: number
}

export type AlertThresholds = {
  customerWarningDays: number[]
  renewalDays: number[]
  trialDays: number[]
}

/**
 * Mails about an expired license go for this long after expiry (a sweep missed for days still sends
 * one).
 */
export const expiredMailDays = 7

/**
 * The nearest threshold reached: the smallest one at or above the days left. A license first
 * seen at 4 days left has reached 30, 15 and 5; only the 5-day mail is due.
 */
export const nearestThreshold = (left: number, thresholds: number[]): number | undefined => {
  const reached = thresholds.filter((threshold) => left <= threshold)
  return reached.length === 0 ? undefined : Math.min(...reached)
}

/**
 * The alerts due for a license today. Each is sent once per license, recipient, threshold and
 * `expiresAt` (the caller's idempotency key), so a new expiry (an extension) starts a new cycle
 * and a threshold passed before the extension is never mailed.
 */
export const dueExpiryAlerts = (
  license: ExpiringLicense,
  thresholds: AlertThresholds,
  now: Date,
): DueAlert[] => {
  const left = daysLeft(license.expiresAt, now) ?? Number.POSITIVE_INFINITY
  if (left === 0) {
    const expiredFor = now.getTime() - new Date(license.expiresAt).getTime()
    return expiredFor <= expiredMailDays * 24 * 60 * 60 * 1000
      ? [{ audience: 'customer', templateKey: 'license-expired', daysLeft: 0 }]
      : []
  }
  const due: DueAlert[] = []
  const customer = nearestThreshold(left, thresholds.customerWarningDays)
  if (customer !== undefined)
    due.push({
      audience: 'customer',
      templateKey: 'license-expiring',
      threshold: customer,
      daysLeft: left,
    })
  const staffDays =
    license.type === 'subscription'
      ? thresholds.renewalDays
      : license.type === 'trial'
        ? thresholds.trialDays
        : []
  const staff = nearestThreshold(left, staffDays)
  if (staff !== undefined)
    due.push({
      audience: 'staff',
      templateKey: license.type === 'trial' ? 'staff-trial-expiring' : 'staff-renewal-due',
      threshold: staff,
      daysLeft: left,
    })
  return due
}
