import type { Payload } from 'payload'

import type { ValidationCode } from '../../../src/lib/protocol'
import { appActor } from '../history/actors'
import { findActivation } from '../activation/findActivation'
import { issueLicenseFile } from '../licenseFiles/issueLicenseFile'
import { findLicenseByKey } from '../licenseRecord'
import { describeLicense, usabilityOf, type LicenseDescription } from '../licenseState'
import { limitsOf, type LicenseLimits } from '../activation/licenseLimits'
import { productById } from '../../catalogue'
import { licensingSettings } from '../settings'
import { countValidation } from './validationCounts'

export type { ValidationCode }

export type ValidateLicenseArgs = {
  key: string
  fingerprint?: string
  product?: string
  line?: string
  /** Users this installation has now; stored on its activation (needs the fingerprint). */
  users?: number
}

export type ValidationAnswer = {
  valid: boolean
  code: ValidationCode
  license?: LicenseDescription
  licenseFile?: string
  /** Present when the license is over a soft limit (users): still VALID. */
  limits?: LicenseLimits
}

/**
 * The daily check: is this key usable for this product and line, on this installation? A valid
 * key with an activated fingerprint gets a fresh license file. The validation is counted in
 * memory and written later in a batch; a reported `users` count is written only when it changed
 * (or hourly), and a license over its user limit claims that day's staff alert.
 */
export const validateLicense = async (
  payload: Payload,
  { key, fingerprint, product: wantedProduct, line: wantedLine, users }: ValidateLicenseArgs,
): Promise<ValidationAnswer> => {
  const license = await findLicenseByKey(payload, key)
  if (!license) return { valid: false, code: 'NOT_FOUND' }
  const now = new Date()
  const product = await productById(payload, license.product)
  const description = describeLicense(license, product, now)
  let code: ValidationCode = usabilityOf(license, product, { wantedProduct, wantedLine, now })
  const activation =
    code === 'VALID' && fingerprint !== undefined
      ? await findActivation(payload, license.id, fingerprint)
      : null
  if (code === 'VALID' && fingerprint !== undefined && !activation) code = 'NO_ACTIVATION'
  countValidation(payload, license.id, activation?.id, now)

  if (code !== 'VALID') return { valid: false, code, license: description }
  if (!activation || !product) return { valid: true, code, license: description }
  const { usersInUse, limits } = await limitsOf(
    payload,
    license,
    activation.id,
    users,
    appActor(fingerprint as string),
    now,
  )
  const licenseFile = await issueLicenseFile(payload, license, product, {
    fingerprint: fingerprint ?? null,
    validDays: licensingSettings(payload).licenseFileDays,
    now,
  })
  return {
    valid: true,
    code,
    license: { ...description, usersInUse },
    licenseFile,
    ...(limits ? { limits } : {}),
  }
}
