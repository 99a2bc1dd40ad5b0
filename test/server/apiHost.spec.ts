import { createHash } from 'node:crypto'
import { Agent, request } from 'node:http'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { startApiHost, type TestApiHost } from '../helpers/startApiHost'
import { jsonOf, rawRequest } from './rawHttp'
import { addTestEndpoints, patternBytes, sha256Of, type TestEndpointProbe } from './testEndpoints'

let booted: TestPayload
let host: TestApiHost
let probe: TestEndpointProbe

beforeAll(async () => {
  booted = await bootPayload()
  probe = addTestEndpoints(booted.payload)
  host = await startApiHost(booted)
})

afterAll(async () => {
  await host?.close()
  await booted?.shutdown()
})

describe('API host: what it serves', () => {
  it('answers 404 { code: NOT_FOUND } for every path outside /api/v1', async () => {
    for (const path of ['/', '/admin', '/api/users', '/api/graphql', '/api/v1', '/favicon.ico']) {
      const answer = await rawRequest(host.url, { path })
      expect(answer.status, path).toBe(404)
      expect(answer.headers['content-type'], path).toMatch(/application\/json/)
      expect(jsonOf(answer).code, path).toBe('NOT_FOUND')
    }
  })

  it('answers 404 NOT_FOUND for an unknown /api/v1 endpoint', async () => {
    const answer = await rawRequest(host.url, { path: '/api/v1/no-such-thing' })
    expect(answer.status).toBe(404)
    expect(jsonOf(answer)).toMatchObject({ code: 'NOT_FOUND', message: expect.any(String) })
  })

  it('does not let dot segments or encoded slashes climb out of /api/v1 into Payload REST', async () => {
    for (const path of [
      '/api/v1/../users',
      '/api/v1/%2e%2e/users',
      '/api/v1/..%2fusers',
      '/api/v1/../../admin',
    ]) {
      const answer = await rawRequest(host.url, { path })
      expect(answer.status, path).toBe(404)
      expect(jsonOf(answer).code, path).toBe('NOT_FOUND')
      expect(answer.body.toString(), path).not.toContain('docs')
    }
  })

  it('answers 400 BAD_REQUEST for a malformed escape in the path', async () => {
    const answer = await rawRequest(host.url, {
      path: '/api/v1/test/echo/%E0%A4%A',
      method: 'POST',
      body: '{}',
    })
    expect(answer.status).toBe(400)
    expect(jsonOf(answer).code).toBe('BAD_REQUEST')
  })

  it('serves /api/v1/openapi.json, the document of the client protocol', async () => {
    const response = await fetch(`${host.url}/api/v1/openapi.json`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/application\/json/)
    expect(response.headers.get('cache-control')).toBe('public, max-age=300')
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> }
    expect(document.openapi).toBe('3.1.0')
    const served = booted.payload.config.endpoints.filter(
      (endpoint) => endpoint.path.startsWith('/v1/') && endpoint.custom?.openapi,
    )
    expect(Object.keys(document.paths).length).toBe(
      new Set(served.map((endpoint) => endpoint.path)).size,
    )
  })

  it('answers 405 METHOD_NOT_ALLOWED with Allow for a known path and the wrong method', async () => {
    const answer = await rawRequest(host.url, { path: '/api/v1/openapi.json', method: 'DELETE' })
    expect(answer.status).toBe(405)
    expect(answer.headers.allow).toBe('GET')
    expect(jsonOf(answer).code).toBe('METHOD_NOT_ALLOWED')
  })

  it('answers HEAD like GET without a body', async () => {
    const answer = await rawRequest(host.url, { path: '/api/v1/openapi.json', method: 'HEAD' })
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toMatch(/application\/json/)
    expect(answer.body.length).toBe(0)
  })
})

