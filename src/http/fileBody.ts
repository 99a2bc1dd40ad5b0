import { open, type FileHandle } from 'node:fs/promises'

/** Where a file body's bytes come from: `path`, from `start` to `end` inclusive. */
export type FileSource = { path: string; start: number; end: number }

/** Bytes read from disk per chunk on the web-stream path: few large reads and writes. */
const chunkBytes = 1 << 20

/**
 * File bodies by stream. A Node host that finds its Response's body here can pipe the file to the
 * socket itself (what a plain `fs.createReadStream` pipe does) instead of pulling it chunk by chunk
 * through the web stream, which left the process idle between reads and writes. The stream is
 * lazy: it opens nothing until it is first read, so a host that sends the file itself just cancels
 * it.
 */
const fileSources = new WeakMap<ReadableStream<Uint8Array>, FileSource>()

export const fileSourceOf = (
  body: ReadableStream<Uint8Array> | null | undefined,
): FileSource | undefined => (body ? fileSources.get(body) : undefined)

/**
 * The bytes `start`–`end` (inclusive) of a `size`-byte file as a web stream read straight from a
 * file handle in 1 MiB chunks, each read into its own buffer and handed on as is; the next chunk is
 * read while the previous one is written. The handle is closed at the end, on an error and when
 * the reader cancels (the client went away).
 */
export const fileBody = (
  path: string,
  { start, end }: { start: number; end: number },
): ReadableStream<Uint8Array> => {
  let handle: Promise<FileHandle> | undefined
  let position = start
  let ahead: Promise<Uint8Array | undefined> | undefined

  const readChunk = async (at: number): Promise<Uint8Array | undefined> => {
    const length = Math.min(chunkBytes, end + 1 - at)
    if (length <= 0) return undefined
    handle ??= open(path, 'r')
    const { bytesRead, buffer } = await (
      await handle
    ).read(Buffer.allocUnsafeSlow(length), 0, length, at)
    return bytesRead === 0 ? undefined : new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead)
  }
  const close = async () => {
    const opened = handle
    handle = undefined
    await ahead?.catch(() => undefined)
    await (await opened?.catch(() => undefined))?.close().catch(() => {})
  }

  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const chunk = await (ahead ?? readChunk(position))
          ahead = undefined
          if (!chunk) {
            await close()
            controller.close()
            return
          }
          position += chunk.byteLength
          ahead = readChunk(position)
          // Read ahead; its failure is reported by the pull that awaits it.
          ahead.catch(() => {})
          controller.enqueue(chunk)
        } catch (error) {
          ahead = undefined
          await close()
          controller.error(error)
        }
      },
      cancel: close,
    },
    // Nothing is read before the first read request (see fileSources); readChunk reads ahead
    // instead.
    { highWaterMark: 0 },
  )
  fileSources.set(stream, { path, start, end })
  return stream
}
