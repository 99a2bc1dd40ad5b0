import type { Payload, PayloadRequest } from 'payload'

import { defaultAlertDays, type AlertKind } from './globals/AlertSettings'
import { alertsOptionsOf } from './types'

export type EffectiveAlertSettings = {
  recipients: Record<AlertKind, string[]>
  customerWarningDays: number[]
  renewalDays: number[]
  trialDays: number[]
}

const days = (value: unknown, fallback: readonly number[]): number[] => {
  const list = Array.isArray(value)
    ? value.map(Number).filter((day) => Number.isInteger(day) && day > 0)
    : []
  return [...new Set(list.length > 0 ? list : fallback)].sort((left, right) => right - left)
}

const emails = (value: unknown, fallback: string[]): string[] => {
  const list = Array.isArray(value)
    ? value.filter((email): email is string => typeof email === 'string' && email.trim() !== '')
    : []
  return (list.length > 0 ? list : fallback).map((email) => email.trim().toLowerCase())
}

/**
 * The `alert-settings` global with its defaults filled in (recipients from STAFF_ALERTS_TO); `req`
 * joins its transaction.
 */
export const alertSettings = async (
  payload: Payload,
  req?: Partial<PayloadRequest>,
): Promise<EffectiveAlertSettings> => {
  const stored = (await payload.findGlobal({
    slug: 'alert-settings',
    depth: 0,
    req,
  })) as unknown as Record<string, unknown>
  const fallback = alertsOptionsOf(payload).staffAlertsTo
  return {
    recipients: {
      renewal: emails(stored.renewalRecipients, fallback),
      trial: emails(stored.trialRecipients, fallback),
      limit: emails(stored.limitRecipients, fallback),
      credit: emails(stored.creditRecipients, fallback),
    },
    customerWarningDays: days(stored.customerWarningDays, defaultAlertDays.customerWarningDays),
    renewalDays: days(stored.renewalDays, defaultAlertDays.renewalDays),
    trialDays: days(stored.trialDays, defaultAlertDays.trialDays),
  }
}
