import type { LicenseFileClaims } from '../../sdk'

/** The license states; the names are part of the agent's contract. */
export const licenseStates = [
  'unlicensed',
  'trial',
  'valid',
  'expiring',
  'grace',
  'expired',
  'suspended',
  'no-credit',
  'invalid',
  // A slave or collector licensed through its master's relay.
  'leased',
  'lease-lost',
] as const
export type LicenseStateName = (typeof licenseStates)[number]

/** The states in which the app may run its licensed features. */
export const usableStates: ReadonlySet<LicenseStateName> = new Set([
  'trial',
  'valid',
  'expiring',
  'grace',
  'leased',
])

/**
 * What the verified license file says, without its key (kept sealed), its times as ISO dates:
 * `fileExpiresAt` (its `exp`: when it must be refreshed online) and `issuedAt` (its `iat`).
 */
export type LicenseSummary = Omit<LicenseFileClaims, 'key' | 'iat' | 'exp'> & {
  fileExpiresAt: string
  issuedAt: string
}

/** A use of an on-usage license, persisted before it is sent and until it is answered. */
export type PendingUse = { idempotencyKey: string; quantity: number; occurredAt: string }

/** The server's (verified) decision on a use. */
export type AnsweredUse = {
  idempotencyKey: string
  code: string
  quantity: number
  remaining: number | null
  replayed: boolean
  answeredAt: string
}

/** `state.json`'s `license`: what the license manager knows. Secrets are sealed (sealedSecrets.ts). */
export type LicenseRecord = {
  state: LicenseStateName
  /** The last decision code (server or verification) behind the state; null when none. */
  code: string | null
  /** How the license came: `activate`, `check`, `load-file`, `choose` (master login), `trial`. */
  source: string | null
  sealedKey: string | null
  sealedLicenseFile: string | null
  license: LicenseSummary | null
  /** On-usage licenses: credits left at the last answer, and the most seen since the last top-up. */
  credits: number | null
  creditsAtTopUp: number | null
  creditLowNotified: boolean
  creditExhaustedNotified: boolean
  limits: Record<string, unknown> | null
  lastCheckAt: string | null
  /** The latest time this installation's clock showed; a clock set back before it is refused. */
  latestSeenAt: string | null
  /** Expiry warnings already given, per expiry date. */
  expiryNotices: { expiresAt: string | null; daysLeft: number[]; expired: boolean }
  pendingUses: PendingUse[]
  answeredUses: AnsweredUse[]
  /** Master login between `login` and `choose`: the API key sealed, the companies it listed. */
  /** A node's lease from its master (renewed at half its time to live). */
  lease: { expiresAt: string; ttlSeconds: number } | null
  masterLogin: {
    sealedApiKey: string
    companies: Array<{ id: string | number; name: string }>
    at: string
  } | null
}

/** What `license status` and every license command answer. */
export type LicenseStatus = {
  state: LicenseStateName
  code: string | null
  fingerprint: string
  daysLeft: number | null
  license: LicenseSummary | null
  credits: number | null
  limits: Record<string, unknown> | null
  lastCheckAt: string | null
  pendingUses: number
  lease?: { expiresAt: string; ttlSeconds: number }
}
