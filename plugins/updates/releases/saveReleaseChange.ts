import type { Payload, PayloadRequest } from 'payload'

import type { Release } from '../../../payload-types'

type ReleaseChange = Partial<
  Pick<Release, 'status' | 'rollbackTo' | 'pulledAt' | 'archived' | 'recipients'>
>

/** A document's own fields, ready to be saved again (no id, timestamps, joins or draft state). */
const savableFieldsOf = (release: Release) => {
  const {
    id: _id,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    artifacts: _artifacts,
    events: _events,
    _status,
    ...fields
  } = release
  return fields
}

/**
 * Saves a change made by the system (pull, restore, archive, recipients) to a published release.
 * Payload publishes the newest draft along with any save, so when staff are still writing one, the
 * change is applied to the published document and the draft is saved again on top of it (with
 * the same change): what was published stays as it was, and the draft stays a draft. A release
 * that was never published only gets its draft changed.
 */
export const saveReleaseChange = async (
  payload: Payload,
  { id, data, req }: { id: number; data: ReleaseChange; req?: Partial<PayloadRequest> },
): Promise<Release> => {
  const common = {
    collection: 'releases',
    id,
    depth: 0,
    overrideAccess: true,
    req,
    context: req?.context,
  } as const
  const published = await payload.findByID({ ...common, draft: false })
  const latest = await payload.findByID({ ...common, draft: true })
  if (published._status !== 'published') return payload.update({ ...common, draft: true, data })
  // Without `_status`, a save over a pending draft would take the draft's state and unpublish the
  // release.
  if (latest._status !== 'draft')
    return payload.update({ ...common, data: { ...data, _status: 'published' } })
  const updated = await payload.update({
    ...common,
    data: { ...savableFieldsOf(published), ...data, _status: 'published' },
  })
  await payload.update({ ...common, draft: true, data: { ...savableFieldsOf(latest), ...data } })
  return updated
}
