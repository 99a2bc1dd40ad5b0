import { Agent, createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { capRequestBody } from '../../src/http/capRequestBody'

// A refused body ends its connection: a keep-alive client (browsers, fetch, nginx's upstream pool)
// must not send its next request down a connection the server is about to cut.

const limit = 1024
let server: Server
let url: URL
/** A server whose handler answers at once and reads nothing, as an endpoint refusing a body does. */
let answeringServer: Server
let answeringUrl: URL

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
})

afterAll(async () => {
  for (const running of [server, answeringServer]) {
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
    // Still sending when a connection kept for reuse would have been cut (2 s after the refusal).
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
})
