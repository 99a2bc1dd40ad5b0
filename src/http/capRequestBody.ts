import type { IncomingMessage, ServerResponse } from 'node:http'

import { payloadTooLarge } from './bodyLimits'

/**
 * How long a refused client may go on sending (dropped unread) before its connection is cut:
 * nginx's defaults (`lingering_timeout` 5 s without a byte from the client, `lingering_time` 30 s
 * in all). A shorter cut reset connections whose client had not read its answer yet (a loaded
 * machine, 2 s).
 */
const lingerIdleMs = 5_000
const lingerMaxMs = 30_000

/**
 * Node closes a connection it answered with `Connection: close` at once (`destroySoon`): a socket
 * closed while the client still sends makes the kernel reset the connection, and the client can
 * lose the answer it has not read yet. Which is what happens to a refused body: ours, or one an
 * endpoint refused before reading it (Node then closes the connection itself). So a connection
 * that carries a body closes as nginx's lingering close does: the answer and a FIN go out, what
 * the client still sends is read and dropped, and the socket is cut when the client closes its
 * side, stops sending for a while, or has sent for too long.
 */
export const closeLingeringIfBody = (req: IncomingMessage): void => {
  const declared = req.headers['content-length']
  if (
    req.headers['transfer-encoding'] === undefined &&
    (declared === undefined || declared === '0')
  )
    return
  const socket = req.socket
  socket.destroySoon = () => {
    socket.end()
    // Nobody reads the rest of a refused body: read here, it is dropped (see `push` below, or
    // Node's own dump of a body its handler left unread).
    req.resume()
    const cut = () => socket.destroy()
    const atMost = setTimeout(cut, lingerMaxMs).unref()
    socket.once('close', () => clearTimeout(atMost))
    socket.setTimeout(lingerIdleMs, cut)
  }
}

const refuse = (req: IncomingMessage, res: ServerResponse, limit: number): void => {
  // Whatever the handler still tries to write goes nowhere once the answer is out.
  res.on('error', () => {})
  if (res.headersSent) {
    // Answered already (an endpoint's own, smaller cap): cutting the connection now would reset
    // it with the client's bytes unread, and the client could lose that answer. Close it
    // lingering once the answer is out.
    if (res.writableFinished) req.socket.destroySoon()
    else res.once('finish', () => req.socket.destroySoon())
    return
  }
  const body = JSON.stringify(payloadTooLarge(limit))
  // Connection: close, so that a keep-alive client never sends its next request down a
  // connection whose body is still coming in and that is about to be cut.
  res.writeHead(413, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    connection: 'close',
  })
  res.end(body)
}

/**
 * Holds `req`'s body to `limit` bytes while it streams, whoever reads it: a declared
 * Content-Length over it is refused before a byte is read, and a body without one (chunked)
 * is refused the moment it passes the limit. The refusal is 413 `PAYLOAD_TOO_LARGE`; what the
 * client still sends is dropped unread for a moment, then the connection is cut. False when refused
 * at once.
 */
export const capRequestBody = (
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
): boolean => {
  const declared = req.headers['content-length']
  closeLingeringIfBody(req)
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
