import type { CollectionConfig, CollectionSlug, Config, Payload } from 'payload'

import { SignInFailures } from './collections/SignInFailures'
import { databaseSignInLimiter } from './databaseSignInLimiter'
import { clearAfterReset } from './hooks/clearAfterReset'
import { clearAfterSignIn } from './hooks/clearAfterSignIn'
import { limitSignIn } from './hooks/limitSignIn'
import { logFailedSignIn } from './hooks/logFailedSignIn'
import { resetMailFor } from './resetMail'
import type { SignInLimiter } from './signInLimiter'
import { defaultSignInBudgets, type SignInPluginOptions, type SignInSettings } from './types'
import { withoutLoginMutations } from './withoutLoginMutations'

export { signIn } from './signIn'
export { mailPasswordReset } from './mailPasswordReset'
export {
  isResetTokenUsable,
  resetPasswordWithToken,
  type PasswordResetOutcome,
  type PasswordResetProblem,
} from './resetPasswordWithToken'
export type { SignInLimiter, SignInAttempt } from './signInLimiter'
export type { SignInPluginOptions } from './types'

const settingsOf = (options: SignInPluginOptions): SignInSettings => ({
  enabled: options.enabled !== false,
  publicUrl: options.publicUrl.replace(/\/$/, ''),
  budgets: {
    perAccountAndAddress: {
      ...defaultSignInBudgets.perAccountAndAddress,
      ...options.budgets?.perAccountAndAddress,
    },
    perAddress: { ...defaultSignInBudgets.perAddress, ...options.budgets?.perAddress },
  },
})

/**
 * Sign-in that a stranger cannot lock and that does not tell who has an account: failed sign-ins
 * limited per address and per account+address (in the database, across instances) in place of
 * Payload's per-account lock, equal cost for unknown emails, one log line per failure,
 * password reset mails whose links are absolute from `publicUrl`, and session cookies marked
 * `Secure` when `publicUrl` is https.
 */
export const signInPlugin =
  (options: SignInPluginOptions) =>
  (config: Config): Config => {
    const settings = settingsOf(options)
    const limiterFor = (payload: Payload): SignInLimiter =>
      databaseSignInLimiter(payload, settings.budgets)
    const guarded: CollectionConfig[] = []

    const collections = (config.collections ?? []).map((collection): CollectionConfig => {
      const collectionOptions = options.collections[collection.slug]
      if (!collectionOptions) return collection
      if (!collection.auth)
        throw new Error(`signInPlugin: "${collection.slug}" is not an auth collection`)
      guarded.push(collection)
      const auth = collection.auth === true ? {} : collection.auth
      const withAuth: CollectionConfig = {
        ...collection,
        auth: {
          ...auth,
          // This plugin's limits replace Payload's lock, which any stranger could set off.
          maxLoginAttempts: 0,
          // Served over https: the session cookie never travels over plain http.
          cookies: {
            ...auth.cookies,
            secure: auth.cookies?.secure ?? settings.publicUrl.startsWith('https://'),
          },
          forgotPassword: {
            ...auth.forgotPassword,
            ...resetMailFor(
              collection.slug as CollectionSlug,
              settings.publicUrl,
              collectionOptions,
            ),
          },
        },
      }
      if (!settings.enabled) return withAuth
      const hooks = collection.hooks ?? {}
      return {
        ...withAuth,
        hooks: {
          ...hooks,
          beforeOperation: [...(hooks.beforeOperation ?? []), limitSignIn(limiterFor)],
          afterLogin: [...(hooks.afterLogin ?? []), clearAfterSignIn(limiterFor)],
          afterOperation: [...(hooks.afterOperation ?? []), clearAfterReset(limiterFor)],
          afterError: [...(hooks.afterError ?? []), logFailedSignIn],
        },
      }
    })
    for (const slug of Object.keys(options.collections)) {
      if (!collections.some((collection) => collection.slug === slug))
        throw new Error(`signInPlugin: no collection "${slug}"`)
    }

    const withCollections: Config = {
      ...config,
      collections: [...collections, SignInFailures],
      custom: {
        ...config.custom,
        signIn: { publicUrl: settings.publicUrl, collections: options.collections },
      },
    }
    if (!settings.enabled) return withCollections
    return {
      ...withCollections,
      // logFailedSignIn writes the one line; Payload's error and stack for the same failure would
      // be a second.
      loggingLevels: {
        ...config.loggingLevels,
        AuthenticationError: false,
        TooManySignIns: false,
      } as Config['loggingLevels'],
      graphQL: {
        ...config.graphQL,
        mutations: withoutLoginMutations(guarded, config.graphQL?.mutations),
      },
    }
  }
