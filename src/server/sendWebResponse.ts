import { createReadStream } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'

import { fileSourceOf, type FileSource } from '../../plugins/shared/fileBody'
import type { WebAnswer } from './endpointRoutes'

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

/** Bytes per read when piping a file: few large reads and writes (measured faster than the 64 KiB default). */
const fileChunkBytes = 1024 * 1024

/**
 * A body read from a file (`fileBody`) is piped from the file by Node itself, reading ahead while
 * the socket drains, instead of being pulled through the web stream, which is cancelled unread.
 */
const sendFile = async ({ path, start, end }: FileSource, body: ReadableStream<Uint8Array>, res: ServerResponse): Promise<void> => {
  await body.cancel().catch(() => {})
  try {
    await pipeline(createReadStream(path, { start, end, highWaterMark: fileChunkBytes }), res)
  } catch (error) {
    // The client went away (pipeline closed the file) or the file failed mid-way: headers are gone.
    if (!res.destroyed) res.destroy(error instanceof Error ? error : new Error(String(error)))
  }
}

/**
 * Writes a web `Response` to Node's response: status, every header (each `Set-Cookie` on its own
 * line), then the body. A body that is one chunk (every JSON answer) goes out in a single
 * `end()` with its Content-Length; a longer one (a download) streams chunk by chunk, waiting for
 * the socket to drain, and stops reading the source when the client goes away. A body kept as
 * bytes goes out in one `end()` as it is; a body read from a file is piped from the file (`sendFile`).
 */
export const sendWebResponse = async (response: WebAnswer, res: ServerResponse, { omitBody = false } = {}): Promise<void> => {
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
