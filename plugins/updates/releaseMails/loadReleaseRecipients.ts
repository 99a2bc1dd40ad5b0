import type { Payload } from 'payload'

import type { Release } from '../../../payload-types'
import { ClientError } from '../../clientApi'
import { productIdOf } from '../productIdOf'
import { findGlobalRecipients, mergeRecipients } from './releaseRecipients'
import { saveReleaseChange } from '../releases/saveReleaseChange'

/**
 * "Load recipients": refreshes the global part of a release's recipients from today's licenses
 * (unticked addresses stay unticked, extra ones stay) and saves it. A draft stays a draft; on a
 * published release with "Notify by email", newly listed recipients get their mail.
 */
export const loadReleaseRecipients = async (
  payload: Payload,
  { releaseId, now = new Date() }: { releaseId: number | string; now?: Date },
): Promise<Release> => {
  const release = await payload.findByID({
    collection: 'releases',
    id: releaseId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    draft: true,
  })
  if (!release) throw new ClientError(404, 'NOT_FOUND', `No release ${releaseId}`)
  const productId = productIdOf(release.product)
  if (productId === undefined)
    throw new ClientError(409, 'NO_PRODUCT', 'The release has no product')
  const globalEmails = await findGlobalRecipients(payload, { productId, line: release.line, now })
  await saveReleaseChange(payload, {
    id: release.id,
    data: { recipients: mergeRecipients(release.recipients, globalEmails) },
  })
  return payload.findByID({
    collection: 'releases',
    id: release.id,
    depth: 0,
    overrideAccess: true,
    draft: true,
  })
}
