import { open, type FileHandle } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'

import { fileSourceOf, type FileSource } from './fileBody'

/**
 * What the host writes back: a web `Response`, or the same parts without building one; `wholeBody`
 * is a whole body kept as bytes (a `BufferedResponse`), written without a stream.
 */
export type WebAnswer = Pick<Response, 'status' | 'statusText' | 'headers' | 'body'> & {
  wholeBody?: Uint8Array
}

/** Resolves when the socket can take more, or is gone (then the caller stops). */
const drained = (res: ServerResponse): Promise<void> =>
  new Promise((resolve) => {
    const done = () => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })

/** Connection-level headers are this server's business, not the endpoint's. */
const hopByHopHeaders = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade'])

/** Bytes per read when sending a file: few large reads and writes. */
const fileChunkBytes = 1024 * 1024

/**
 * `res.write` that resolves once the bytes are handed to the socket (the buffer is free again),
 * and rejects when the connection closes first.
 */
const written = (res: ServerResponse, bytes: Uint8Array): Promise<void> => {
  const done = new Promise<void>((resolve, reject) => {
    const closed = () => reject(new Error('The connection closed before the file was sent'))
    res.once('close', closed)
    res.write(bytes, (error) => {
      res.off('close', closed)
      if (error) reject(error)
      else resolve()
    })
  })
  // Awaited by the next round or dropped with the connection: never an unhandled rejection.
  done.catch(() => {})
  return done
}

/**
 * A body read from a file (`fileBody`) is sent from the file by the host itself, not pulled
 * through the web stream (which is cancelled unread). Two buffers take turns: one is read from
 * disk while the other is written to the socket, so a download allocates 2 MiB whatever its size.
 * A fresh buffer per chunk (what a read stream does) made V8 run a full collection every few
 * megabytes on a warm heap, which cut throughput by half.
 */
const sendFile = async (
  { path, start, end }: FileSource,
  body: ReadableStream<Uint8Array>,
  res: ServerResponse,
): Promise<void> => {
  await body.cancel().catch(() => {})
  let handle: FileHandle | undefined
  try {
    handle = await open(path, 'r')
    const buffers = [Buffer.allocUnsafeSlow(fileChunkBytes), Buffer.allocUnsafeSlow(fileChunkBytes)]
    let previousWrite: Promise<void> = Promise.resolve()
    let position = start
    for (let turn = 0; position <= end && !res.destroyed; turn ^= 1) {
      // This buffer's last write was awaited one round ago: it is free to read into.
      const { bytesRead } = await handle.read(
        buffers[turn],
        0,
        Math.min(fileChunkBytes, end + 1 - position),
        position,
      )
      if (bytesRead === 0)
        throw new Error(
          `${path} ended at byte ${position}, before the ${end + 1} its answer announced`,
        )
      position += bytesRead
      await previousWrite
      previousWrite = written(res, buffers[turn].subarray(0, bytesRead))
    }
    await previousWrite
    res.end()
  } catch (error) {
    // The client went away, or the file failed mid-way: the headers are gone, so cut the
    // connection.
    if (!res.destroyed) res.destroy(error instanceof Error ? error : new Error(String(error)))
  } finally {
    await handle?.close().catch(() => {})
  }
}

/**
 * Writes a web `Response` to Node's response: status, every header (each `Set-Cookie` on its own
 * line), then the body. A body that is one chunk (every JSON answer) goes out in a single
 * `end()` with its Content-Length; a longer one (a download) streams chunk by chunk, waiting for
 * the socket to drain, and stops reading the source when the client goes away. A body kept as
 * bytes goes out in one `end()` as it is; a body read from a file is sent from the file
 * (`sendFile`).
 */
export const sendWebResponse = async (
  response: WebAnswer,
  res: ServerResponse,
  { omitBody = false } = {},
): Promise<void> => {
  res.statusCode = response.status
  if (response.statusText) res.statusMessage = response.statusText
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie' || hopByHopHeaders.has(name)) continue
    res.setHeader(name, value)
  }
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('set-cookie', cookies)

  if (response.wholeBody) return void res.end(omitBody ? undefined : response.wholeBody)
  const body = response.body
  if (!body || omitBody) {
    await body?.cancel().catch(() => {})
    res.end()
    return
  }

  const file = fileSourceOf(body)
  if (file && !body.locked) return sendFile(file, body, res)

  const reader = body.getReader()
  const stopReading = () => void reader.cancel().catch(() => {})
  try {
    const first = await reader.read()
    if (first.done) return void res.end()
    const second = await reader.read()
    if (second.done) return void res.end(first.value)
    res.once('close', stopReading)
    res.write(first.value)
    let chunk: Uint8Array | undefined = second.value
    while (chunk) {
      if (res.destroyed) return
      if (!res.write(chunk)) await drained(res)
      const next = await reader.read()
      chunk = next.done ? undefined : next.value
    }
    res.end()
  } catch (error) {
    // Headers are gone already: the only honest signal left is cutting the connection.
    res.destroy(error instanceof Error ? error : new Error(String(error)))
    stopReading()
  } finally {
    res.off('close', stopReading)
  }
}
