import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'

import { handleEndpoints } from 'payload'

import { withClientMethods } from '../../plugins/clientApi'
import type { TestPayload } from './bootPayload'

export type PayloadRouterServer = { url: string; close: () => Promise<void> }

const readBody = async (incoming: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = []
  for await (const chunk of incoming) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/**
 * Payload's own router (`handleEndpoints`) as the Next route runs it (`withClientMethods`), as a
 * node:http handler: the whole REST API (`/api/...`: staff endpoints, logins, one-click actions
 * and the client API). A request without `X-Forwarded-For` gets the socket's address, as Next sets
 * it.
 */
export const payloadRouterHandler = (booted: TestPayload) => {
  const route = withClientMethods(booted.config)((request: Request) =>
    handleEndpoints({ config: booted.config, request, payloadInstanceCacheKey: booted.cacheKey }),
  )
  return async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
    try {
      const body = await readBody(incoming)
      const headers = new Headers()
      for (const [name, value] of Object.entries(incoming.headers)) {
        for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
          headers.append(name, item)
      }
      if (!headers.has('x-forwarded-for'))
        headers.set('x-forwarded-for', incoming.socket.remoteAddress ?? 'unknown')
      const method = incoming.method ?? 'GET'
      const request = new Request(`http://${incoming.headers.host}${incoming.url}`, {
        method,
        headers,
        body:
          ['GET', 'HEAD'].includes(method) || body.length === 0 ? undefined : new Uint8Array(body),
      })
      const response = await route(request)
      for (const [name, value] of response.headers)
        if (name !== 'set-cookie') outgoing.setHeader(name, value)
      if (response.headers.getSetCookie().length > 0)
        outgoing.setHeader('set-cookie', response.headers.getSetCookie())
      outgoing.writeHead(response.status)
      if (response.body) Readable.fromWeb(response.body as never).pipe(outgoing)
      else outgoing.end()
    } catch (error) {
      if (outgoing.headersSent) return void outgoing.destroy()
      outgoing.writeHead(500, { 'content-type': 'text/plain' })
      outgoing.end(String(error))
    }
  }
}

/** `handler` on node:http on 127.0.0.1 (a free port). */
export const serveHandler = async (
  handler: (incoming: IncomingMessage, outgoing: ServerResponse) => unknown,
): Promise<PayloadRouterServer> => {
  const server = createServer((incoming, outgoing) => void handler(incoming, outgoing))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/**
 * The whole Payload REST API over real HTTP on 127.0.0.1, through Payload's own router. The API
 * host (`startApiHost`) serves only `/api/v1`.
 */
export const servePayloadRouter = (booted: TestPayload): Promise<PayloadRouterServer> =>
  serveHandler(payloadRouterHandler(booted))
