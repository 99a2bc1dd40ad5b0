import type { CollectionAfterOperationHook, Payload } from 'payload'

import type { SignInLimiter } from '../signInLimiter'

/** Whoever reset the password holds the mailbox: every address may sign in to it again. */
export const clearAfterReset =
  (limiterFor: (payload: Payload) => SignInLimiter): CollectionAfterOperationHook =>
  async ({ collection, operation, req, result }) => {
    if (operation !== 'resetPassword') return result
    const email = (result as { user?: { email?: unknown } } | undefined)?.user?.email
    if (typeof email === 'string')
      await limiterFor(req.payload).forgetAccount({ collection: collection.slug, email }, req)
    return result
  }
