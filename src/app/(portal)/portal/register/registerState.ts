/** What the register form shows after a submission that did not sign the person in. */
export type RegisterState = {
  error?: {
    message: string
    /** The field the message is about; none: the whole form (or the link). */
    field?: 'password' | 'passwordConfirmation'
  }
  /** The link cannot be used (invalid, expired, used): no form any more. */
  linkRefused?: boolean
  /**
   * Whether the email has an account, as the claim found it (it may have changed since the page was
   * shown).
   */
  hasAccount?: boolean
}
