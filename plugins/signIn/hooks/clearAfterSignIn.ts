import type { CollectionAfterLoginHook, Payload } from 'payload'

import { pendingSignIns } from '../pendingSignIns'
import type { SignInLimiter } from '../signInLimiter'

/** A sign-in that succeeded gives its attempt back and starts its account+address count over. */
export const clearAfterSignIn =
  (limiterFor: (payload: Payload) => SignInLimiter): CollectionAfterLoginHook =>
  async ({ req }) => {
    const pending = pendingSignIns.get(req)
    if (pending) await limiterFor(req.payload).succeeded(pending, req)
  }
