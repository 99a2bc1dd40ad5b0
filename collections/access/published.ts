import type { Access, Where } from 'payload'

import { isStaffUser } from './hasRole'

/**
 * What a non-staff reader may see of a release: shipped and published. Both states count:
 * `status` is ours (draft, published, pulled), `_status` is Payload's draft state; a newer draft of
 * a published release (`?draft=true`, versions) is `_status: draft` and so never matches. A pulled
 * release shipped once and stays visible, marked as pulled, so whoever installed it can read why;
 * its files are refused (findDownloadableArtifact).
 */
export const publishedReleaseWhere: Where = {
  and: [{ status: { in: ['published', 'pulled'] } }, { _status: { equals: 'published' } }],
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
        { [`${field}.status`]: { in: ['published', 'pulled'] } },
        { [`${field}._status`]: { equals: 'published' } },
      ],
    },
  ],
})

/**
 * Read access for releases: all of them for staff, the published ones for everyone else. A
 * release's public part is shared by direct link (`/r/<product>/<line>/<version>`), which works
 * without signing in; its files still need a license.
 */
export const staffOrPublishedRelease: Access = ({ req }) =>
  isStaffUser(req.user) ? true : publishedReleaseWhere

/**
 * Read access for release material: all of it for staff, what hangs off published releases for
 * everyone else (the direct link shows it).
 */
export const staffOrOnPublishedRelease: Access = ({ req }) =>
  isStaffUser(req.user) ? true : onPublishedReleaseWhere()
