import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { fileBody, fileSourceOf } from '../../src/http/fileBody'
import { openFilesUnder } from '../helpers/openFiles'
import { makeTempDir } from '../helpers/tempDir'

const folder = makeTempDir('hub-file-body-')
const file = path.join(folder, 'artifact.bin')
const bytes = randomBytes(3 * 1024 * 1024 + 17)
writeFileSync(file, bytes)

const readAll = async (stream: ReadableStream<Uint8Array>): Promise<Buffer> => {
  const chunks: Uint8Array[] = []
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk)
  return Buffer.concat(chunks)
}

const openHandlesOn = (target: string): number => openFilesUnder(target).length

describe('fileBody', () => {
  it('streams the whole file, or exactly the inclusive range asked for', async () => {
    expect((await readAll(fileBody(file, { start: 0, end: bytes.length - 1 }))).equals(bytes)).toBe(
      true,
    )
    const start = 1_048_570
    const end = 2_200_001
    expect(
      (await readAll(fileBody(file, { start, end }))).equals(bytes.subarray(start, end + 1)),
    ).toBe(true)
    expect((await readAll(fileBody(file, { start: 5, end: 5 }))).equals(bytes.subarray(5, 6))).toBe(
      true,
    )
  })

  it('tells a host where its bytes come from, and opens nothing until it is read', async () => {
    const missing = path.join(folder, 'not-there.bin')
    const stream = fileBody(missing, { start: 0, end: 99 })
    expect(fileSourceOf(stream)).toEqual({ path: missing, start: 0, end: 99 })
    expect(fileSourceOf(new ReadableStream())).toBeUndefined()
    // Constructed without error although the file does not exist: the first read reports it.
    await expect(stream.getReader().read()).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('closes the file when the reader cancels half-way, and at the end', async () => {
    const stream = fileBody(file, { start: 0, end: bytes.length - 1 })
    const reader = stream.getReader()
    const first = await reader.read()
    expect(first.value?.byteLength).toBe(1024 * 1024)
    expect(openHandlesOn(file)).toBe(1)
    await reader.cancel()
    expect(openHandlesOn(file)).toBe(0)

    await readAll(fileBody(file, { start: 0, end: bytes.length - 1 }))
    expect(openHandlesOn(file)).toBe(0)
  })
})
