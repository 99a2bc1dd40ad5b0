import type { IncomingMessage, ServerResponse } from 'node:http'

import { payloadTooLarge } from '../../plugins/shared/bodyLimits'

const refuse = (req: IncomingMessage, res: ServerResponse, limit: number): void => {
  // Whatever the handler still tries to write goes nowhere once the answer is out.
  res.on('error', () => {})
  if (res.headersSent) return void req.destroy()
  const body = JSON.stringify(payloadTooLarge(limit))
  res.writeHead(413, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' })
  res.end(body, () => req.destroy())
}

/**
 * Holds `req`'s body to `limit` bytes while it streams, whoever reads it: a declared
 * Content-Length over it is refused before a byte is read, and a body without one (chunked)
 * is refused the moment it passes the limit. The refusal is 413 `PAYLOAD_TOO_LARGE` and the
 * connection closes after it, so the rest is never read. False when refused at once.
 */
export const capRequestBody = (req: IncomingMessage, res: ServerResponse, limit: number): boolean => {
  const declared = req.headers['content-length']
  if (declared !== undefined) {
    if (Number(declared) > limit) {
      refuse(req, res, limit)
      return false
    }
    // Node's parser stops at the declared length: that bounds the body.
    return true
  }
  if (req.headers['transfer-encoding'] === undefined) return true

  // Node's HTTP parser hands each piece of body to `push`: counting there counts it before any
  // reader (Next, Payload) has buffered it, and what comes after the limit is never passed on.
  const push = req.push.bind(req)
  let received = 0
  let refused = false
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (refused) return true
    if (chunk === null) return push(null)
    received += (chunk as Buffer).length
    if (received > limit) {
      refused = true
      refuse(req, res, limit)
      return true
    }
    return push(chunk, encoding)
  }
  return true
}
