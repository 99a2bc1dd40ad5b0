import type { SignInAttempt } from './signInLimiter'

/** A sign-in under way: what the hooks after it (success, failure) need to know of it. */
export type PendingSignIn = SignInAttempt & { accountId: number | string | null }

/** Per request, so nothing of an attempt outlives it or reaches another request's hooks. */
export const pendingSignIns = new WeakMap<object, PendingSignIn>()
