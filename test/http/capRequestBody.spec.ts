import { Agent, createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { capRequestBody } from '../../src/http/capRequestBody'
import { slowReader } from '../server/streamedBody'

// A refused body ends its connection: a keep-alive client (browsers, fetch, nginx's upstream pool)
// must not send its next request down a connection the server is about to cut.

const limit = 1024
let server: Server
let url: URL
/** A server whose handler answers at once and reads nothing, as an endpoint refusing a body does. */
let answeringServer: Server
let answeringUrl: URL
/** The same under a cap the body never reaches: the endpoint's refusal closes the connection. */
let closingServer: Server
let closingUrl: URL

beforeAll(async () => {
  server = createServer((req, res) => {
    if (!capRequestBody(req, res, limit)) return
    let length = 0
    req.on('data', (chunk: Buffer) => (length += chunk.length))
    req.on('end', () => res.end(JSON.stringify({ length })))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
  answeringServer = createServer((req, res) => {
    if (!capRequestBody(req, res, limit)) return
    res.writeHead(413, { 'content-type': 'application/json' })
    res.end('{"code":"PAYLOAD_TOO_LARGE"}')
  })
  await new Promise<void>((resolve) => answeringServer.listen(0, '127.0.0.1', resolve))
  answeringUrl = new URL(`http://127.0.0.1:${(answeringServer.address() as AddressInfo).port}/`)
  closingServer = createServer((req, res) => {
    if (!capRequestBody(req, res, 1024 * 1024)) return
    res.writeHead(413, { 'content-type': 'application/json', connection: 'close' })
    res.end('{"code":"PAYLOAD_TOO_LARGE"}')
  })
  await new Promise<void>((resolve) => closingServer.listen(0, '127.0.0.1', resolve))
  closingUrl = new URL(`http://127.0.0.1:${(closingServer.address() as AddressInfo).port}/`)
})

afterAll(async () => {
  for (const running of [server, answeringServer, closingServer]) {
    running.closeAllConnections()
    await new Promise((resolve) => running.close(resolve))
  }
})

type Answer = { status: number; connection: string | undefined; body: string }

/** POSTs `body` (a Buffer: with its Content-Length; a stream: chunked) through `agent`. */
const post = (agent: Agent, body: Buffer | Readable): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', agent }, (incoming) => {
      const chunks: Buffer[] = []
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
      incoming.on('end', () =>
        resolve({
          status: incoming.statusCode ?? 0,
          connection: incoming.headers.connection,
          body: Buffer.concat(chunks).toString(),
        }),
      )
    })
    outgoing.on('error', reject)
    if (Buffer.isBuffer(body)) outgoing.end(body)
    else body.pipe(outgoing)
  })

/** A small body sent slowly: its first half now, the rest after `pauseMs`. */
const slowBody = (pauseMs: number): Readable =>
  Readable.from(
    (async function* () {
      yield Buffer.alloc(10, 'a')
      await new Promise((resolve) => setTimeout(resolve, pauseMs))
      yield Buffer.alloc(10, 'b')
    })(),
  )

describe('capRequestBody', () => {
  it('refuses a declared length over the limit with 413 and Connection: close', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const answer = await post(agent, Buffer.alloc(limit + 1, 'x'))
    expect(answer).toMatchObject({ status: 413, connection: 'close' })
    expect(JSON.parse(answer.body).code).toBe('PAYLOAD_TOO_LARGE')
    agent.destroy()
  })

  it('a keep-alive client’s next request after a 413 is answered, however long it takes to send', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    expect((await post(agent, Buffer.alloc(64 * 1024, 'x'))).status).toBe(413)
    // Sent slowly, on a new connection: the cut of the refused one (lingering) does not touch it.
    const next = await post(agent, slowBody(2_500))
    expect([next.status, JSON.parse(next.body)]).toEqual([200, { length: 20 }])
    agent.destroy()
  }, 10_000)

  it('a chunked body refused mid-stream gets its 413 with Connection: close', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const chunks = Readable.from(
      (async function* () {
        for (let sent = 0; sent < 64; sent++) yield Buffer.alloc(1024, 'x')
      })(),
    )
    const answer = await post(agent, chunks)
    expect(answer).toMatchObject({ status: 413, connection: 'close' })
    const next = await post(agent, Buffer.from('{}'))
    expect([next.status, JSON.parse(next.body)]).toEqual([200, { length: 2 }])
    agent.destroy()
  })

  it('a body past the limit after the handler has answered is dropped, not reset: the client reads the answer and the connection closes cleanly', async () => {
    // A reset with the client's bytes unread would throw away the answer it had not read yet.
    const body = Readable.from(
      (async function* () {
        for (let sent = 0; sent < 512; sent++) yield Buffer.alloc(16 * 1024, 'x')
      })(),
    )
    const outcome = await new Promise<{ status: number; error?: string }>((resolve) => {
      let status = 0
      let error: string | undefined
      const outgoing = request(answeringUrl, { method: 'POST', agent: false }, (incoming) => {
        status = incoming.statusCode ?? 0
        incoming.resume()
      })
      outgoing.on('error', (failure: NodeJS.ErrnoException) => (error = failure.code))
      outgoing.on('close', () => resolve({ status, ...(error ? { error } : {}) }))
      body.pipe(outgoing)
    })
    expect(outcome).toEqual({ status: 413 })
  })

  it('a client slow to read its 413 (a loaded machine) still reads it, while it goes on sending now and then', async () => {
    expect(await slowReader(url, limit + 1)).toEqual({
      status: 'HTTP/1.1 413 Payload Too Large',
      error: undefined,
      refused: true,
    })
  }, 40_000)

  it('as does one whose body an endpoint refused under the cap, closing the connection', async () => {
    // Node closes such a connection as soon as the answer is out, resetting it under a client
    // that is still sending (the Next app's endpoints refuse JSON at 16 KiB, its cap is 2 MiB).
    expect(await slowReader(closingUrl, 4096)).toEqual({
      status: 'HTTP/1.1 413 Payload Too Large',
      error: undefined,
      refused: true,
    })
  }, 40_000)
})
