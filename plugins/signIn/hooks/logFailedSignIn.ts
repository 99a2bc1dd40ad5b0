import { AuthenticationError, type AfterErrorHook, type PayloadRequest } from 'payload'

import { pendingSignIns } from '../pendingSignIns'
import { TooManySignIns } from '../TooManySignIns'

/** Nothing a caller typed may start a log line of its own. */
const printable = (text: string): string =>
  text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?')

/**
 * One line for a failed or refused sign-in, when `error` is one and `req` went through the login
 * operation: who was tried, from where, never the password.
 */
export const logSignInFailure = (req: Partial<PayloadRequest>, error: unknown): void => {
  const pending = pendingSignIns.get(req)
  if (!pending || !req.payload) return
  const refused = error instanceof TooManySignIns
  if (!refused && !(error instanceof AuthenticationError)) return
  const account = pending.accountId === null ? 'unknown account' : `account ${pending.accountId}`
  const what = refused
    ? `Sign-in refused (too many failures, retry in ${error.data.retryAfterSeconds} s)`
    : 'Sign-in failed'
  req.payload.logger.warn(
    printable(
      `${what}: ${pending.collection} ${account} <${pending.email}> from ${pending.address}`,
    ),
  )
}

/**
 * REST and the admin: the one line, in place of the error and stack Payload would log (its
 * `loggingLevels` for these errors are off).
 */
export const logFailedSignIn: AfterErrorHook = ({ error, req }) => logSignInFailure(req, error)
