import type { Payload } from 'payload'

import type { Artifact } from '../../../payload-types'
import { updatesSettingsOf } from '../settings'
import { issueDownloadToken } from './downloadToken'
import type { DownloadCredentials } from './entitlement'
import { findDownloadableArtifact } from './findDownloadableArtifact'

export type AuthorizedDownload = { artifact: Artifact; url: string; expiresAt: Date }

/** The file link a download token opens: `/api/v1/downloads/:id/file?token=…`. */
export const downloadFileUrlOf = (
  payload: Payload,
  artifactId: number | string,
  token: string,
): string =>
  `${payload.config.routes.api}/v1/downloads/${artifactId}/file?token=${encodeURIComponent(token)}`

/**
 * Checks that the credentials may download the artifact and returns its short-lived file link
 * (`/api/v1/downloads/:id/file?token=…`, valid `downloadTokenSeconds`, for this artifact only).
 */
export const authorizeDownload = async (
  payload: Payload,
  {
    artifactId,
    credentials,
    now = new Date(),
  }: { artifactId: number; credentials: DownloadCredentials; now?: Date },
): Promise<AuthorizedDownload> => {
  const { artifact } = await findDownloadableArtifact(payload, { artifactId, credentials, now })
  const { token, expiresAt } = await issueDownloadToken(payload, artifact.id, {
    seconds: updatesSettingsOf(payload).downloadTokenSeconds,
    now,
  })
  return { artifact, url: downloadFileUrlOf(payload, artifact.id, token), expiresAt }
}
