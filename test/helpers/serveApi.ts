import type { TestPayload } from './bootPayload'
import { servePayloadRouter } from './servePayloadRouter'
import { startApiHost } from './startApiHost'

export type ApiServer = {
  url: string
  /** Sends a request over HTTP; `body` is JSON-encoded unless it is already a string. */
  call: <T = Record<string, any>>(
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string> },
  ) => Promise<{ status: number; body: T; headers: Headers }>
  close: () => Promise<void>
}

/**
 * Real HTTP in front of the booted Payload: the client API (`/api/v1/...`) goes to the API host
 * (`startApiHost`, behind a pretend proxy on loopback so a test may set `X-Forwarded-For`), and
 * everything else (staff REST, logins, one-click actions) to Payload's router (`handleEndpoints`,
 * what the Next route runs) on node:http. `clientApiVia: 'payload-router'` sends the client API
 * there too, to prove both hosts answer alike.
 */
export const serveApi = async (
  booted: TestPayload,
  { clientApiVia = 'api-host' }: { clientApiVia?: 'api-host' | 'payload-router' } = {},
): Promise<ApiServer> => {
  const apiHost = await startApiHost(booted, { trustProxy: 'loopback' })
  const router = await servePayloadRouter(booted)
  const { url } = router
  return {
    url,
    call: async (method, path, { body, headers = {} } = {}) => {
      const viaApiHost = clientApiVia === 'api-host' && path.startsWith('/api/v1/')
      const response = await fetch(`${viaApiHost ? apiHost.url : url}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body:
          body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
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
      await router.close()
    },
  }
}