describe('API host: forwarding requests and answers', () => {
  it('forwards a POST body byte for byte, with the query, headers and route params', async () => {
    const body = JSON.stringify({ key: 'PM-ABCD-EFGH', nonce: 'n-1', text: 'Grüße ✓'.repeat(200) })
    const response = await fetch(`${host.url}/api/v1/test/echo?product=promonitor&line=v7`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-custom': 'kept' },
      body,
    })
    expect(response.status).toBe(201)
    const echoed = (await response.json()) as Record<string, unknown>
    expect(echoed).toMatchObject({
      method: 'POST',
      search: '?product=promonitor&line=v7',
      text: body,
      custom: 'kept',
    })
    expect(echoed.length).toBe(Buffer.byteLength(body))

    const routed = await fetch(`${host.url}/api/v1/test/echo/a%20b`, { method: 'POST', body: '{}' })
    expect(await routed.json()).toEqual({ routeId: 'a b' })
  })

  it('streams a body larger than the buffered limit through intact (chunked upload)', async () => {
    const bytes = patternBytes(0, 300 * 1024)
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 50_000)
          controller.enqueue(bytes.subarray(offset, offset + 50_000))
        controller.close()
      },
    })
    const response = await fetch(`${host.url}/api/v1/test/echo`, {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(201)
    expect(await response.json()).toMatchObject({ length: bytes.length, sha256: sha256Of(bytes) })
  })

  it('sends every header back, each Set-Cookie on its own', async () => {
    const response = await fetch(`${host.url}/api/v1/test/echo`, { method: 'POST', body: '{}' })
    expect(response.headers.get('x-echo')).toBe('yes')
    expect(response.headers.getSetCookie()).toEqual([
      'first=1; Path=/',
      'second=2; Path=/; HttpOnly',
    ])
    expect(response.headers.get('content-length')).toBe(
      String((await response.arrayBuffer()).byteLength),
    )
  })

  it('streams a large answer with its Content-Length, every byte in order', async () => {
    const size = 12 * 1024 * 1024 + 123
    const response = await fetch(`${host.url}/api/v1/test/stream?size=${size}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-length')).toBe(String(size))
    const hash = createHash('sha256')
    let received = 0
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk)
      received += chunk.length
    }
    expect(received).toBe(size)
    expect(hash.digest('hex')).toBe(sha256Of(patternBytes(0, size)))
  })

  it('stops reading the source when the client goes away mid-download (backpressure, no buffering)', async () => {
    probe.streamCancelled = false
    const size = 2 * 1024 ** 3
    const { hostname, port } = new URL(host.url)
    await new Promise<void>((resolve, reject) => {
      const outgoing = request(
        { host: hostname, port, path: `/api/v1/test/stream?size=${size}`, agent: false },
        (incoming) => {
          incoming.once('data', () => {
            // Read nothing more for a moment: the server must stop producing, not buffer 2 GB.
            incoming.pause()
            setTimeout(() => {
              outgoing.destroy()
              resolve()
            }, 300)
          })
        },
      )
      outgoing.on('error', () => {})
      outgoing.end()
      setTimeout(() => reject(new Error('no data')), 10_000).unref()
    })
    await expect.poll(() => probe.streamCancelled, { timeout: 5_000 }).toBe(true)
    expect(probe.streamedBytes).toBeLessThan(64 * 1024 * 1024)
    // And the host carries on.
    expect((await fetch(`${host.url}/api/v1/openapi.json`)).status).toBe(200)
  })

  it('ignores a client-sent X-Forwarded-For unless TRUST_PROXY says to believe it', async () => {
    const spoofed = { 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.10' }
    const direct = await fetch(`${host.url}/api/v1/test/echo`, {
      method: 'POST',
      headers: spoofed,
      body: '{}',
    })
    expect(((await direct.json()) as { forwardedFor: string }).forwardedFor).toBe('127.0.0.1')

    const behindProxy = await startApiHost(booted, { trustProxy: 'loopback' })
    try {
      const proxied = await fetch(`${behindProxy.url}/api/v1/test/echo`, {
        method: 'POST',
        headers: spoofed,
        body: '{}',
      })
      expect(((await proxied.json()) as { forwardedFor: string }).forwardedFor).toBe('203.0.113.9')
    } finally {
      await behindProxy.close()
    }
  })
})

describe('API host: fast answers', () => {
  const fastPath = '/api/v1/test/fast?fast=yes'

  it('answers from an endpoint’s fast answer, with the CORS headers Payload puts on its handler’s answers', async () => {
    const fast = await rawRequest(host.url, { path: fastPath, headers: { 'x-custom': 'read' } })
    expect(fast.status).toBe(200)
    expect(fast.headers['x-answered-by']).toBe('fast')
    expect(jsonOf(fast)).toEqual({ seen: 'read' })
    const handled = await rawRequest(host.url, { path: '/api/v1/test/fast?fast=no' })
    expect(handled.headers['x-answered-by']).toBe('handler')
    expect(handled.headers['access-control-allow-methods']).toEqual(expect.any(String))
    for (const name of [
      'access-control-allow-methods',
      'access-control-allow-headers',
      'access-control-allow-origin',
    ]) {
      expect(fast.headers[name], name).toBe(handled.headers[name])
    }
  })

  it('runs the handler for a request with credentials, an Origin or a method override, whose answer Payload may shape', async () => {
    const credentialsOrOrigin: Record<string, string>[] = [
      { authorization: 'Bearer not-a-token' },
      { cookie: 'payload-token=stale' },
      { origin: 'https://portal.example' },
      { 'x-http-method-override': 'GET' },
      { 'x-payload-http-method-override': 'GET' },
    ]
    for (const headers of credentialsOrOrigin) {
      const answer = await rawRequest(host.url, { path: fastPath, headers })
      expect(answer.status, JSON.stringify(headers)).toBe(200)
      expect(answer.headers['x-answered-by'], JSON.stringify(headers)).toBe('handler')
    }
  })

  it('hands a fast answer the whole body, and the handler the same bytes when the fast answer declines', async () => {
    const fastBody = Buffer.from(`fast${'x'.repeat(5_000)}`)
    const fast = await rawRequest(host.url, {
      path: '/api/v1/test/fast-echo',
      method: 'POST',
      body: fastBody,
      headers: { 'content-length': String(fastBody.length) },
    })
    expect(fast.headers['x-answered-by']).toBe('fast')
    expect(jsonOf(fast)).toEqual({ length: fastBody.length, sha256: sha256Of(fastBody) })

    const declined = Buffer.from(`slow${'y'.repeat(5_000)}`)
    const handled = await rawRequest(host.url, {
      path: '/api/v1/test/fast-echo',
      method: 'POST',
      body: declined,
      headers: { 'content-length': String(declined.length) },
    })
    expect(handled.headers['x-answered-by']).toBe('handler')
    expect(jsonOf(handled)).toEqual({ length: declined.length, sha256: sha256Of(declined) })
  })

  it('runs the handler for a body it cannot hold whole first (chunked, or over the buffered size)', async () => {
    const large = Buffer.concat([Buffer.from('fast'), Buffer.alloc(200 * 1024, 'f')])
    const chunked = await rawRequest(host.url, {
      path: '/api/v1/test/fast-echo',
      method: 'POST',
      body: Buffer.from('fast, but chunked'),
      headers: { 'transfer-encoding': 'chunked' },
    })
    expect(chunked.headers['x-answered-by']).toBe('handler')
    const oversized = await rawRequest(host.url, {
      path: '/api/v1/test/fast-echo',
      method: 'POST',
      body: large,
      headers: { 'content-length': String(large.length) },
    })
    expect(oversized.headers['x-answered-by']).toBe('handler')
    expect(jsonOf(oversized)).toEqual({ length: large.length, sha256: sha256Of(large) })
  })

  it('answers HEAD from the fast answer without a body', async () => {
    const answer = await rawRequest(host.url, { path: fastPath, method: 'HEAD' })
    expect(answer.status).toBe(200)
    expect(answer.headers['x-answered-by']).toBe('fast')
    expect(answer.body.length).toBe(0)
  })
})

describe('API host: bodies nobody reads', () => {
  /**
   * Two requests on one keep-alive connection; returns both statuses and whether the socket was the
   * same.
   */
  const twoOnOneConnection = async (
    first: { method: string; path: string; body?: Buffer },
    second: { path: string },
  ) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const { hostname, port } = new URL(host.url)
    const send = (options: { method: string; path: string; body?: Buffer }) =>
      new Promise<{ status: number; localPort: number }>((resolve, reject) => {
        const outgoing = request(
          { host: hostname, port, agent, method: options.method, path: options.path },
          (incoming) => {
            const localPort = incoming.socket.localPort!
            incoming.resume()
            incoming.on('end', () => resolve({ status: incoming.statusCode!, localPort }))
          },
        )
        outgoing.on('error', reject)
        outgoing.end(options.body)
      })
    try {
      const answers = [await send(first), await send({ method: 'GET', ...second })]
      return {
        statuses: answers.map((answer) => answer.status),
        sameConnection: answers[0].localPort === answers[1].localPort,
      }
    } finally {
      agent.destroy()
    }
  }
  const twoMegabytes = Buffer.alloc(2 * 1024 * 1024, 120)

  it('drops the body of a request it refuses, and the connection carries the next request', async () => {
    const result = await twoOnOneConnection(
      { method: 'POST', path: '/api/v1/no-such-thing', body: twoMegabytes },
      { path: '/api/v1/openapi.json' },
    )
    expect(result).toEqual({ statuses: [404, 200], sameConnection: true })
  })

  it('drops what an endpoint answered without reading, and the connection carries the next request', async () => {
    const result = await twoOnOneConnection(
      { method: 'POST', path: '/api/v1/test/ignore-body', body: twoMegabytes },
      { path: '/api/v1/openapi.json' },
    )
    expect(result).toEqual({ statuses: [200, 200], sameConnection: true })
  })
})

describe('API host: graceful shutdown', () => {
  it('stops accepting, lets an in-flight request finish, then closes', async () => {
    const draining = await startApiHost(booted)
    const gate = probe.gate('drain')
    const inFlight = rawRequest(draining.url, { path: '/api/v1/test/slow?gate=drain' })
    await gate.entered

    let closed = false
    const closing = draining.close().then(() => (closed = true))
    await expect(rawRequest(draining.url, { path: '/api/v1/openapi.json' })).rejects.toThrow(
      /ECONNREFUSED/,
    )
    expect(closed).toBe(false)

    gate.release()
    const answer = await inFlight
    expect(answer.status).toBe(200)
    expect(jsonOf(answer)).toEqual({ answered: true })
    expect(answer.headers.connection).toBe('close')
    await closing
    expect(closed).toBe(true)
  })

  it('cuts a request that outlives the drain timeout instead of hanging', async () => {
    const draining = await startApiHost(booted, { drainTimeoutMs: 300 })
    const gate = probe.gate('stuck')
    const inFlight = rawRequest(draining.url, { path: '/api/v1/test/slow?gate=stuck' })
    await gate.entered
    const started = Date.now()
    await draining.close()
    expect(Date.now() - started).toBeLessThan(3_000)
    await expect(inFlight).rejects.toThrow(/socket hang up|ECONNRESET/)
    gate.release()
  })
})
