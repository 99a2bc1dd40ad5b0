import { createApiApp, type ApiAppOptions } from '../../src/server/createApiApp'
import { serveApiApp } from '../../src/server/serveApiApp'
import type { TestPayload } from './bootPayload'

export type TestApiHost = { url: string; close: () => Promise<void> }

/**
 * Runs the API host's request listener on 127.0.0.1 (free port) over an already booted test
 * Payload,
 * so tests speak real HTTP to the same database they set up. `close()` stops the server only;
 * `booted.shutdown()` still ends Payload. Like production, the host ignores a client-sent
 * `X-Forwarded-For`; pass `{ trustProxy: 'loopback' }` to play a proxy that sets it (rate limits
 * per IP).
 */
export const startApiHost = async (
  booted: TestPayload,
  options: ApiAppOptions & { drainTimeoutMs?: number } = {},
): Promise<TestApiHost> => {
  const { drainTimeoutMs, ...appOptions } = options
  const app = createApiApp(booted.payload, {
    payloadInstanceCacheKey: booted.cacheKey,
    ...appOptions,
  })
  const served = await serveApiApp(app, { port: 0, host: '127.0.0.1', drainTimeoutMs })
  return { url: served.url, close: served.close }
}
