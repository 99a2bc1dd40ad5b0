import { daysLeft, type LicenseFileClaims } from '../../sdk'
import { type AgentContext, emitEvent, nowOf } from '../context'
import { addNotification } from '../state/notifications'
import { readConfig, readState, updateState } from '../state/stateFolder'
import type { AgentState, Notification } from '../state/types'
import type { LicenseRecord, LicenseStateName, LicenseStatus, LicenseSummary } from './types'

export const licenseTarget = 'license'

/** Days before the expiry at which the app warns: once each, the nearest one reached only. */
export const expiryWarningDays = [30, 15, 5, 3, 1] as const
/** A license with this many days or fewer left is `expiring`. */
export const expiringWithinDays = 30
const answeredUsesKept = 50

export const emptyLicenseRecord = (): LicenseRecord => ({
  state: 'unlicensed',
  code: null,
  source: null,
  sealedKey: null,
  sealedLicenseFile: null,
  license: null,
  credits: null,
  creditsAtTopUp: null,
  creditLowNotified: false,
  creditExhaustedNotified: false,
  limits: null,
  lastCheckAt: null,
  latestSeenAt: null,
  expiryNotices: { expiresAt: null, daysLeft: [], expired: false },
  pendingUses: [],
  answeredUses: [],
  lease: null,
  masterLogin: null,
})

export const licenseRecordOf = (state: AgentState): LicenseRecord => {
  state.license = { ...emptyLicenseRecord(), ...state.license }
  return state.license
}

/** The installation's fingerprint: its stable install id (made by `init`). */
export const fingerprintOf = (state: AgentState): string => state.installId

const secondsToIso = (seconds: number): string => new Date(seconds * 1000).toISOString()

export const summaryOf = (claims: LicenseFileClaims): LicenseSummary => ({
  licenseId: claims.licenseId,
  customer: claims.customer,
  product: claims.product,
  line: claims.line,
  type: claims.type,
  modules: claims.modules,
  maxClients: claims.maxClients,
  maxUsers: claims.maxUsers,
  fingerprint: claims.fingerprint,
  startsAt: claims.startsAt,
  expiresAt: claims.expiresAt,
  fileExpiresAt: secondsToIso(claims.exp),
  issuedAt: secondsToIso(claims.iat),
})

/**
 * The state a verified license stands in by its own dates and credits (the server said VALID, or
 * a file was verified offline).
 */
export const stateOfLicense = (
  license: LicenseSummary,
  credits: number | null,
  now: Date,
): { state: LicenseStateName; code: string } => {
  if (license.expiresAt && Date.parse(license.expiresAt) <= now.getTime())
    return { state: 'expired', code: 'EXPIRED' }
  if (Date.parse(license.startsAt) > now.getTime()) return { state: 'invalid', code: 'NOT_STARTED' }
  if (license.type === 'on-usage' && credits !== null && credits <= 0)
    return { state: 'no-credit', code: 'NO_CREDIT' }
  if (license.type === 'trial') return { state: 'trial', code: 'VALID' }
  const left = daysLeft(license.expiresAt, now)
  if (left !== null && left <= expiringWithinDays) return { state: 'expiring', code: 'VALID' }
  return { state: 'valid', code: 'VALID' }
}

/** A server decision code that is not VALID, as a state. */
export const stateOfCode = (code: string): LicenseStateName => {
  if (code === 'EXPIRED') return 'expired'
  if (code === 'SUSPENDED') return 'suspended'
  if (code === 'NO_CREDIT') return 'no-credit'
  return 'invalid'
}

export const describeLicenseRecord = (state: AgentState, now: Date): LicenseStatus => {
  const record = { ...emptyLicenseRecord(), ...state.license }
  return {
    state: record.state,
    code: record.code,
    fingerprint: fingerprintOf(state),
    daysLeft: record.license ? daysLeft(record.license.expiresAt, now) : null,
    license: record.license,
    credits: record.credits,
    limits: record.limits,
    lastCheckAt: record.lastCheckAt,
    pendingUses: record.pendingUses.length,
    ...(record.lease ? { lease: record.lease } : {}),
  }
}

export const licenseNotificationsOf = (state: AgentState): Notification[] =>
  state.notifications.filter((notification) => notification.target === licenseTarget)

