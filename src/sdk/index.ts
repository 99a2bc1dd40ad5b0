export { VerificationError, isVerificationError, verificationCodes } from './errors'
export type { VerificationCode } from './errors'
export { TrustStore } from './trustStore'
export type { VerifiedObject } from './trustStore'
export { verifySignedAnswer } from './verifySignedAnswer'
export type { VerifySignedAnswerOptions } from './verifySignedAnswer'
export { verifyLicenseFile } from './licenseFile'
export type { VerifyLicenseFileOptions } from './licenseFile'
export * from './updates'

// The protocol's shapes and codes, and helpers an app needs around the SDK (the license textbox,
// expiry banners).
export * from '../lib/protocol'
export { canonicalLicenseKey, isWellFormedLicenseKey, normalizeLicenseKey } from '../lib/licenseKey'
export { daysLeft, isExpired } from '../lib/time'
