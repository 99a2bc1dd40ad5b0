/** What the sign-in form shows after a submission that did not sign the person in. */
export type LoginState = {
  /** The email as typed, so it need not be typed again. */
  email?: string
  error?: string
}
