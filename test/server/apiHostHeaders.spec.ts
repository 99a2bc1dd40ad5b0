import { connect } from 'node:net'

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

  it('answers many requests of one moment each with its own answer, in order on a pipelined connection, and goes on when a client hangs up before its answer', async () => {
    const validate = (key: string) => ({
      path: '/api/v1/licenses/validate',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key, nonce: key.slice(-8) }),
    })
    // Clients that hang up at once: their answers are still due when they are gone.
    for (let index = 0; index < 5; index += 1) {
      const socket = connect(Number(new URL(host.url).port), '127.0.0.1')
      socket.on('error', () => {})
      socket.write('GET /api/v1/health HTTP/1.1\r\nhost: x\r\n\r\n', () => socket.destroy())
    }
    const answers = await Promise.all([
      ...Array.from({ length: 20 }, () => rawRequest(host.url, { path: '/api/v1/health' })),
      ...Array.from({ length: 20 }, (_, index) =>
        rawRequest(
          host.url,
          validate(`PMON-00000-00000-00000-00000-${String(index).padStart(5, '0')}-0`),
        ),
      ),
    ])
    expect(answers.map((answer) => answer.status)).toEqual(Array(40).fill(200))
    expect(new Set(answers.map((answer) => answer.headers['x-request-id'])).size).toBe(40)
    for (const answer of answers.slice(20))
      expect(JSON.parse(answer.body.toString())).toMatchObject({ code: 'NOT_FOUND' })

    const pipelined = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(host.url).port), '127.0.0.1')
      let text = ''
      socket.setEncoding('latin1')
      socket.on('data', (chunk: string) => {
        text += chunk
        if (text.split('HTTP/1.1 ').length - 1 === 3) socket.end(() => resolve(text))
      })
      socket.on('error', reject)
      socket.write(
        'HEAD /api/v1/health HTTP/1.1\r\nhost: x\r\n\r\n' +
          'DELETE /api/v1/health HTTP/1.1\r\nhost: x\r\n\r\n' +
          'GET /api/v1/health HTTP/1.1\r\nhost: x\r\n\r\n',
      )
    })
    expect(pipelined.match(/HTTP\/1\.1 \d{3}/g)).toEqual([
      'HTTP/1.1 200',
      'HTTP/1.1 405',
      'HTTP/1.1 200',
    ])
    expect((await rawRequest(host.url, { path: '/api/v1/health' })).status).toBe(200)
  })
})
