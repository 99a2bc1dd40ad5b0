import { isExpired } from './time'

/** What a license is right now, as staff see it; derived when read, never stored. */
export const derivedLicenseStatuses = ['active', 'expired', 'not-started', 'suspended'] as const
export type DerivedLicenseStatus = (typeof derivedLicenseStatuses)[number]

export type LicenseTerms = {
  status?: string | null
  startsAt?: Date | string | null
  expiresAt?: Date | string | null
}

/**
 * The license's status from its stored status and dates, checked in the order validation uses:
 * suspended, then not started, then expired; otherwise active. An expired subscription is never
 * active, whatever its stored status says.
 */
export function deriveLicenseStatus(
  { status, startsAt, expiresAt }: LicenseTerms,
  now: Date = new Date(),
): DerivedLicenseStatus {
  if (status === 'suspended') return 'suspended'
  if (startsAt && new Date(startsAt).getTime() > now.getTime()) return 'not-started'
  if (isExpired(expiresAt, now)) return 'expired'
  return 'active'
}
