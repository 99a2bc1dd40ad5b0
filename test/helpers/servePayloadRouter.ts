import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'

import { handleEndpoints } from 'payload'

import type { TestPayload } from './bootPayload'

export type PayloadRouterServer = { url: string; close: () => Promise<void> }

const readBody = async (incoming: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = []
  for await (const chunk of incoming) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/**
 * The whole Payload REST API (`/api/...`: staff endpoints, logins, one-click actions and the
 * client API) over real HTTP on 127.0.0.1, through Payload's own router (`handleEndpoints`, what
 * the Next route runs). The API host (`startApiHost`) serves only `/api/v1`. A request without
 * `X-Forwarded-For` gets the socket's address, as Next sets it.
 */
export const servePayloadRouter = async (booted: TestPayload): Promise<PayloadRouterServer> => {
  const server = createServer(async (incoming, outgoing) => {
    try {
      const body = await readBody(incoming)
      const headers = new Headers()
      for (const [name, value] of Object.entries(incoming.headers)) {
        for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item)
      }
      if (!headers.has('x-forwarded-for')) headers.set('x-forwarded-for', incoming.socket.remoteAddress ?? 'unknown')
      const method = incoming.method ?? 'GET'
      const request = new Request(`http://${incoming.headers.host}${incoming.url}`, {
        method,
        headers,
        body: ['GET', 'HEAD'].includes(method) || body.length === 0 ? undefined : new Uint8Array(body),
      })
      const response = await handleEndpoints({ config: booted.config, request, payloadInstanceCacheKey: booted.cacheKey })
      outgoing.writeHead(response.status, Object.fromEntries(response.headers))
      if (response.body) Readable.fromWeb(response.body as never).pipe(outgoing)
      else outgoing.end()
    } catch (error) {
      outgoing.writeHead(500, { 'content-type': 'text/plain' })
      outgoing.end(String(error))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
