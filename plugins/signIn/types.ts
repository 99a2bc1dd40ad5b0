/** How many failures a key may have in a window that starts with its first failure. */
export type SignInBudget = { limit: number; windowMs: number }

export type SignInBudgets = {
  /**
   * Failures one address may have for one account: past it, that address waits; the owner signs
   * in from anywhere else, and a successful sign-in or a password reset starts it over.
   * @default { limit: 5, windowMs: 15 min }
   */
  perAccountAndAddress?: SignInBudget
  /**
   * Failures one address may have over all accounts (guessing many accounts from one place).
   * @default { limit: 50, windowMs: 15 min }
   */
  perAddress?: SignInBudget
}

export type SignInCollectionOptions = {
  /**
   * The path (after `publicUrl`) of the page that takes a reset token from the mail.
   * @default Payload's admin reset view, `<admin route>/reset/<token>`
   */
  resetPath?: (token: string) => string
}

export type SignInPluginOptions = {
  /**
   * When false no sign-in is limited or logged by this plugin. The failure counts collection and
   * the auth options (Payload's own lock off, absolute reset links) stay, so the schema does not
   * change.
   * @default true
   */
  enabled?: boolean
  /**
   * The public base URL (`PUBLIC_URL`): every link in a reset mail starts with it; https makes
   * session cookies `Secure`.
   */
  publicUrl: string
  /** The auth collections (with a password) whose sign-in this plugin guards, by slug. */
  collections: Record<string, SignInCollectionOptions>
  /** Failure budgets; see each one's default. */
  budgets?: SignInBudgets
}

const fifteenMinutes = 15 * 60_000

export const defaultSignInBudgets: Required<SignInBudgets> = {
  perAccountAndAddress: { limit: 5, windowMs: fifteenMinutes },
  perAddress: { limit: 50, windowMs: fifteenMinutes },
}

export type SignInSettings = {
  enabled: boolean
  publicUrl: string
  budgets: Required<SignInBudgets>
}
