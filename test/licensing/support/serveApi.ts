import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

import { handleEndpoints } from 'payload'

import type { TestPayload } from '../../helpers/bootPayload'
import { startApiHost } from '../../helpers/startApiHost'

export type ApiServer = {
  url: string
  /** Sends a request over HTTP; `body` is JSON-encoded unless it is already a string. */
  call: <T = Record<string, any>>(method: string, path: string, options?: { body?: unknown; headers?: Record<string, string> }) => Promise<{ status: number; body: T; headers: Headers }>
  close: () => Promise<void>
}

const readBody = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/**
 * Real HTTP in front of the booted Payload: the client API (`/api/v1/...`) goes to the API host
 * (`startApiHost`, behind a pretend proxy on loopback so a test may set `X-Forwarded-For`), and
 * everything else (staff REST, logins, one-click actions) to Payload's router (`handleEndpoints`,
 * what the Next route runs) on node:http. `clientApiVia: 'payload-router'` sends the client API
 * there too, to prove both hosts answer alike.
 */
export const serveApi = async (booted: TestPayload, { clientApiVia = 'api-host' }: { clientApiVia?: 'api-host' | 'payload-router' } = {}): Promise<ApiServer> => {
  const apiHost = await startApiHost(booted, { trustProxy: 'loopback' })
  const server = createServer(async (incoming, outgoing) => {
    try {
      const body = await readBody(incoming)
      const headers = new Headers()
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
      }
      if (!headers.has('x-forwarded-for')) headers.set('x-forwarded-for', incoming.socket.remoteAddress ?? 'unknown')
      const request = new Request(`http://${incoming.headers.host}${incoming.url}`, {
        method: incoming.method,
        headers,
        body: ['GET', 'HEAD'].includes(incoming.method ?? 'GET') ? undefined : new Uint8Array(body),
      })
      const response = await handleEndpoints({ config: booted.config, request, payloadInstanceCacheKey: booted.cacheKey })
      outgoing.writeHead(response.status, Object.fromEntries(response.headers))
      outgoing.end(Buffer.from(await response.arrayBuffer()))
    } catch (error) {
      outgoing.writeHead(500, { 'content-type': 'text/plain' })
      outgoing.end(String(error))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    call: async (method, path, { body, headers = {} } = {}) => {
      const viaApiHost = clientApiVia === 'api-host' && path.startsWith('/api/v1/')
      const response = await fetch(`${viaApiHost ? apiHost.url : url}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      })
      const text = await response.text()
      let parsed: unknown = text
      try {
        parsed = text ? JSON.parse(text) : {}
      } catch {
        // not JSON: the raw text is the answer
      }
      return { status: response.status, body: parsed as never, headers: response.headers }
    },
    close: async () => {
      await apiHost.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
