import { APIError, ValidationError, type CollectionSlug, type Payload } from 'payload'

export type PasswordResetProblem = 'PASSWORDS_DIFFER' | 'PASSWORD_REFUSED' | 'INVALID_TOKEN'

export type PasswordResetOutcome =
  { changed: true } | { changed: false; problem: PasswordResetProblem; message: string }

const invalidToken: PasswordResetOutcome = {
  changed: false,
  problem: 'INVALID_TOKEN',
  message: 'This reset link is invalid or has expired. Ask for a new one; each link works once.',
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
    if (error instanceof ValidationError) {
      return {
        changed: false,
        problem: 'PASSWORD_REFUSED',
        message:
          error.data.errors.map((each) => each.message).join(' ') ||
          'This password is not accepted.',
      }
    }
    // Payload answers an unknown, used or expired token with 403 "Token is either invalid or has
    // expired."
    if (error instanceof APIError && error.status === 403) return invalidToken
    throw error
  }
}