export const readLicenseStatus = async (context: AgentContext) => {
  // Set up first (`init`): the installation's fingerprint is made there.
  await readConfig(context.stateDir)
  const state = await readState(context.stateDir)
  return {
    ...describeLicenseRecord(state, nowOf(context)),
    notifications: licenseNotificationsOf(state),
  }
}

type Notify = (
  notification: Omit<Parameters<typeof addNotification>[1], 'target' | 'version'>,
) => void

/** The warnings a change calls for: state changed, expiry near or past, credits low or gone. */
const addNotices = (
  before: LicenseStateName,
  record: LicenseRecord,
  now: Date,
  notify: Notify,
): void => {
  if (before !== record.state)
    notify({
      type: 'license-changed',
      from: before,
      to: record.state,
      message: `The license went from ${before} to ${record.state}`,
    })

  const expiresAt = record.license?.expiresAt ?? null
  if (record.expiryNotices.expiresAt !== expiresAt)
    record.expiryNotices = { expiresAt, daysLeft: [], expired: false }
  const warned = ['trial', 'valid', 'expiring', 'grace', 'no-credit', 'expired', 'leased'].includes(
    record.state,
  )
  const left = daysLeft(expiresAt, now)
  if (record.state === 'expired' || (warned && expiresAt && left === 0)) {
    if (!record.expiryNotices.expired) {
      record.expiryNotices.expired = true
      notify({
        type: 'license-expired',
        message: expiresAt ? `The license expired on ${expiresAt}` : 'The license has expired',
      })
    }
  } else if (warned && expiresAt && left !== null) {
    const threshold = [...expiryWarningDays].reverse().find((days) => left <= days)
    if (threshold !== undefined && !record.expiryNotices.daysLeft.includes(threshold)) {
      // The nearest threshold only: one reached late (the app was off) does not bring back the
      // earlier ones.
      record.expiryNotices.daysLeft.push(
        ...expiryWarningDays.filter(
          (days) => days >= threshold && !record.expiryNotices.daysLeft.includes(days),
        ),
      )
      notify({
        type: 'license-expiring',
        daysLeft: left,
        message: `The license expires in ${left} day${left === 1 ? '' : 's'}`,
      })
    }
  }

  if (record.credits !== null && record.license?.type === 'on-usage') {
    if (record.creditsAtTopUp === null || record.credits > record.creditsAtTopUp) {
      // More credits than before: a top-up, after which each credit warning may come once more.
      record.creditsAtTopUp = record.credits
      record.creditLowNotified = false
      record.creditExhaustedNotified = false
    }
    if (record.credits <= 0) {
      if (!record.creditExhaustedNotified) {
        record.creditExhaustedNotified = true
        record.creditLowNotified = true
        notify({
          type: 'credit-exhausted',
          credits: record.credits,
          message: 'No usage credits left',
        })
      }
    } else if (
      record.credits <= Math.ceil(record.creditsAtTopUp / 10) &&
      !record.creditLowNotified
    ) {
      record.creditLowNotified = true
      notify({
        type: 'credit-low',
        credits: record.credits,
        message: `${record.credits} usage credits left`,
      })
    }
  }
}

/**
 * Changes the license record in one atomic write of state.json, adds the notifications the change
 * calls for, then tells the daemon's listeners. Returns the status after the change.
 */
export const recordLicense = async (
  context: AgentContext,
  change: (record: LicenseRecord, state: AgentState, notify: Notify) => void | Promise<void>,
): Promise<LicenseStatus & { notifications: Notification[] }> => {
  const now = nowOf(context)
  const added: Notification[] = []
  const saved = await updateState(context.stateDir, async (state) => {
    const record = licenseRecordOf(state)
    const before = record.state
    const notify: Notify = (input) =>
      added.push(
        addNotification(state, { ...input, target: licenseTarget, version: null, at: now }),
      )
    await change(record, state, notify)
    record.answeredUses.splice(0, Math.max(0, record.answeredUses.length - answeredUsesKept))
    if (!record.latestSeenAt || Date.parse(record.latestSeenAt) < now.getTime())
      record.latestSeenAt = now.toISOString()
    addNotices(before, record, now, notify)
  })
  const status = describeLicenseRecord(saved, now)
  emitEvent(context, { type: 'license', license: status })
  for (const notification of added) emitEvent(context, { type: 'notification', notification })
  return { ...status, notifications: licenseNotificationsOf(saved) }
}
