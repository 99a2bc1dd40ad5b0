export type RegistrationErrorCode =
  /** Malformed, forged, signed with another key, or for a company that no longer exists. */
  | 'LINK_INVALID'
  | 'LINK_EXPIRED'
  | 'LINK_USED'
  /** The email has an account and this is not its password. */
  | 'WRONG_PASSWORD'
  /** Too many failed sign-ins from this address (plugins/signIn): try again later. */
  | 'TOO_MANY_SIGN_INS'
  /** Payload's password rules refused the new password. */
  | 'PASSWORD_REJECTED'

/** Why a register link could not be claimed; nothing was changed. `message` is for the person. */
export class RegistrationError extends Error {
  constructor(
    readonly code: RegistrationErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'RegistrationError'
  }

  /**
   * The link itself is unusable (as opposed to a wrong or rejected password): ask for a new one.
   */
  get isLinkRefused(): boolean {
    return this.code === 'LINK_INVALID' || this.code === 'LINK_EXPIRED' || this.code === 'LINK_USED'
  }
}

/**
 * `instanceof` that also holds across the Next build's bundle layers (the name is set, not
 * minified).
 */
export const isRegistrationError = (error: unknown): error is RegistrationError =>
  error instanceof Error && error.name === 'RegistrationError' && 'code' in error
