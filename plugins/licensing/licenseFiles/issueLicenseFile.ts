import type { Payload } from 'payload'

import { armorLicenseFile, SignedKind, type LicenseFileClaims } from '../../../src/lib/protocol'
import { addDays } from '../../../src/lib/time'
import { signJws } from '../../signing'
import { customerName } from './customerNames'
import type { LicenseRecord } from '../licenseRecord'
import type { ProductInfo } from '../../catalogue'

export type IssueLicenseFileOptions = {
  /** The installation the file is bound to; null for an unbound file. */
  fingerprint: string | null
  /** The file's own validity in days (capped at the license's expiry). */
  validDays: number
  now?: Date
}

/**
 * A license file: a `license+jws` an app verifies offline (`verifyLicenseFile` in the SDK). Its
 * `exp` is `validDays` from now, never past the license's own expiry.
 */
export const issueLicenseFile = async (
  payload: Payload,
  license: LicenseRecord,
  product: ProductInfo,
  { fingerprint, validDays, now = new Date() }: IssueLicenseFileOptions,
): Promise<string> => {
  const iat = Math.floor(now.getTime() / 1000)
  const fileEnd = addDays(now, validDays).getTime()
  const licenseEnd = license.expiresAt
    ? new Date(license.expiresAt).getTime()
    : Number.POSITIVE_INFINITY
  const exp = Math.floor(Math.min(fileEnd, licenseEnd) / 1000)
  if (!license.key) throw new Error(`License ${license.id} has no key to put in its file`)
  const claims: LicenseFileClaims = {
    licenseId: String(license.id),
    key: license.key,
    customer: { id: String(license.customer), name: await customerName(payload, license.customer) },
    product: product.slug,
    line: license.line,
    type: license.type,
    modules: license.modules ?? [],
    maxClients: license.maxClients,
    maxUsers: license.maxUsers,
    fingerprint,
    startsAt: new Date(license.startsAt).toISOString(),
    expiresAt: license.expiresAt ? new Date(license.expiresAt).toISOString() : null,
    iat,
    exp,
  }
  return signJws(payload, SignedKind.license, claims)
}

/** The same file wrapped for copy and paste (the app's offline license textbox). */
export const issueArmoredLicenseFile = async (
  ...args: Parameters<typeof issueLicenseFile>
): Promise<string> => armorLicenseFile(await issueLicenseFile(...args))
