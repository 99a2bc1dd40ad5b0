import { createServer, type Server } from 'node:http'
import { Readable } from 'node:stream'

import { handleEndpoints } from 'payload'

import type { TestPayload } from '../../helpers/bootPayload'

export type HttpAnswer = { status: number; headers: Headers; bytes: Buffer; json: () => any }

export type HttpClient = {
  url: string
  get: (path: string, headers?: Record<string, string>) => Promise<HttpAnswer>
  post: (path: string, body?: unknown, headers?: Record<string, string>) => Promise<HttpAnswer>
  close: () => Promise<void>
}

const answerOf = async (response: Response): Promise<HttpAnswer> => {
  const bytes = Buffer.from(await response.arrayBuffer())
  return { status: response.status, headers: response.headers, bytes, json: () => JSON.parse(bytes.toString('utf8')) }
}

/** A real HTTP client against `baseUrl`, never following redirects (tests look at them). */
export const httpClient = (url: string, close: () => Promise<void>): HttpClient => ({
  url,
  get: async (path, headers = {}) => answerOf(await fetch(new URL(path, url), { headers, redirect: 'manual' })),
  post: async (path, body, headers = {}) =>
    answerOf(
      await fetch(new URL(path, url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'manual',
      }),
    ),
  close,
})

/**
 * The whole Payload REST API (`/api/...`, staff endpoints included) on node:http through
 * `handleEndpoints`; the API host (`startApiHost`) serves only `/api/v1`.
 */
export const servePayloadApi = async (booted: TestPayload): Promise<HttpClient> => {
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
    const request = new Request(new URL(req.url ?? '/', 'http://127.0.0.1'), {
      method: req.method,
      headers,
      body: chunks.length > 0 && req.method !== 'GET' ? Buffer.concat(chunks) : undefined,
    })
    const response = await handleEndpoints({ config: booted.config, request, payloadInstanceCacheKey: booted.cacheKey })
    res.writeHead(response.status, Object.fromEntries(response.headers))
    if (response.body) Readable.fromWeb(response.body as never).pipe(res)
    else res.end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return httpClient(`http://127.0.0.1:${port}`, () => new Promise((resolve) => server.close(() => resolve())))
}
