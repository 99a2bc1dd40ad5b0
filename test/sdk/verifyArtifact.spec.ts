import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyArtifact, verifyArtifactFile } from '../../src/sdk/updates/verifyArtifact'
import { sha256Hex } from './signingFixtures'

const artifact = randomBytes(100_000)
const expected = { sha256: sha256Hex(artifact), size: artifact.byteLength }
let folder: string

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'verify-artifact-'))
})

afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

async function* inChunks(bytes: Uint8Array, chunkSize = 8192): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.byteLength; offset += chunkSize)
    yield bytes.subarray(offset, offset + chunkSize)
}

describe('verifyArtifact', () => {
  it('accepts the exact bytes and reports how many were read', async () => {
    await expect(verifyArtifact(inChunks(artifact), expected)).resolves.toEqual({
      bytes: artifact.byteLength,
    })
  })

  it('accepts a web ReadableStream', async () => {
    await expect(verifyArtifact(new Blob([artifact]).stream(), expected)).resolves.toEqual({
      bytes: artifact.byteLength,
    })
  })

  it('stops reading endless data as soon as it passes the signed size, with ARTIFACT_SIZE_MISMATCH', async () => {
    let chunksRead = 0
    let stopped = false
    async function* endless(): AsyncGenerator<Uint8Array> {
      try {
        while (true) {
          chunksRead++
          yield new Uint8Array(8192)
        }
      } finally {
        stopped = true
      }
    }
    await expect(verifyArtifact(endless(), expected)).rejects.toMatchObject({
      code: 'ARTIFACT_SIZE_MISMATCH',
    })
    expect(chunksRead).toBe(Math.ceil((expected.size + 1) / 8192))
    expect(stopped).toBe(true)
  })

  it('cancels an endless web ReadableStream once it passes the signed size', async () => {
    let cancelled = false
    const endless = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new Uint8Array(8192)),
      cancel: () => {
        cancelled = true
      },
    })
    await expect(verifyArtifact(endless, expected)).rejects.toMatchObject({
      code: 'ARTIFACT_SIZE_MISMATCH',
    })
    expect(cancelled).toBe(true)
  })

  it('refuses data that ends short of the signed size with ARTIFACT_SIZE_MISMATCH', async () => {
    await expect(
      verifyArtifact(inChunks(artifact.subarray(0, -1)), expected),
    ).rejects.toMatchObject({
      code: 'ARTIFACT_SIZE_MISMATCH',
    })
  })

  it('refuses bytes of the right size with another digest with ARTIFACT_HASH_MISMATCH', async () => {
    const tampered = Buffer.from(artifact)
    tampered[5000] ^= 0xff
    await expect(verifyArtifact(inChunks(tampered), expected)).rejects.toMatchObject({
      code: 'ARTIFACT_HASH_MISMATCH',
    })
  })

  it('verifies a downloaded file', async () => {
    const path = join(folder, 'artifact.bin')
    await writeFile(path, artifact)
    await expect(verifyArtifactFile(path, expected)).resolves.toEqual({
      bytes: artifact.byteLength,
    })
  })

  it('refuses a downloaded file with one changed byte with ARTIFACT_HASH_MISMATCH', async () => {
    const path = join(folder, 'tampered.bin')
    const tampered = Buffer.from(artifact)
    tampered[0] ^= 0x01
    await writeFile(path, tampered)
    await expect(verifyArtifactFile(path, expected)).rejects.toMatchObject({
      code: 'ARTIFACT_HASH_MISMATCH',
    })
  })
})
