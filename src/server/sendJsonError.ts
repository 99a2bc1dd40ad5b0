import type { ServerResponse } from 'node:http'

import { isDraining } from './serveApiApp'

/**
 * A refusal `{ code, message }` written straight to the socket (the API host's own answers: no
 * route, metrics). While the host drains, the connection closes after it. A body nobody reads (a
 * 404, a refusal) is read and dropped by Node itself once the answer is sent, so the connection
 * stays usable.
 */
export const sendJsonError = (
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void => {
  const body = JSON.stringify({ code, message })
  if (isDraining(res)) res.setHeader('connection', 'close')
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  })
  res.end(body)
}
