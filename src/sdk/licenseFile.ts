import { SignedKind, unarmorLicenseFile, type LicenseFileClaims } from '../lib/protocol'
import { VerificationError } from './errors'
import {
  readArray,
  readDateString,
  readId,
  readNumber,
  readObject,
  readString,
  readStringOrNull,
} from './payloadFields'
import type { TrustStore } from './trustStore'

export type { LicenseFileClaims }

export type VerifyLicenseFileOptions = {
  trust: TrustStore
  /** This installation's fingerprint; a file bound to another one is refused. */
  fingerprint?: string
  now?: Date
}

/**
 * How far the file's issue time may be ahead of this machine's clock before the clock is suspect.
 */
const allowedClockSkewSeconds = 5 * 60
const what = 'License file'

function readClaims(payload: Record<string, unknown>): LicenseFileClaims {
  const customer = readObject(payload, 'customer', what)
  const modules = readArray(payload, 'modules', what)
  if (!modules.every((module) => typeof module === 'string')) {
    throw new VerificationError('MALFORMED', 'License file: "modules" must be a list of names')
  }
  return {
    licenseId: readId(payload, 'licenseId', what),
    key: readString(payload, 'key', what),
    customer: { id: readId(customer, 'id', what), name: readString(customer, 'name', what) },
    product: readString(payload, 'product', what),
    line: readString(payload, 'line', what),
    type: readString(payload, 'type', what),
    modules: modules as string[],
    maxClients: readNumber(payload, 'maxClients', what),
    maxUsers: readNumber(payload, 'maxUsers', what),
    fingerprint: readStringOrNull(payload, 'fingerprint', what),
    startsAt: readDateString(payload, 'startsAt', what),
    expiresAt: payload.expiresAt == null ? null : readDateString(payload, 'expiresAt', what),
    iat: readNumber(payload, 'iat', what),
    exp: readNumber(payload, 'exp', what),
  }
}

/**
 * Checks a license file offline (armoured or bare JWS) and returns its claims. The license's own
 * `expiresAt` is returned, not enforced: what an expired license still allows is the app's call.
 */
export async function verifyLicenseFile(
  text: string,
  { trust, fingerprint, now = new Date() }: VerifyLicenseFileOptions,
): Promise<LicenseFileClaims> {
  let jws: string
  try {
    jws = unarmorLicenseFile(text)
  } catch (error) {
    throw new VerificationError('MALFORMED', 'This is not a license file', { cause: error })
  }
  const { payload } = await trust.verify(jws, SignedKind.license)
  const claims = readClaims(payload)
  const nowSeconds = now.getTime() / 1000

  if (claims.exp <= nowSeconds) {
    throw new VerificationError('FILE_EXPIRED', 'The license file has expired; refresh it online')
  }
  if (claims.iat > nowSeconds + allowedClockSkewSeconds) {
    throw new VerificationError(
      'ISSUED_IN_FUTURE',
      'The license file was issued after the current time; check the clock',
    )
  }
  if (
    fingerprint !== undefined &&
    claims.fingerprint !== null &&
    claims.fingerprint !== fingerprint
  ) {
    throw new VerificationError(
      'FINGERPRINT_MISMATCH',
      'The license file is bound to another installation',
    )
  }
  return claims
}
