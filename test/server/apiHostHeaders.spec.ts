import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { startApiHost, type TestApiHost } from '../helpers/startApiHost'
import { rawRequest } from './rawHttp'

let booted: TestPayload
let host: TestApiHost

beforeAll(async () => {
  booted = await bootPayload()
  host = await startApiHost(booted, { publicUrl: 'https://hub.example' })
})

afterAll(async () => {
  await host?.close()
  await booted?.shutdown()
})

describe('API host: security headers', () => {
  it('puts nosniff, DENY, the referrer policy, HSTS and a data-only CSP on every answer, refusals and fast answers included', async () => {
    const answers = {
      keys: await rawRequest(host.url, { path: '/api/v1/keys' }),
      manifest: await rawRequest(host.url, {
        path: '/api/v1/updates/manifest?product=nothing&line=v7&channel=stable&platform=linux-x64',
      }),
      validate: await rawRequest(host.url, {
        path: '/api/v1/licenses/validate',
        method: 'POST',
        body: '{}',
      }),
      validateFast: await rawRequest(host.url, {
        path: '/api/v1/licenses/validate',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key: 'PMON-00000-00000-00000-00000-00000-0' }),
      }),
      health: await rawRequest(host.url, { path: '/api/v1/health' }),
      healthHead: await rawRequest(host.url, { path: '/api/v1/health', method: 'HEAD' }),
      notFound: await rawRequest(host.url, { path: '/admin' }),
      wrongMethod: await rawRequest(host.url, {
        path: '/api/v1/licenses/validate',
        method: 'DELETE',
      }),
    }
    for (const [name, answer] of Object.entries(answers)) {
      expect(answer.headers['x-content-type-options'], name).toBe('nosniff')
      expect(answer.headers['x-frame-options'], name).toBe('DENY')
      expect(answer.headers['referrer-policy'], name).toBe('strict-origin-when-cross-origin')
      expect(answer.headers['strict-transport-security'], name).toMatch(/max-age=\d+/)
      expect(answer.headers['content-security-policy'], name).toMatch(
        /default-src 'none'.*frame-ancestors 'none'/,
      )
      expect(answer.headers['x-powered-by'], name).toBeUndefined()
      expect(answer.headers['x-request-id'], name).toMatch(/^[0-9a-f-]{36}$/)
    }
  })

  it('writes a fast answer with its length, CORS headers and request id, and a HEAD with the length alone', async () => {
    const get = await rawRequest(host.url, { path: '/api/v1/health' })
    const head = await rawRequest(host.url, { path: '/api/v1/health', method: 'HEAD' })
    expect(get.status).toBe(200)
    expect(get.headers['content-length']).toBe(String(get.body.length))
    expect(get.headers['transfer-encoding']).toBeUndefined()
    expect(get.headers['access-control-allow-methods']).toContain('GET')
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
    expect(head.headers['content-length']).toBe(String(get.body.length))
    expect(head.headers['x-request-id']).not.toBe(get.headers['x-request-id'])
  })

  it('answers 405 with Allow to an unknown method on a client endpoint', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE', 'PROPFIND']) {
      const answer = await rawRequest(host.url, { path: '/api/v1/licenses/validate', method })
      expect(answer.status, method).toBe(405)
      expect(answer.headers.allow, method).toBe('POST')
    }
  })
})
