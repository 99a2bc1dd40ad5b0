import { stat } from 'node:fs/promises'

import type { Payload } from 'payload'
import rangeParser from 'range-parser'

import type { Artifact } from '../../../payload-types'
import { ClientError } from '../../clientApi'
import { fileBody } from '../../../src/http/fileBody'
import { updatesSettingsOf } from '../settings'
import {
  attachmentDisposition,
  localPathOf,
  presignArtifactUrl,
  usesObjectStorage,
} from './artifactStorage'
import { verifyDownloadToken } from './downloadToken'
import { fileMissing } from './fileMissing'
import { artifactGone, notFound } from './findDownloadableArtifact'

export type FileRequest = {
  artifactId: number
  token: string
  range?: string | null
  ifRange?: string | null
  now?: Date
}

const fileSize = async (
  payload: Payload,
  filePath: string,
  artifact: Artifact,
): Promise<number> => {
  try {
    return (await stat(filePath)).size
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw fileMissing(payload, artifact, filePath)
    throw error
  }
}

/**
 * The answer to a download link: with local storage the file streamed from disk (never held in
 * memory), whole or one byte range (206, resume); with S3 a redirect to a presigned object URL.
 */
export const artifactFileResponse = async (
  payload: Payload,
  { artifactId, token, range, ifRange, now = new Date() }: FileRequest,
): Promise<Response> => {
  await verifyDownloadToken(payload, token, artifactId, now)
  const artifact = await payload.findByID({
    collection: 'artifacts',
    id: artifactId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!artifact) throw notFound(`artifact ${artifactId}`)
  if (artifact.fileDeletedAt) throw artifactGone(artifact)

  if (usesObjectStorage(payload)) {
    const location = await presignArtifactUrl(
      payload,
      artifact,
      updatesSettingsOf(payload).presignedUrlSeconds,
    )
    return new Response(null, {
      status: 302,
      headers: { Location: location, 'Cache-Control': 'no-store' },
    })
  }

  const filePath = localPathOf(payload, artifact)
  const size = await fileSize(payload, filePath, artifact)
  const etag = `"${artifact.sha256}"`
  const headers: Record<string, string> = {
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'private, no-transform',
    'Content-Disposition': attachmentDisposition(String(artifact.filename)),
    'Content-Type': artifact.mimeType || 'application/octet-stream',
    ETag: etag,
    'X-Checksum-Sha256': String(artifact.sha256),
  }
  // A Range only applies to the same bytes: an If-Range naming another version means "send it all".
  const ranges =
    range && (!ifRange || ifRange === etag) ? rangeParser(size, range, { combine: true }) : -2
  if (ranges === -1) {
    throw new ClientError(416, 'RANGE_NOT_SATISFIABLE', `The file has ${size} bytes`, {
      'Content-Range': `bytes */${size}`,
    })
  }
  if (ranges !== -2 && ranges.type === 'bytes' && ranges.length === 1) {
    const [{ start, end }] = ranges
    return new Response(fileBody(filePath, { start, end }), {
      status: 206,
      headers: {
        ...headers,
        'Content-Length': String(end - start + 1),
        'Content-Range': `bytes ${start}-${end}/${size}`,
      },
    })
  }
  return new Response(size === 0 ? null : fileBody(filePath, { start: 0, end: size - 1 }), {
    status: 200,
    headers: { ...headers, 'Content-Length': String(size) },
  })
}
