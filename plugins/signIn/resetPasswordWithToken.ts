import type { CollectionSlug, Payload } from 'payload'

export type PasswordResetProblem = 'PASSWORDS_DIFFER' | 'PASSWORD_REFUSED' | 'INVALID_TOKEN'

export type PasswordResetOutcome =
  { changed: true } | { changed: false; problem: PasswordResetProblem; message: string }

const invalidToken: PasswordResetOutcome = {
  changed: false,
  problem: 'INVALID_TOKEN',
  message: 'This reset link is invalid or has expired. Ask for a new one; each link works once.',
}

/**
 * Payload's refusals known by their shape, not `instanceof`: the Next server bundle can hold a
 * second copy of Payload's error classes, where `instanceof` misses them (a 500 for a mistyped
 * reset link on the production build).
 */
const statusOf = (error: unknown): number | undefined =>
  error instanceof Error ? ((error as Error & { status?: unknown }).status as number) : undefined
const validationMessagesOf = (error: unknown): string[] | undefined => {
  if (!(error instanceof Error) || error.name !== 'ValidationError') return undefined
  const errors = (error as Error & { data?: { errors?: unknown } }).data?.errors
  return Array.isArray(errors)
    ? errors.map((each) => String((each as { message?: unknown })?.message ?? ''))
    : []
}

/** Whether `token` would reset a password of `collection` now (unused, not expired). */
export const isResetTokenUsable = async (
  payload: Payload,
  collection: CollectionSlug,
  token: unknown,
): Promise<boolean> => {
  if (typeof token !== 'string' || !token) return false
  const account = await payload.db.findOne({
    collection,
    where: {
      and: [
        { resetPasswordToken: { equals: token } },
        { resetPasswordExpiration: { greater_than: new Date().toISOString() } },
      ],
    },
  })
  return Boolean(account)
}

/**
 * The portal's "choose a new password": the password twice, then Payload's own reset operation
 * (its password rules, its single-use token). A refusal changes nothing and keeps the token usable.
 */
export const resetPasswordWithToken = async (
  payload: Payload,
  {
    collection,
    token,
    password,
    passwordAgain,
  }: { collection: CollectionSlug; token: unknown; password: unknown; passwordAgain: unknown },
): Promise<PasswordResetOutcome> => {
  if (typeof token !== 'string' || !token) return invalidToken
  if (typeof password !== 'string' || typeof passwordAgain !== 'string' || !password.trim()) {
    return {
      changed: false,
      problem: 'PASSWORD_REFUSED',
      message: 'Choose a new password and type it twice.',
    }
  }
  if (password !== passwordAgain)
    return {
      changed: false,
      problem: 'PASSWORDS_DIFFER',
      message: 'The two passwords differ. Type the same new password twice.',
    }
  try {
    await payload.resetPassword({ collection, data: { token, password }, overrideAccess: true })
    return { changed: true }
  } catch (error) {
    const messages = validationMessagesOf(error)
    if (messages) {
      return {
        changed: false,
        problem: 'PASSWORD_REFUSED',
        message: messages.filter(Boolean).join(' ') || 'This password is not accepted.',
      }
    }
    // Payload answers an unknown, used or expired token with 403 "Token is either invalid or has
    // expired."
    if (statusOf(error) === 403) return invalidToken
    throw error
  }
}
