import type { Payload } from 'payload'

import type { Artifact, Release } from '../../../payload-types'
import { ClientError } from '../../clientApi'
import { assertDownloadAllowed, type DownloadCredentials } from './entitlement'

/** One file of a release as a download list shows it; `isKept` is false once retention removed it. */
export type ReleaseFile = Pick<Artifact, 'id' | 'platform' | 'filename' | 'size' | 'sha256'> & {
  isKept: boolean
}

export type DownloadDecision =
  { isAllowed: true } | { isAllowed: false; code: string; message: string }

export type ReleaseDownloads = { files: ReleaseFile[]; decision: DownloadDecision }

/** What the decision reads of a release (a page has read it as its visitor). */
export type ReleaseOnPage = Pick<
  Release,
  'id' | 'product' | 'line' | 'version' | 'status' | 'releasedAt' | 'createdAt'
>

const pulledMessage = 'This release was pulled: it is no longer offered for download.'

/** The files of a release, by platform, whoever asks (checksums and sizes are no secret). */
export const findReleaseFiles = async (
  payload: Payload,
  releaseId: number,
): Promise<ReleaseFile[]> => {
  const { docs } = await payload.find({
    collection: 'artifacts',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    sort: 'platform',
    where: { release: { equals: releaseId } },
    select: { platform: true, filename: true, size: true, sha256: true, fileDeletedAt: true },
  })
  return docs.map((artifact) => ({
    id: artifact.id,
    platform: artifact.platform,
    filename: artifact.filename,
    size: artifact.size,
    sha256: artifact.sha256,
    isKept: !artifact.fileDeletedAt,
  }))
}

/**
 * Whether these credentials may download the release's files now, and why not: the same rules as
 * the download endpoint (`assertDownloadAllowed`), a pulled release refused for everyone.
 */
export const decideReleaseDownload = async (
  payload: Payload,
  {
    release,
    credentials,
    now = new Date(),
  }: { release: ReleaseOnPage; credentials: DownloadCredentials; now?: Date },
): Promise<DownloadDecision> => {
  if (release.status === 'pulled')
    return { isAllowed: false, code: 'RELEASE_PULLED', message: pulledMessage }
  try {
    await assertDownloadAllowed(payload, credentials, release, now)
  } catch (error) {
    if (error instanceof ClientError)
      return { isAllowed: false, code: error.code, message: error.message }
    throw error
  }
  return { isAllowed: true }
}

/** A release's files and whether these credentials may download them. */
export const findReleaseDownloads = async (
  payload: Payload,
  args: { release: ReleaseOnPage; credentials: DownloadCredentials; now?: Date },
): Promise<ReleaseDownloads> => {
  const [files, decision] = await Promise.all([
    findReleaseFiles(payload, args.release.id),
    decideReleaseDownload(payload, args),
  ])
  return { files, decision }
}
