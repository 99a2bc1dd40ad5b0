import type { UsabilityCode } from '../../src/lib/protocol'
import { daysLeft, isExpired } from '../../src/lib/time'
import type { LicenseRecord } from './licenseRecord'
import type { ProductInfo } from '../catalogue'

/** Why a license can or cannot be used right now (the protocol's decision codes). */
export type LicenseUsability = UsabilityCode

/**
 * Checks a license in a fixed order: the scope asked for (product, line) first, then its state
 * (suspended, not started, expired), then what it has left (credits of an on-usage license).
 */
export const usabilityOf = (
  license: LicenseRecord,
  product: ProductInfo | undefined,
  {
    wantedProduct,
    wantedLine,
    now = new Date(),
  }: { wantedProduct?: string; wantedLine?: string; now?: Date } = {},
): LicenseUsability => {
  if (wantedProduct !== undefined && wantedProduct !== product?.slug) return 'PRODUCT_MISMATCH'
  if (wantedLine !== undefined && wantedLine.toLowerCase() !== license.line.toLowerCase())
    return 'LINE_MISMATCH'
  if (license.status === 'suspended') return 'SUSPENDED'
  if (new Date(license.startsAt).getTime() > now.getTime()) return 'NOT_STARTED'
  if (isExpired(license.expiresAt, now)) return 'EXPIRED'
  if (license.type === 'on-usage' && (license.credits ?? 0) <= 0) return 'NO_CREDIT'
  return 'VALID'
}

/** The license as the protocol shows it to an app (`license` in validate answers). */
export const describeLicense = (
  license: LicenseRecord,
  product: ProductInfo | undefined,
  now = new Date(),
) => ({
  id: license.id,
  product: product?.slug ?? null,
  line: license.line,
  type: license.type,
  status: license.status,
  modules: license.modules ?? [],
  maxClients: license.maxClients,
  maxUsers: license.maxUsers,
  usersInUse: license.usersInUse ?? 0,
  activeClients: license.activeClients ?? 0,
  startsAt: license.startsAt,
  expiresAt: license.expiresAt ?? null,
  daysLeft: daysLeft(license.expiresAt, now),
  ...(license.type === 'on-usage' ? { credits: license.credits ?? 0 } : {}),
})

export type LicenseDescription = ReturnType<typeof describeLicense>
