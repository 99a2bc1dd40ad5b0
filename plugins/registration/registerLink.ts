import type { Payload } from 'payload'

import { issueRegistrationToken } from './registrationToken'

/** The portal's register page, without a token: what an API answer may show (it proves nothing). */
export const registerPageUrl = (publicUrl: string): string =>
  `${publicUrl.replace(/\/$/, '')}/portal/register`

/**
 * The register link for a mail to `email`'s mailbox: the page with a fresh single-use token that
 * lets the mailbox owner claim `customer`. Only ever put into that mail, never into an answer or a
 * log.
 */
export const registerLinkFor = async (
  payload: Payload,
  publicUrl: string,
  grant: { email: string; customer: number | string; license?: number | string },
): Promise<string> =>
  `${registerPageUrl(publicUrl)}?token=${encodeURIComponent(await issueRegistrationToken(payload, grant))}`
