import { createWriteStream } from 'node:fs'
import { rename, rm, stat } from 'node:fs/promises'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import { verifyArtifactFile, type ManifestArtifact } from '../../sdk'
import { AgentError } from '../errors'
import { requestFile, requestFileUrl } from './serverClient'

const sizeOf = async (file: string): Promise<number> => {
  try {
    return (await stat(file)).size
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0
    throw error
  }
}

export type DownloadedArtifact = { bytes: number; resumedFrom: number; file: string }

/** A plain file name from `Content-Disposition`, or null: never a path. */
const suggestedNameOf = (disposition: string | null): string | null => {
  const name = disposition?.match(/filename="?([^";]+)"?/i)?.[1]
  return name && /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/.test(name) ? name : null
}

/**
 * Downloads an artifact into `partFile`, resuming from what is already there (`Range`, with
 * `If-Range` on the signed hash so a changed file starts over), refuses more bytes than signed,
 * verifies size and SHA-256 against the signed manifest and only then renames it to `finalFile`.
 * A part that fails verification is deleted, so the next try starts clean.
 */
export const downloadArtifact = async ({
  server,
  artifact,
  licenseKey,
  partFile,
  finalFile,
  onProgress,
}: {
  server: string
  artifact: ManifestArtifact
  licenseKey: string | undefined
  partFile: string
  /** The verified file's path, given the name the server suggests (Content-Disposition), if any. */
  finalFile: (suggestedName: string | null) => string
  onProgress?: (bytes: number, total: number) => void
}): Promise<DownloadedArtifact> => {
  let start = await sizeOf(partFile)
  if (start > artifact.size) {
    await rm(partFile, { force: true })
    start = 0
  }
  const resumedFrom = start
  let suggestedName: string | null = null
  if (start < artifact.size || artifact.size === 0) {
    const url = await requestFileUrl(server, artifact, licenseKey)
    const response = await requestFile(url, { start, etag: `"${artifact.sha256}"` })
    // 200 means the server sends it all (no resume): start the file over.
    if (response.status === 200) start = 0
    suggestedName = suggestedNameOf(response.headers.get('content-disposition'))
    let bytes = start
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length
        if (bytes > artifact.size)
          return done(
            new AgentError(
              'ARTIFACT_SIZE_MISMATCH',
              `More than the signed ${artifact.size} bytes arrived`,
              { retryable: true },
            ),
          )
        onProgress?.(bytes, artifact.size)
        done(null, chunk)
      },
    })
    if (!response.body)
      throw new AgentError('NETWORK', 'The download has no body', {
        refused: false,
        retryable: true,
      })
    try {
      await pipeline(
        Readable.fromWeb(response.body as never),
        limit,
        createWriteStream(partFile, { flags: start > 0 ? 'a' : 'w', mode: 0o600 }),
      )
    } catch (error) {
      if (error instanceof AgentError) {
        await rm(partFile, { force: true })
        throw error
      }
      throw new AgentError('NETWORK', `The download broke off: ${(error as Error).message}`, {
        refused: false,
        retryable: true,
        cause: error,
      })
    }
  }
  try {
    const { bytes } = await verifyArtifactFile(partFile, artifact)
    const file = finalFile(suggestedName)
    await rename(partFile, file)
    return { bytes, resumedFrom, file }
  } catch (error) {
    await rm(partFile, { force: true })
    throw error
  }
}
