import type { CollectionAfterReadHook } from 'payload'

import { userHasRole } from '../../../collections/access/hasRole'
import type { Release } from '../../../payload-types'
import { productIdOf } from '../productIdOf'
import { findGlobalRecipients, mergeRecipients } from './releaseRecipients'

/** Reads that are part of a write answer what was saved, not a fresher list. */
const isWrite = (method: string | undefined): boolean =>
  method !== undefined && method.toUpperCase() !== 'GET'

/**
 * A release opened by someone who sends its mails (one document, not a list) shows today's
 * recipients: customers licensed since join, those no longer licensed leave, unticked and extra
 * addresses stay. Nothing is saved until they save it ("Load recipients" saves at once).
 */
export const refreshRecipientsOnOpen: CollectionAfterReadHook<Release> = async ({
  doc,
  findMany,
  req,
}) => {
  if (findMany || isWrite(req.method) || !userHasRole(req.user, ['release-manager'])) return doc
  // Not asked for (`select`): nothing to refresh.
  if (!('recipients' in doc)) return doc
  const productId = productIdOf(doc.product)
  if (productId === undefined || !doc.line) return doc
  const globalEmails = await findGlobalRecipients(req.payload, { productId, line: doc.line }, req)
  return { ...doc, recipients: mergeRecipients(doc.recipients, globalEmails) }
}
