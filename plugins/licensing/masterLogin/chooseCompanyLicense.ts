import type { Payload } from 'payload'

import { drizzleFor, eq, and, inArray, tableOf } from '../../../src/database/database'
import { toLicenseRecord, licenseSelect, type LicenseRecord } from '../licenseRecord'
import { usabilityOf, type LicenseUsability } from '../licenseState'
import type { ProductInfo } from '../../catalogue'

type Candidate = { license: LicenseRecord; usability: LicenseUsability; holdsFingerprint: boolean }

const expiryRank = (license: LicenseRecord): number =>
  license.expiresAt ? new Date(license.expiresAt).getTime() : Number.POSITIVE_INFINITY

/** Best first: usable; already running on this machine; a seat free; the latest expiry. */
const compareCandidates = (left: Candidate, right: Candidate): number => {
  const usable = Number(right.usability === 'VALID') - Number(left.usability === 'VALID')
  if (usable !== 0) return usable
  const holds = Number(right.holdsFingerprint) - Number(left.holdsFingerprint)
  if (holds !== 0) return holds
  const free = (license: LicenseRecord) => Number((license.activeClients ?? 0) < license.maxClients)
  const seat = free(right.license) - free(left.license)
  if (seat !== 0) return seat
  return expiryRank(right.license) - expiryRank(left.license)
}

/**
 * The license of `companyId` for `product` (and `line` when given) that master login should use
 * on the machine `fingerprint`, chosen by best state; null when the company has none.
 */
export const chooseCompanyLicense = async (
  payload: Payload,
  {
    companyId,
    product,
    line,
    fingerprint,
  }: { companyId: number | string; product: ProductInfo; line?: string; fingerprint: string },
): Promise<LicenseRecord | null> => {
  const { docs } = await payload.find({
    collection: 'licenses',
    where: {
      and: [
        { customer: { equals: companyId } },
        { product: { equals: product.id } },
        ...(line ? [{ line: { equals: line } }] : []),
      ],
    },
    select: licenseSelect,
    depth: 0,
    pagination: false,
  })
  if (docs.length === 0) return null
  const licenses = docs.map((doc) => toLicenseRecord(doc as unknown as Record<string, unknown>))
  const activations = tableOf(payload, 'activations')
  const database = await drizzleFor(payload)
  const holding = await database
    .select({ license: activations.license })
    .from(activations)
    .where(
      and(
        inArray(
          activations.license,
          licenses.map((license) => license.id),
        ),
        eq(activations.fingerprint, fingerprint),
      ),
    )
  const holders = new Set(holding.map((row: { license: number | string }) => String(row.license)))
  const now = new Date()
  const candidates = licenses.map((license) => ({
    license,
    usability: usabilityOf(license, product, { now }),
    holdsFingerprint: holders.has(String(license.id)),
  }))
  return candidates.sort(compareCandidates)[0].license
}
