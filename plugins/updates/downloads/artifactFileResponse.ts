import { open, stat, type FileHandle } from 'node:fs/promises'

import type { Payload } from 'payload'
import rangeParser from 'range-parser'

import type { Artifact } from '../../../payload-types'
import { ClientError } from '../../clientApi'
import { updatesSettingsOf } from '../settings'
import { attachmentDisposition, localPathOf, presignArtifactUrl, usesObjectStorage } from './artifactStorage'
import { verifyDownloadToken } from './downloadToken'
import { artifactGone, notFound } from './findDownloadableArtifact'

export type FileRequest = { artifactId: number; token: string; range?: string | null; ifRange?: string | null; now?: Date }

const fileSize = async (filePath: string, artifact: Artifact): Promise<number> => {
  try {
    return (await stat(filePath)).size
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw artifactGone(artifact)
    throw error
  }
}

/** Bytes read from disk per chunk: few large reads and writes, and no copy between them. */
const chunkBytes = 1 << 20

/**
 * The file, or the inclusive byte range `start`–`end` of it, as a web stream read straight from
 * a file handle in 1 MiB chunks (each read into its own buffer, handed on as is). The handle is
 * closed at the end, on an error and when the reader cancels (the client went away).
 */
const streamOf = (filePath: string, range?: { start: number; end: number }): ReadableStream<Uint8Array> => {
  let handle: Promise<FileHandle> | undefined
  let position = range?.start ?? 0
  const endBefore = range ? range.end + 1 : Number.POSITIVE_INFINITY
  const close = async () => {
    const opened = handle
    handle = undefined
    await (await opened?.catch(() => undefined))?.close().catch(() => {})
  }
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          handle ??= open(filePath, 'r')
          const file = await handle
          const length = Math.min(chunkBytes, endBefore - position)
          const { bytesRead, buffer } = length > 0 ? await file.read(Buffer.allocUnsafeSlow(length), 0, length, position) : { bytesRead: 0, buffer: undefined }
          if (bytesRead === 0 || !buffer) {
            await close()
            controller.close()
            return
          }
          position += bytesRead
          controller.enqueue(new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead))
        } catch (error) {
          await close()
          controller.error(error)
        }
      },
      cancel: close,
    },
    // One chunk read ahead while the previous one is written to the socket.
    { highWaterMark: 1 },
  )
}

/**
 * The answer to a download link: with local storage the file streamed from disk (never held in
 * memory), whole or one byte range (206, resume); with S3 a redirect to a presigned object URL.
 */
export const artifactFileResponse = async (payload: Payload, { artifactId, token, range, ifRange, now = new Date() }: FileRequest): Promise<Response> => {
  await verifyDownloadToken(payload, token, artifactId, now)
  const artifact = await payload.findByID({ collection: 'artifacts', id: artifactId, depth: 0, overrideAccess: true, disableErrors: true })
  if (!artifact) throw notFound(`artifact ${artifactId}`)
  if (artifact.fileDeletedAt) throw artifactGone(artifact)

  if (usesObjectStorage(payload)) {
    const location = await presignArtifactUrl(payload, artifact, updatesSettingsOf(payload).presignedUrlSeconds)
    return new Response(null, { status: 302, headers: { Location: location, 'Cache-Control': 'no-store' } })
  }

  const filePath = localPathOf(payload, artifact)
  const size = await fileSize(filePath, artifact)
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
  const ranges = range && (!ifRange || ifRange === etag) ? rangeParser(size, range, { combine: true }) : -2
  if (ranges === -1) {
    throw new ClientError(416, 'RANGE_NOT_SATISFIABLE', `The file has ${size} bytes`, { 'Content-Range': `bytes */${size}` })
  }
  if (ranges !== -2 && ranges.type === 'bytes' && ranges.length === 1) {
    const [{ start, end }] = ranges
    return new Response(streamOf(filePath, { start, end }), {
      status: 206,
      headers: { ...headers, 'Content-Length': String(end - start + 1), 'Content-Range': `bytes ${start}-${end}/${size}` },
    })
  }
  return new Response(size === 0 ? null : streamOf(filePath), { status: 200, headers: { ...headers, 'Content-Length': String(size) } })
}
