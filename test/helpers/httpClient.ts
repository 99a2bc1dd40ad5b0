import type { TestPayload } from './bootPayload'
import { servePayloadRouter } from './servePayloadRouter'

export type HttpAnswer = { status: number; headers: Headers; bytes: Buffer; json: () => any }

export type HttpClient = {
  url: string
  get: (path: string, headers?: Record<string, string>) => Promise<HttpAnswer>
  post: (path: string, body?: unknown, headers?: Record<string, string>) => Promise<HttpAnswer>
  delete: (path: string, headers?: Record<string, string>) => Promise<HttpAnswer>
  close: () => Promise<void>
}

const answerOf = async (response: Response): Promise<HttpAnswer> => {
  const bytes = Buffer.from(await response.arrayBuffer())
  return {
    status: response.status,
    headers: response.headers,
    bytes,
    json: () => JSON.parse(bytes.toString('utf8')),
  }
}

/** A real HTTP client against `baseUrl`, never following redirects (tests look at them). */
export const httpClient = (url: string, close: () => Promise<void>): HttpClient => ({
  url,
  get: async (path, headers = {}) =>
    answerOf(await fetch(new URL(path, url), { headers, redirect: 'manual' })),
  post: async (path, body, headers = {}) =>
    answerOf(
      await fetch(new URL(path, url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'manual',
      }),
    ),
  delete: async (path, headers = {}) =>
    answerOf(await fetch(new URL(path, url), { method: 'DELETE', headers, redirect: 'manual' })),
  close,
})

/** The whole Payload REST API (staff endpoints included) over HTTP; see `servePayloadRouter`. */
export const servePayloadApi = async (booted: TestPayload): Promise<HttpClient> => {
  const router = await servePayloadRouter(booted)
  return httpClient(router.url, router.close)
}
