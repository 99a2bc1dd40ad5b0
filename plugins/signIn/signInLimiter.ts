import type { PayloadRequest } from 'payload'

/** One sign-in attempt: which account (collection and email as Payload matches it) from where. */
export type SignInAttempt = { collection: string; email: string; address: string }

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number }

/**
 * What limits sign-ins. Each attempt is counted before its password is checked (so parallel
 * guesses cannot slip past a budget), and given back when it succeeds: what stays counted are
 * failures. The database limiter implements it today; a shared store (Redis) may later.
 */
export type SignInLimiter = {
  /** Counts the attempt against its address's budget and its account+address budget. */
  admit: (attempt: SignInAttempt, now?: Date) => Promise<Admission>
  /** The attempt signed in: it was no failure, and its account+address count starts over. */
  succeeded: (attempt: SignInAttempt, req?: Partial<PayloadRequest>) => Promise<void>
  /** The account's password was reset: every address may try it again. */
  forgetAccount: (
    account: Pick<SignInAttempt, 'collection' | 'email'>,
    req?: Partial<PayloadRequest>,
  ) => Promise<void>
}

/** How Payload matches an email at sign-in (login.js): lower case, trimmed. */
export const normalizeEmail = (email: string): string => email.toLowerCase().trim()

/** Longer than any address RFC 5321 allows; keys stay well inside an index entry. */
const longestEmail = 320

export const isPossibleEmail = (email: string): boolean =>
  email.length <= longestEmail && !/[\u0000-\u001f\u007f]/.test(email)

export const accountOf = ({
  collection,
  email,
}: Pick<SignInAttempt, 'collection' | 'email'>): string => `${collection}:${normalizeEmail(email)}`

export const addressKeyOf = ({ address }: SignInAttempt): string => `address|${address}`

export const accountAndAddressKeyOf = (attempt: SignInAttempt): string =>
  `account|${accountOf(attempt)}|${attempt.address}`
