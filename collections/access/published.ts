import type { Access, Where } from 'payload'

import { isStaffUser } from './hasRole'

/**
 * What a non-staff reader may see of a release: shipped and published. Both states count:
 * `status` is ours (draft, published, pulled), `_status` is Payload's draft state; a newer draft of
 * a
 * published release (`?draft=true`, versions) is `_status: draft` and so never matches.
 */
export const publishedReleaseWhere: Where = {
  and: [{ status: { equals: 'published' } }, { _status: { equals: 'published' } }],
}

/**
 * Material hanging off a release (changelog, teaser, doc link): for non-staff only when it hangs
 * off no release, or off one they may see, so nothing of an unreleased version shows early.
 */
export const onPublishedReleaseWhere = (field = 'release'): Where => ({
  or: [
    { [field]: { exists: false } },
    {
      and: [
        { [`${field}.status`]: { equals: 'published' } },
        { [`${field}._status`]: { equals: 'published' } },
      ],
    },
  ],
})

/**
 * Read access for release material: all of it for staff, what hangs off published releases for
 * other accounts.
 */
export const staffOrOnPublishedRelease: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  return req.user ? onPublishedReleaseWhere() : false
}
