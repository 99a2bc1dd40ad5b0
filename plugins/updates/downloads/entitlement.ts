import type { Payload, TypedUser } from 'payload'

import { isStaffUser } from '../../../collections/access/hasRole'
import { companyIdsOf } from '../../../collections/access/ownCompanies'
import type { License, Release } from '../../../payload-types'
import { canonicalLicenseKey } from '../../../src/lib/licenseKey'
import { isExpired } from '../../../src/lib/time'
import { ClientError } from '../../clientApi'
import { productIdOf } from '../productIdOf'

/** Who asks for a download: an installed app with its license key, or a logged-in account. */
export type DownloadCredentials = { licenseKey: string } | { user: TypedUser }

type RefusalCode = 'NOT_ENTITLED' | 'LINE_MISMATCH' | 'SUSPENDED' | 'EXPIRED'

const refusals: Record<RefusalCode, string> = {
  NOT_ENTITLED: 'No license for this product',
  LINE_MISMATCH: 'The license is for another line of this product',
  SUSPENDED: 'The license is suspended',
  EXPIRED: 'The license expired before this release was published',
}

type LicenseTerms = Pick<License, 'product' | 'line' | 'status' | 'expiresAt'>

export type ReleaseTerms = Pick<Release, 'product' | 'line' | 'releasedAt' | 'createdAt'>

const licenseTermsSelect = { product: true, line: true, status: true, expiresAt: true } as const

/**
 * Why `license` may not download `release`, or null when it may: the product and line must match,
 * the license must not be suspended, and an expired one only gets releases published before it
 * expired.
 */
export const downloadRefusal = (
  license: LicenseTerms,
  release: ReleaseTerms,
  now: Date,
): RefusalCode | null => {
  if (productIdOf(license.product) !== productIdOf(release.product)) return 'NOT_ENTITLED'
  if (license.line !== release.line) return 'LINE_MISMATCH'
  if (license.status !== 'active') return 'SUSPENDED'
  if (isExpired(license.expiresAt, now)) {
    const releasedAt = new Date(release.releasedAt ?? release.createdAt).getTime()
    if (!(releasedAt < new Date(license.expiresAt!).getTime())) return 'EXPIRED'
  }
  return null
}

/**
 * The credentials an HTTP request carries: `Authorization: License <key>`, or the account Payload
 * authenticated.
 */
export const downloadCredentialsOf = (
  authorization: string | null,
  user: TypedUser | null | undefined,
): DownloadCredentials => {
  const match = authorization?.match(/^License\s+(.+)$/i)
  if (match) return { licenseKey: match[1].trim() }
  if (user) return { user }
  throw new ClientError(401, 'UNAUTHORIZED', 'Send `Authorization: License <key>`, or log in')
}

const findLicenseByKey = async (payload: Payload, licenseKey: string): Promise<LicenseTerms> => {
  const canonicalKey = canonicalLicenseKey(licenseKey)
  if (canonicalKey === null) throw new ClientError(401, 'UNAUTHORIZED', 'That is not a license key')
  const found = await payload.find({
    collection: 'licenses',
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    select: licenseTermsSelect,
    where: { key: { equals: canonicalKey } },
  })
  if (found.docs.length === 0) throw new ClientError(401, 'UNAUTHORIZED', 'Unknown license key')
  return found.docs[0]
}

/**
 * Allows the download or throws 403 `{ code }`. Staff may download any artifact; a customer
 * account may when one of its companies' licenses for the product allows it.
 */
export const assertDownloadAllowed = async (
  payload: Payload,
  credentials: DownloadCredentials,
  release: ReleaseTerms,
  now: Date = new Date(),
): Promise<void> => {
  let licenses: LicenseTerms[]
  if ('licenseKey' in credentials) {
    licenses = [await findLicenseByKey(payload, credentials.licenseKey)]
  } else {
    if (isStaffUser(credentials.user)) return
    const companyIds = companyIdsOf(credentials.user)
    const found = companyIds.length
      ? await payload.find({
          collection: 'licenses',
          depth: 0,
          pagination: false,
          overrideAccess: true,
          select: licenseTermsSelect,
          where: {
            and: [
              { customer: { in: companyIds } },
              { product: { equals: productIdOf(release.product) } },
            ],
          },
        })
      : { docs: [] }
    licenses = found.docs
  }
  const codes = licenses.map((license) => downloadRefusal(license, release, now))
  if (codes.includes(null)) return
  // The refusal of the license that came closest: the right line but expired or suspended says more
  // than another line.
  const code =
    (['EXPIRED', 'SUSPENDED', 'LINE_MISMATCH'] as const).find((candidate) =>
      codes.includes(candidate),
    ) ?? 'NOT_ENTITLED'
  throw new ClientError(403, code, refusals[code])
}
