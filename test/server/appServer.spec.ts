import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createAppListener } from '../../src/server/createAppListener'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import {
  payloadRouterHandler,
  serveHandler,
  type PayloadRouterServer,
} from '../helpers/servePayloadRouter'
import { postStreamedBody } from './streamedBody'
import { addTestEndpoints } from './testEndpoints'

// The Next app's own server (src/server/nextServer.ts) is `createAppListener` in front of Next's
// handler. Here the same listener is in front of Payload's router, which is what the Next route
// runs for /api: the client's address, body caps and headers are this listener's to get right.

let booted: TestPayload
let direct: PayloadRouterServer
let behindProxy: PayloadRouterServer

beforeAll(async () => {
  booted = await bootPayload()
  addTestEndpoints(booted.payload)
  const handle = payloadRouterHandler(booted)
  direct = await serveHandler(
    createAppListener({ handle, trustProxy: false, publicUrl: 'https://hub.example' }),
  )
  behindProxy = await serveHandler(
    createAppListener({ handle, trustProxy: 'loopback', publicUrl: 'http://localhost:3000' }),
  )
})

afterAll(async () => {
  await direct?.close()
  await behindProxy?.close()
  await booted?.shutdown()
})

const echoedAddress = async (url: string, headers: Record<string, string>): Promise<string> => {
  const response = await fetch(`${url}/api/v1/test/echo`, { method: 'POST', headers, body: '{}' })
  return ((await response.json()) as { forwardedFor: string }).forwardedFor
}

describe('Next app server: the client address', () => {
  it('takes the socket address, not a client-sent X-Forwarded-For or X-Real-IP, when no proxy is trusted', async () => {
    expect(
      await echoedAddress(direct.url, {
        'x-forwarded-for': '203.0.113.9',
        'x-real-ip': '203.0.113.10',
      }),
    ).toBe('127.0.0.1')
  })

  it('behind a trusted proxy, takes the hop the proxy saw, not one the client prepended', async () => {
    expect(
      await echoedAddress(behindProxy.url, { 'x-forwarded-for': '203.0.113.9, 198.51.100.1' }),
    ).toBe('198.51.100.1')
  })

  it('keeps a rate limit on one address whatever X-Forwarded-For the client sends', async () => {
    const bundle = (spoofed: string) =>
      fetch(`${direct.url}/api/v1/updates/offline-bundle`, {
        headers: { 'x-forwarded-for': spoofed },
      })
    const statuses: number[] = []
    for (let request = 0; request < 31; request += 1)
      statuses.push((await bundle(`198.51.100.${request}`)).status)
    expect(statuses.slice(0, 30)).not.toContain(429)
    const refused = await bundle('198.51.100.200')
    expect(refused.status).toBe(429)
    expect(((await refused.json()) as { code: string }).code).toBe('RATE_LIMITED')
  })
})

const threeHundredMegabytes = 300 * 1024 * 1024

describe('Next app server: body caps', () => {
  it('answers 413 PAYLOAD_TOO_LARGE to a 300 MB chunked body on /api/v1/licenses/validate without reading it', async () => {
    const rssBefore = process.memoryUsage().rss
    const answer = await postStreamedBody(
      `${direct.url}/api/v1/licenses/validate`,
      threeHundredMegabytes,
    )
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' })
    expect(answer.bytesSent).toBeLessThan(16 * 1024 * 1024)
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024)
  })

  it('answers 413 to a chunked JSON body over the limit on Payload REST, and to a declared one, unread', async () => {
    const streamed = await postStreamedBody(`${direct.url}/api/users/login`, threeHundredMegabytes)
    expect([streamed.status, JSON.parse(streamed.body).code]).toEqual([413, 'PAYLOAD_TOO_LARGE'])
    expect(streamed.bytesSent).toBeLessThan(16 * 1024 * 1024)

    const declared = await postStreamedBody(
      `${direct.url}/api/users/login`,
      threeHundredMegabytes,
      { 'content-length': String(threeHundredMegabytes) },
    )
    expect([declared.status, JSON.parse(declared.body).code]).toEqual([413, 'PAYLOAD_TOO_LARGE'])
    expect(declared.bytesSent).toBeLessThan(16 * 1024 * 1024)
  })

  it("answers 413 to a form posted to a page past the server actions' 1 MB, which Next answers with a 500, and lets one under it through", async () => {
    const form = (size: number) => {
      const body = new FormData()
      body.append('email', 'grace@globex.example')
      body.append('password', 'x'.repeat(size))
      return body
    }
    const over = await fetch(`${direct.url}/portal/login`, {
      method: 'POST',
      body: form(1_100_000),
    })
    expect(over.status).toBe(413)
    expect(((await over.json()) as { code: string }).code).toBe('PAYLOAD_TOO_LARGE')
    // Under it, the request reaches the handler (Payload's router here: no such route).
    const under = await fetch(`${direct.url}/portal/login`, { method: 'POST', body: form(900_000) })
    expect(under.status).not.toBe(413)
    // Uploads to /api/ keep their own, larger cap.
    const upload = await fetch(`${direct.url}/api/v1/test/echo`, {
      method: 'POST',
      body: form(1_100_000),
    })
    expect(upload.status).not.toBe(413)
  })

  it('lets a body under the limit through', async () => {
    const response = await fetch(`${direct.url}/api/v1/test/echo`, {
      method: 'POST',
      body: 'x'.repeat(100_000),
    })
    expect(response.status).toBe(201)
    expect(((await response.json()) as { length: number }).length).toBe(100_000)
  })
})

describe('Next app server: security headers', () => {
  it('puts nosniff, DENY, the referrer policy, HSTS (https) and a data-only CSP on /api answers', async () => {
    for (const path of ['/api/users', '/api/v1/keys', '/api/v1/no-such-thing']) {
      const response = await fetch(`${direct.url}${path}`)
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(response.headers.get('x-frame-options'), path).toBe('DENY')
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin')
      expect(response.headers.get('strict-transport-security'), path).toMatch(/max-age=\d+/)
      expect(response.headers.get('content-security-policy'), path).toMatch(
        /default-src 'none'.*frame-ancestors 'none'/,
      )
    }
  })

  it('sends no HSTS when PUBLIC_URL is plain http', async () => {
    const response = await fetch(`${behindProxy.url}/api/v1/keys`)
    expect(response.headers.get('strict-transport-security')).toBeNull()
  })
})

describe('Next app server: methods', () => {
  it('answers 405 METHOD_NOT_ALLOWED with Allow to a method a client endpoint does not take', async () => {
    for (const [method, path, allow] of [
      ['GET', '/api/v1/licenses/validate', 'POST'],
      ['DELETE', '/api/v1/licenses/validate', 'POST'],
      ['PUT', '/api/v1/keys', 'GET'],
      ['PATCH', '/api/v1/updates/manifest', 'GET'],
    ]) {
      const response = await fetch(`${direct.url}${path}`, { method })
      expect(response.status, `${method} ${path}`).toBe(405)
      expect(response.headers.get('allow'), `${method} ${path}`).toBe(allow)
      expect(((await response.json()) as { code: string }).code).toBe('METHOD_NOT_ALLOWED')
    }
  })

  it('still answers 404 NOT_FOUND to an unknown client path', async () => {
    const response = await fetch(`${direct.url}/api/v1/no-such-thing`)
    expect(response.status).toBe(404)
  })
})
