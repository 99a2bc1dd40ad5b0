import type { CollectionSlug, PayloadRequest } from 'payload'

import type { SignInCollectionOptions } from './types'

export type ResetMail = { subject: string; html: string; text: string }

const subject = 'Reset your ProMonitor password'

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)

/** Payload's own admin view for a reset token: `<admin route><reset route>/<token>`. */
const adminResetPath = (req: PayloadRequest, token: string): string => {
  const { routes, admin } = req.payload.config
  return `${routes.admin.replace(/\/$/, '')}${admin.routes.reset}/${token}`
}

const hoursOf = (req: PayloadRequest, collection: CollectionSlug): number => {
  const expiration =
    req.payload.collections[collection]?.config.auth?.forgotPassword?.expiration ?? 60 * 60_000
  return Math.max(1, Math.round(expiration / (60 * 60_000)))
}

/**
 * The reset mail for one account: its link absolute from `publicUrl` (Payload's default is
 * relative, or takes the request's Host, which any caller sets), as HTML and as plain text.
 */
export const composeResetMail = (
  req: PayloadRequest,
  { collection, token, email }: { collection: CollectionSlug; token: string; email: string },
  publicUrl: string,
  { resetPath }: SignInCollectionOptions,
): ResetMail => {
  const link = `${publicUrl}${resetPath ? resetPath(token) : adminResetPath(req, token)}`
  const hours = hoursOf(req, collection)
  const asked = `Someone, we hope you, asked to reset the password of the ProMonitor account ${email}.`
  const works = `The link works once, for ${hours} hour${hours === 1 ? '' : 's'}. If you did not ask for it, ignore this mail: your password stays as it is.`
  return {
    subject,
    html: [
      '<p>Hello,</p>',
      `<p>${escapeHtml(asked)}</p>`,
      `<p><a href="${escapeHtml(link)}">Choose a new password</a></p>`,
      `<p>${escapeHtml(works)}</p>`,
      '<p>The ProMonitor team</p>',
    ].join('\n'),
    text: ['Hello,', asked, `Choose a new password: ${link}`, works, 'The ProMonitor team'].join(
      '\n\n',
    ),
  }
}

type ResetMailArgs = { req?: PayloadRequest; token?: string; user?: { email?: unknown } }

/** Payload's forgot-password mail for one auth collection (what its own flow sends). */
export const resetMailFor = (
  collection: CollectionSlug,
  publicUrl: string,
  collectionOptions: SignInCollectionOptions,
) => ({
  generateEmailSubject: () => subject,
  generateEmailHTML: ({ req, token, user }: ResetMailArgs = {}): string => {
    // Payload passes all three (auth/operations/forgotPassword.js); its type leaves them optional.
    if (!req || !token) throw new Error('A reset mail needs the request and the token')
    const email = String(user?.email ?? '')
    return composeResetMail(req, { collection, token, email }, publicUrl, collectionOptions).html
  },
})
