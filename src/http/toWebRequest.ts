import type { IncomingMessage } from 'node:http'

import { BufferedBody } from './bufferedBody'
import { BufferedRequest } from './bufferedRequest'
import { closeLingeringIfBody } from './capRequestBody'

/**
 * Bodies up to this size (declared by Content-Length) are read in one piece; larger ones stream.
 */
export const bufferedBodyLimit = 64 * 1024

/**
 * How long a body the endpoint did not want may keep arriving (read and dropped) before the
 * connection is cut.
 */
const unreadBodyGraceMs = 2_000

/** Set by the host from the socket (or the trusted proxy chain); never taken from the client. */
const clientAddressHeaders = new Set(['x-forwarded-for', 'x-real-ip'])

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)))
    req.on('error', reject)
    req.on('close', () => {
      if (!req.complete)
        reject(new Error('Client closed the connection before sending its whole body'))
    })
  })

/**
 * The request body as a web stream that pulls from the socket only as fast as the endpoint reads.
 * `dropRest()` reads and drops whatever the endpoint left unread (for a grace period, then cuts the
 * connection), so the connection can carry the next request instead of being reset mid-upload.
 */
const streamBody = (req: IncomingMessage) => {
  let dropping = false
  let controller: ReadableStreamDefaultController<Uint8Array>
  const stream = new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController
        req.on('data', (chunk: Buffer) => {
          if (dropping) return
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
          if ((controller.desiredSize ?? 0) <= 0) req.pause()
        })
        req.once('end', () => !dropping && controller.close())
        req.once('error', (error) => !dropping && controller.error(error))
        req.pause()
      },
      pull() {
        req.resume()
      },
      cancel() {
        dropRest()
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  )
  const dropRest = () => {
    if (dropping || req.complete) return
    dropping = true
    // Cut as a refused body's connection is (lingering): destroying it would reset the connection
    // under a client that is still sending, and it could lose the answer it has not read yet.
    const cut = setTimeout(() => {
      closeLingeringIfBody(req)
      req.socket.destroySoon()
    }, unreadBodyGraceMs)
    cut.unref()
    req.once('end', () => clearTimeout(cut))
    req.once('close', () => clearTimeout(cut))
    req.resume()
  }
  return { stream, dropRest }
}

export type ForwardedRequest = {
  request: Request
  /** Call once the answer is decided: drops any body the endpoint did not read. */
  dropUnreadBody: () => void
}

const nothingToDrop = () => {}

/** The body of a request that sends none. */
export const noBody = new Uint8Array(0)

/**
 * The whole request body when it is small enough to hold (a declared Content-Length up to
 * `bufferedBodyLimit`; client bodies are), empty when there is none, or undefined when it must
 * stream (larger, or chunked): an oversized one is then refused by the endpoint from its declared
 * length without being buffered here.
 */
export const readWholeBody = async (
  req: IncomingMessage,
  method: string,
): Promise<Uint8Array<ArrayBuffer> | undefined> => {
  if (method === 'GET' || method === 'HEAD') return noBody
  const declaredLength =
    req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length'])
  if (
    declaredLength === 0 ||
    (declaredLength === undefined && req.headers['transfer-encoding'] === undefined)
  )
    return noBody
  if (declaredLength === undefined || declaredLength > bufferedBodyLimit) return undefined
  const body = await readBody(req)
  return new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength)
}

/**
 * The web `Request` Payload's `handleEndpoints` takes. A whole body (`readWholeBody`, or the one
 * already read) is kept as bytes (`BufferedRequest`, cheapest); any other body streams.
 */
export const toWebRequest = async (
  req: IncomingMessage,
  url: URL,
  method: string,
  clientAddress: string,
  alreadyRead?: Uint8Array<ArrayBuffer>,
): Promise<ForwardedRequest> => {
  const headers = new Headers()
  const raw = req.rawHeaders
  for (let index = 0; index < raw.length; index += 2) {
    if (!clientAddressHeaders.has(raw[index].toLowerCase()))
      headers.append(raw[index], raw[index + 1])
  }
  headers.set('x-forwarded-for', clientAddress)

  const whole = alreadyRead ?? (await readWholeBody(req, method))
  if (whole?.byteLength === 0)
    return { request: new Request(url, { method, headers }), dropUnreadBody: nothingToDrop }
  if (whole)
    return {
      request: new BufferedRequest(url, { method, headers }, new BufferedBody(whole)),
      dropUnreadBody: nothingToDrop,
    }
  const { stream, dropRest } = streamBody(req)
  return {
    request: new Request(url, { method, headers, body: stream, duplex: 'half' } as RequestInit),
    dropUnreadBody: dropRest,
  }
}
