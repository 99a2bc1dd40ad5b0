export const verificationCodes = [
  'MALFORMED',
  'BAD_SIGNATURE',
  'UNKNOWN_KEY',
  'WRONG_KIND',
  'NONCE_MISMATCH',
  'FILE_EXPIRED',
  'ISSUED_IN_FUTURE',
  'FINGERPRINT_MISMATCH',
  'MANIFEST_EXPIRED',
  'SEQUENCE_ROLLBACK',
  'MANIFEST_MISMATCH',
  'ARTIFACT_SIZE_MISMATCH',
  'ARTIFACT_HASH_MISMATCH',
  'BUNDLE_INVALID',
] as const

export type VerificationCode = (typeof verificationCodes)[number]

/** Something the app was handed cannot be trusted; `code` says why, for logs and for the user. */
export class VerificationError extends Error {
  readonly code: VerificationCode

  constructor(code: VerificationCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'VerificationError'
    this.code = code
  }
}

export function isVerificationError(
  error: unknown,
  code?: VerificationCode,
): error is VerificationError {
  return error instanceof VerificationError && (code === undefined || error.code === code)
}
