import type { Actor } from './actors'
import type { LicenseEventType } from '../collections/LicenseEvents'

/**
 * The history entries a customer account sees of its own licenses. Staff edits (`updated`,
 * `suspended`, …) stay staff-only: their details are support's bookkeeping.
 */
export const customerVisibleEventTypes = [
  'created',
  'trial-started',
  'extended',
  'modules-added',
  'pack-added',
  'activated',
  'deactivated',
  'limit-reached',
  'trial-mail-resent',
  'credit-low',
  'credit-exhausted',
] as const satisfies readonly LicenseEventType[]

/** How a staff member appears to customers: never by name or address. */
export const supportActorName = 'ProMonitor support'

type StoredActor = { kind?: Actor['kind'] | null; label?: string | null }

/** Who acted, as a customer may read it: support and the system anonymous, the rest by name. */
export const actorNameForCustomers = (actor: StoredActor | null | undefined): string => {
  switch (actor?.kind) {
    case 'staff':
      return supportActorName
    case 'reseller':
      return actor.label ? `Reseller ${actor.label}` : 'Your reseller'
    case 'customer':
      return actor.label ?? 'Your company'
    case 'app':
      return actor.label ? `Installation ${actor.label}` : 'An installation'
    default:
      return 'ProMonitor'
  }
}

type Details = Record<string, unknown> | null | undefined

const day = (value: unknown): string | null =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value))
    ? new Date(value).toISOString().slice(0, 10)
    : null

const machine = (details: Details): string => {
  const hostname = typeof details?.hostname === 'string' ? details.hostname : null
  const fingerprint = typeof details?.fingerprint === 'string' ? details.fingerprint : ''
  return hostname || shortFingerprint(fingerprint) || 'an installation'
}

/** A fingerprint as people compare it: the first 12 characters. */
export const shortFingerprint = (fingerprint: string): string =>
  fingerprint.length > 14 ? `${fingerprint.slice(0, 12)}…` : fingerprint

const list = (value: unknown): string =>
  Array.isArray(value) && value.length > 0 ? value.map(String).join(', ') : 'none'

/**
 * One line saying what happened, built only from details a customer may read (no staff notes, no
 * e-mail addresses of the recipients).
 */
export const summaryForCustomers = (type: string, details: Details): string => {
  switch (type) {
    case 'created': {
      const expiry = day(details?.expiresAt)
      return `License created${expiry ? `, expires ${expiry}` : ''}`
    }
    case 'trial-started':
      return `Trial started${day(details?.expiresAt) ? `, runs until ${day(details?.expiresAt)}` : ''}`
    case 'extended':
      return `Extended${details?.days ? ` by ${details.days} days` : ''}${day(details?.to) ? ` to ${day(details?.to)}` : ''}`
    case 'modules-added':
      return `Modules added: ${list(details?.added)}`
    case 'pack-added': {
      const parts = [
        details?.clients ? `${details.clients} clients` : null,
        details?.users ? `${details.users} users` : null,
        details?.credits ? `${details.credits} credits` : null,
      ].filter(Boolean)
      return `Pack added${parts.length ? `: ${parts.join(', ')}` : ''}`
    }
    case 'activated':
      return `Installation ${machine(details)} activated`
    case 'deactivated': {
      const reason = typeof details?.reason === 'string' ? details.reason : null
      return `Installation ${machine(details)} deactivated${reason ? `: “${reason}”` : ''}`
    }
    case 'limit-reached':
      if (details?.limit === 'users' || details?.limit === 'clients')
        return `${details.limit === 'users' ? 'User' : 'Client'} limit reached (${details.used ?? '?'} of ${details.max ?? '?'} in use)`
      return `Client limit reached: ${machine(details)} could not be activated`
    case 'trial-mail-resent':
      return 'License mail sent'
    case 'credit-low':
      return `Credits running low: ${details?.credits ?? 0} left (mail sent)`
    case 'credit-exhausted':
      return 'Credits used up (mail sent)'
    default:
      return type
  }
}
