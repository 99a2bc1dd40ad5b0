import type { Config } from 'payload'

import { RegistrationClaims } from './collections/RegistrationClaims'
import { defaultRegistrationOptions, type RegistrationPluginOptions } from './types'

// Domain functions: licensing puts register links into its mails; the portal's register page claims
// them.
export { registerLinkFor, registerPageUrl } from './registerLink'
export { describeRegistration, type RegistrationOffer } from './describeRegistration'
export { claimRegistration, type RegistrationClaimed } from './claimRegistration'
export {
  isRegistrationError,
  RegistrationError,
  type RegistrationErrorCode,
} from './registrationError'
export {
  issueRegistrationToken,
  readRegistrationToken,
  type RegistrationGrant,
} from './registrationToken'
export type { RegistrationPluginOptions } from './types'

/**
 * Register links: single-use signed tokens, mailed to a subscriber's mailbox, that let its owner
 * make a portal account or add the company to the one they have. Until then, a company made by an
 * anonymous trial or by a reseller belongs to no account.
 */
export const registrationPlugin =
  (options: RegistrationPluginOptions = {}) =>
  (config: Config): Config => ({
    ...config,
    collections: [...(config.collections ?? []), RegistrationClaims],
    custom: { ...config.custom, registration: { ...defaultRegistrationOptions, ...options } },
  })
