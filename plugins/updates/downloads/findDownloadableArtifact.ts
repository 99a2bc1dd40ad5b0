import type { Payload } from 'payload'

import { isStaffUser } from '../../../collections/access/hasRole'
import type { Artifact, Release } from '../../../payload-types'
import { ClientError } from '../../clientApi'
import { assertDownloadAllowed, type DownloadCredentials } from './entitlement'

export const artifactGone = (artifact: Pick<Artifact, 'id'>): ClientError =>
  new ClientError(
    410,
    'ARTIFACT_GONE',
    `The file of artifact ${artifact.id} was deleted by retention; its release is archived`,
  )

export const notFound = (what: string): ClientError =>
  new ClientError(404, 'NOT_FOUND', `No ${what}`)

/** Payload ids are whole numbers here; anything else is refused before it reaches a query. */
export const parseId = (value: unknown, what: string): number => {
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,14}$/.test(value)) throw notFound(what)
  return Number(value)
}

/**
 * The artifact, when these credentials may download it now: it exists, its release is published
 * (a pulled one is 410 RELEASE_PULLED; staff may fetch any), its file is kept, and the license
 * allows it.
 */
export const findDownloadableArtifact = async (
  payload: Payload,
  {
    artifactId,
    credentials,
    now = new Date(),
  }: { artifactId: number; credentials: DownloadCredentials; now?: Date },
): Promise<{ artifact: Artifact; release: Release }> => {
  const artifact = await payload.findByID({
    collection: 'artifacts',
    id: artifactId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  const releaseId = typeof artifact?.release === 'object' ? artifact.release?.id : artifact?.release
  const release = releaseId
    ? await payload.findByID({
        collection: 'releases',
        id: releaseId,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
      })
    : null
  const isStaff = 'user' in credentials && isStaffUser(credentials.user)
  const isShipped =
    release &&
    release._status === 'published' &&
    (release.status === 'published' || release.status === 'pulled')
  if (!artifact || !release || (!isStaff && !isShipped)) throw notFound(`artifact ${artifactId}`)
  await assertDownloadAllowed(payload, credentials, release, now)
  if (release.status === 'pulled' && !isStaff) {
    throw new ClientError(
      410,
      'RELEASE_PULLED',
      `Release ${release.version} was pulled${release.rollbackTo ? `; use ${release.rollbackTo}` : ''}`,
    )
  }
  if (artifact.fileDeletedAt) throw artifactGone(artifact)
  return { artifact, release }
}
