import { createHash } from 'node:crypto'

import { createLocalReq, type CollectionSlug, type Payload } from 'payload'

import { queueComposedMail } from '../mailers'
import { composeResetMail } from './resetMail'
import type { SignInCollectionOptions } from './types'

type ResetSettings = { publicUrl: string; collections: Record<string, SignInCollectionOptions> }

const settingsOf = (payload: Payload): ResetSettings => {
  const settings = (payload.config.custom as { signIn?: ResetSettings } | undefined)?.signIn
  if (!settings) throw new Error('mailPasswordReset needs signInPlugin in the config')
  return settings
}

/**
 * Payload's forgot-password flow with the mail through the outbox (delivered, retried and
 * recorded like every mail) instead of sent during the request. Nothing is queued for an email
 * without an account; the caller answers the same either way.
 */
export const mailPasswordReset = async (
  payload: Payload,
  { collection, email }: { collection: CollectionSlug; email: string },
): Promise<void> => {
  const settings = settingsOf(payload)
  const token = await payload.forgotPassword({
    collection: collection as 'customer-users',
    data: { email },
    disableEmail: true,
  })
  if (!token) return
  const req = await createLocalReq({}, payload)
  const mail = composeResetMail(
    req,
    { collection, token, email },
    settings.publicUrl,
    settings.collections[collection] ?? {},
  )
  await queueComposedMail(payload, {
    to: email,
    ...mail,
    // The token itself stays out of the key: the key is shown in lists.
    idempotencyKey: `password-reset:${collection}:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`,
    context: { kind: 'password-reset', collection },
  })
}
