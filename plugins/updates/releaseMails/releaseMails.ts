import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import type { Release } from '../../../payload-types'
import { productIdOf } from '../productIdOf'
import { queueReleaseMails } from './queueReleaseMails'
import { findGlobalRecipients, mergeRecipients } from './releaseRecipients'

/**
 * When "Notify by email" is first switched on and no recipient is listed yet, the list starts as
 * the global one (every licensed contact); staff then untick or add addresses.
 */
export const fillGlobalRecipients: CollectionBeforeChangeHook<Release> = async ({
  data,
  originalDoc,
  req,
}) => {
  const merged = { ...originalDoc, ...data } as Partial<Release>
  const switchedOn = merged.notifyByEmail && !originalDoc?.notifyByEmail
  if (!switchedOn || (merged.recipients ?? []).length > 0) return data
  const productId = productIdOf(merged.product)
  if (productId === undefined || !merged.line) return data
  const globalEmails = await findGlobalRecipients(
    req.payload,
    { productId, line: merged.line },
    req,
  )
  return { ...data, recipients: mergeRecipients([], globalEmails) }
}

/** A published release with "Notify by email" mails its recipients, once each. */
export const queueMailsOnPublish: CollectionAfterChangeHook<Release> = async ({ doc, req }) => {
  await queueReleaseMails(req.payload, doc, req)
  return doc
}
