import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { VerificationError } from '../errors'
import type { ExpectedArtifact } from './types'

export type ArtifactSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>

function assertExpectation({ sha256, size }: ExpectedArtifact): void {
  if (!/^[0-9a-fA-F]{64}$/.test(sha256))
    throw new VerificationError('MALFORMED', 'Expected sha256 is not a SHA-256 digest')
  if (!Number.isSafeInteger(size) || size < 0)
    throw new VerificationError('MALFORMED', 'Expected size is not a byte count')
}

async function* chunksOf(source: ArtifactSource): AsyncGenerator<Uint8Array> {
  if (!('getReader' in source)) {
    yield* source
    return
  }
  const reader = source.getReader()
  try {
    while (true) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    // Stopping early (too many bytes) must not leave the download running.
    await reader.cancel().catch(() => undefined)
  }
}

/**
 * Hashes an artifact while it is read and checks it against the signed manifest. Reading stops as
 * soon as more than `size` bytes arrive, so a server sending endless data cannot fill the disk.
 */
export async function verifyArtifact(
  source: ArtifactSource,
  expected: ExpectedArtifact,
): Promise<{ bytes: number }> {
  assertExpectation(expected)
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of chunksOf(source)) {
    if (!(chunk instanceof Uint8Array)) throw new TypeError('Artifact stream must yield bytes')
    bytes += chunk.byteLength
    if (bytes > expected.size) {
      throw new VerificationError(
        'ARTIFACT_SIZE_MISMATCH',
        `More than the expected ${expected.size} bytes arrived`,
      )
    }
    hash.update(chunk)
  }
  if (bytes < expected.size) {
    throw new VerificationError(
      'ARTIFACT_SIZE_MISMATCH',
      `Only ${bytes} of the expected ${expected.size} bytes arrived`,
    )
  }
  if (hash.digest('hex') !== expected.sha256.toLowerCase()) {
    throw new VerificationError(
      'ARTIFACT_HASH_MISMATCH',
      'The artifact does not match its signed SHA-256',
    )
  }
  return { bytes }
}

/** `verifyArtifact` for a downloaded file, read as a stream (artifacts can be gigabytes). */
export function verifyArtifactFile(
  path: string,
  expected: ExpectedArtifact,
): Promise<{ bytes: number }> {
  return verifyArtifact(createReadStream(path), expected)
}
