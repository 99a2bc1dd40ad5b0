import type { Payload } from 'payload'

import type { CustomerUser } from '../../../payload-types'
import { productById } from '../../catalogue'
import { licenseSelect, toLicenseRecord } from '../licenseRecord'
import { usabilityOf } from '../licenseState'
import { licensingSettings } from '../settings'
import { issueArmoredLicenseFile } from './issueLicenseFile'

export type CustomerLicenseFileRequest = {
  user: CustomerUser & { collection: 'customer-users' }
  licenseId: number | string
  activationId: number | string
}

export type CustomerLicenseFile =
  | { code: 'ISSUED'; armored: string; fileName: string; hostname: string | null }
  | { code: 'NOT_FOUND' }
  /** A suspended, expired or not yet started license gets no file to run offline with. */
  | { code: 'NOT_USABLE'; reason: 'SUSPENDED' | 'EXPIRED' | 'NOT_STARTED' }

const wholeNumber = /^[1-9]\d{0,15}$/

/**
 * The license file of one of the account's installations, for manual installation: both the
 * license and the installation are read as the account, so another company's are not found.
 * Issued by the same code as every license file, bound to the installation's fingerprint.
 */
export const issueCustomerLicenseFile = async (
  payload: Payload,
  { user, licenseId, activationId }: CustomerLicenseFileRequest,
): Promise<CustomerLicenseFile> => {
  if (!wholeNumber.test(String(licenseId)) || !wholeNumber.test(String(activationId)))
    return { code: 'NOT_FOUND' }
  const asAccount = { user, overrideAccess: false, depth: 0, disableErrors: true } as const
  const [license, installations] = await Promise.all([
    payload.findByID({
      collection: 'licenses',
      id: licenseId,
      select: licenseSelect,
      ...asAccount,
    }),
    payload.find({
      collection: 'activations',
      where: { and: [{ id: { equals: activationId } }, { license: { equals: licenseId } }] },
      limit: 1,
      ...asAccount,
    }),
  ])
  const installation = installations.docs[0]
  if (!license?.key || !installation) return { code: 'NOT_FOUND' }
  const record = toLicenseRecord(license as unknown as Record<string, unknown>)
  const product = await productById(payload, record.product)
  if (!product) return { code: 'NOT_FOUND' }
  const usability = usabilityOf(record, product)
  if (usability === 'SUSPENDED' || usability === 'EXPIRED' || usability === 'NOT_STARTED')
    return { code: 'NOT_USABLE', reason: usability }
  const armored = await issueArmoredLicenseFile(payload, record, product, {
    fingerprint: installation.fingerprint,
    validDays: licensingSettings(payload).licenseFileDays,
  })
  const host =
    (installation.hostname ?? '').replace(/[^A-Za-z0-9._-]/g, '') ||
    `installation-${installation.id}`
  return {
    code: 'ISSUED',
    armored,
    fileName: `${product.slug}-${record.line}-${host}.lic`,
    hostname: installation.hostname ?? null,
  }
}
