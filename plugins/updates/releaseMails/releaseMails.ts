import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import type { Release } from '../../../payload-types'
import { productIdOf } from '../productIdOf'
import { queueReleaseMails } from './queueReleaseMails'
import { findGlobalRecipients, mergeRecipients } from './releaseRecipients'

/**
 * A release is created with its recipients listed (every licensed contact), and so is one whose
 * "Notify by email" is switched on with nobody listed; staff then untick or add addresses.
 */
export const fillGlobalRecipients: CollectionBeforeChangeHook<Release> = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  const merged = { ...originalDoc, ...data } as Partial<Release>
  const switchedOn = merged.notifyByEmail && !originalDoc?.notifyByEmail
  if (!(operation === 'create' || switchedOn) || (merged.recipients ?? []).length > 0) return data
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
