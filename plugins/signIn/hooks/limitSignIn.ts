import { ValidationError, type CollectionBeforeOperationHook, type Payload } from 'payload'

import { clientAddress } from '../../clientApi'
import { hashAgainstNobody } from '../hashAgainstNobody'
import { pendingSignIns } from '../pendingSignIns'
import { isPossibleEmail, normalizeEmail, type SignInLimiter } from '../signInLimiter'
import { TooManySignIns } from '../TooManySignIns'

/**
 * Before every login operation (REST, the admin's form, the Local API): count the attempt, refuse
 * it with 429 past a budget, and for an email with no account spend the same password hash
 * Payload spends on a wrong password, so the answer time does not tell who has an account.
 */
export const limitSignIn =
  (limiterFor: (payload: Payload) => SignInLimiter): CollectionBeforeOperationHook =>
  async ({ args, collection, operation, req }) => {
    if (operation !== 'login') return args
    const { email, password } =
      (args as { data?: { email?: unknown; password?: unknown } }).data ?? {}
    // Without both, Payload answers 400 before it looks for anyone or hashes anything.
    if (
      typeof email !== 'string' ||
      typeof password !== 'string' ||
      !email.trim() ||
      !password.trim()
    )
      return args

    // Payload's email rule admits no control character, so no account has one; nor one this long.
    // Refused before any query: a NUL byte made PostgreSQL fail the lookup (500).
    if (!isPossibleEmail(email)) {
      throw new ValidationError(
        {
          collection: collection.slug,
          errors: [{ message: req.t('validation:emailAddress'), path: 'email' }],
        },
        req.t,
      )
    }
    const attempt = {
      collection: collection.slug,
      email: normalizeEmail(email),
      address: clientAddress(req).slice(0, 100),
    }
    const account = await req.payload.db.findOne<{
      id: number | string
      hash?: unknown
      salt?: unknown
    }>({
      collection: collection.slug,
      where: { email: { equals: attempt.email } },
      req,
    })
    pendingSignIns.set(req, { ...attempt, accountId: account?.id ?? null })

    const admission = await limiterFor(req.payload).admit(attempt)
    if (!admission.admitted) {
      const headers = req.responseHeaders ?? new Headers()
      headers.set('Retry-After', String(admission.retryAfterSeconds))
      req.responseHeaders = headers
      throw new TooManySignIns(admission.retryAfterSeconds)
    }
    if (!account || typeof account.hash !== 'string' || typeof account.salt !== 'string')
      await hashAgainstNobody(password)
    return args
  }
