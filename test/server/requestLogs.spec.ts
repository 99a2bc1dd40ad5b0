import { request } from 'node:http'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort } from '../e2e/helpers/freePort'
import { nginxBinary, startNginx } from '../e2e/helpers/startNginx'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { startMainProcess, type RunningHost } from '../helpers/startMainProcess'

type LogLine = { level: number; msg: string; requestId?: string; [field: string]: unknown }

/** The JSON lines the process wrote (anything else, e.g. a stack, is not a log line). */
const jsonLinesOf = (output: string): LogLine[] =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine)

/** One request to `host` (an IPv4 or IPv6 loopback address) on the API host's port. */
const send = (
  url: string,
  host: string,
  {
    method = 'GET',
    path,
    headers = {},
    body,
  }: { method?: string; path: string; headers?: Record<string, string>; body?: string },
) =>
  new Promise<{ status: number; requestId: string | undefined }>((resolve, reject) => {
    const { port } = new URL(url)
    const req = request({ host, port, method, path, headers }, (res) => {
      res.resume()
      res.on('end', () =>
        resolve({ status: res.statusCode!, requestId: res.headers['x-request-id'] as string }),
      )
    })
    req.on('error', reject)
    req.end(body)
  })

const waitForLine = async (host: RunningHost, requestId: string): Promise<LogLine[]> => {
  const deadline = Date.now() + 5000
  for (;;) {
    const lines = jsonLinesOf(host.output()).filter((line) => line.requestId === requestId)
    if (lines.length > 0 || Date.now() > deadline) return lines
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('the API host logs JSON lines carrying the request id, and no secret', () => {
  let booted: TestPayload
  let host: RunningHost
  beforeAll(async () => {
    booted = await bootPayload({ SEED_ON_INIT: 'false' })
    // The IPv4 loopback (and nginx's address, 127.0.0.2) is a trusted proxy; the IPv6 one is a
    // client on its own.
    host = await startMainProcess(booted, {
      API_HOST_WORKERS: '2',
      LOG_FORMAT: 'json',
      TRUST_PROXY: '127.0.0.1,127.0.0.2',
    })
  }, 120_000)
  afterAll(async () => {
    await host?.stop()
    await booted?.shutdown()
  })

  it('logs a refused request as a JSON line with the request id it echoes, a new one when the client sent none', async () => {
    const answer = await send(host.url, '127.0.0.1', { path: '/api/v1/no-such-endpoint' })
    expect(answer.status).toBe(404)
    expect(answer.requestId).toMatch(/^[0-9a-f-]{36}$/)
    const lines = await waitForLine(host, answer.requestId!)
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        status: 404,
        method: 'GET',
        msg: 'API host: 404 on GET /api/v1/no-such-endpoint',
      }),
    ])
  })

  it('keeps the X-Request-Id a trusted proxy sent', async () => {
    const answer = await send(host.url, '127.0.0.1', {
      path: '/api/v1/no-such-endpoint',
      headers: { 'x-request-id': 'lb-7f3a.42_x' },
    })
    expect(answer.requestId).toBe('lb-7f3a.42_x')
    expect(await waitForLine(host, 'lb-7f3a.42_x')).toHaveLength(1)
  })

  it('replaces an X-Request-Id a trusted proxy sent that is not a safe token', async () => {
    const answer = await send(host.url, '127.0.0.1', {
      path: '/api/v1/no-such-endpoint',
      headers: { 'x-request-id': 'a"b\\u001b[31m' },
    })
    expect(answer.requestId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('replaces the X-Request-Id of a client that is not a trusted proxy', async () => {
    const answer = await send(host.url, '::1', {
      path: '/api/v1/no-such-endpoint',
      headers: { 'x-request-id': 'chosen-by-client' },
    })
    expect(answer.status).toBe(404)
    expect(answer.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(await waitForLine(host, answer.requestId!)).toHaveLength(1)
    expect(host.output()).not.toContain('chosen-by-client')
  })

  it('writes neither a license key nor an API key into any line', async () => {
    const licenseKey = 'PM7-SECRET-LICENSE-KEY-4711'
    const apiKey = 'sk_live_SECRET_API_KEY_0815'
    const withSecrets = {
      authorization: `Bearer ${apiKey}`,
      'x-api-key': apiKey,
      cookie: `payload-token=${apiKey}`,
    }
    const refused = [
      await send(host.url, '127.0.0.1', {
        path: `/api/v1/no-such-endpoint?licenseKey=${licenseKey}&token=${apiKey}`,
        headers: withSecrets,
      }),
      await send(host.url, '127.0.0.1', {
        method: 'POST',
        path: `/api/v1/licenses/validate?key=${licenseKey}`,
        headers: { ...withSecrets, 'content-type': 'application/json' },
        body: JSON.stringify({ key: licenseKey, nonce: 42, apiKey }),
      }),
      await send(host.url, '127.0.0.1', {
        method: 'POST',
        path: '/api/v1/app/license',
        headers: { ...withSecrets, 'content-type': 'application/json' },
        body: JSON.stringify({ licenseKey, apiKey }),
      }),
    ]
    for (const answer of refused) {
      expect(answer.status).toBeGreaterThanOrEqual(400)
      expect(await waitForLine(host, answer.requestId!)).not.toHaveLength(0)
    }
    expect(host.output()).not.toContain('SECRET')
  })

  it.skipIf(!nginxBinary())(
    "carries the id nginx gives a request (its $request_id) into the host's lines",
    async () => {
      const upstream = new URL(host.url).host
      const nginx = await startNginx({ port: await freePort(), api: [upstream], app: [upstream] })
      try {
        const answer = await send(nginx.url, '127.0.0.1', {
          path: '/api/v1/no-such-endpoint',
          headers: { 'x-request-id': 'chosen-by-client' },
        })
        expect(answer.status).toBe(404)
        expect(answer.requestId).toMatch(/^[0-9a-f]{32}$/)
        expect(await waitForLine(host, answer.requestId!)).toHaveLength(1)
      } finally {
        await nginx.stop()
      }
    },
  )
})
