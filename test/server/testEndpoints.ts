import { createHash } from 'node:crypto'

import type { Endpoint, Payload } from 'payload'

import type { FastRequest } from '../../plugins/clientApi'

/** Byte `i` of every test stream: deterministic, so the receiver can check it without a copy. */
export const patternBytes = (offset: number, length: number): Uint8Array => {
  const bytes = new Uint8Array(length)
  for (let index = 0; index < length; index += 1) bytes[index] = ((offset + index) * 31 + 7) & 0xff
  return bytes
}

export const sha256Of = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex')

type Gate = {
  entered: Promise<void>
  enter: () => void
  released: Promise<void>
  release: () => void
}

const createGate = (): Gate => {
  const gate = {} as Gate
  gate.entered = new Promise<void>((resolve) => (gate.enter = resolve))
  gate.released = new Promise<void>((resolve) => (gate.release = resolve))
  return gate
}

/** What the test endpoints let a test observe or control on the server side. */
export type TestEndpointProbe = {
  streamedBytes: number
  streamCancelled: boolean
  /**
   * `GET /v1/test/slow?gate=<name>` waits at this gate: `entered` once called, answers after
   * `release()`.
   */
  gate: (name: string) => Pick<Gate, 'entered' | 'release'>
}

/**
 * Test-only endpoints added to a booted instance's config before the API host is created, so the
 * host's forwarding (body, headers, cookies, streaming, draining) is proven on its own, whatever
 * the plugins' endpoints do. They carry no OpenAPI operation, so the served document ignores them.
 */
export const addTestEndpoints = (payload: Payload): TestEndpointProbe => {
  const gates = new Map<string, Gate>()
  const gateNamed = (name: string): Gate => {
    if (!gates.has(name)) gates.set(name, createGate())
    return gates.get(name)!
  }
  const probe: TestEndpointProbe = { streamedBytes: 0, streamCancelled: false, gate: gateNamed }

  const endpoints: Endpoint[] = [
    {
      path: '/v1/test/echo',
      method: 'post',
      handler: async (req) => {
        const body = new Uint8Array(await req.arrayBuffer!())
        const headers = new Headers({ 'x-echo': 'yes' })
        headers.append('set-cookie', 'first=1; Path=/')
        headers.append('set-cookie', 'second=2; Path=/; HttpOnly')
        return Response.json(
          {
            method: req.method,
            search: new URL(req.url!).search,
            length: body.length,
            sha256: sha256Of(body),
            text: body.length <= 20_000 ? new TextDecoder().decode(body) : undefined,
            custom: req.headers.get('x-custom'),
            forwardedFor: req.headers.get('x-forwarded-for'),
            routeId: req.routeParams?.id,
          },
          { status: 201, headers },
        )
      },
    },
    {
      path: '/v1/test/echo/:id',
      method: 'post',
      handler: async (req) => Response.json({ routeId: req.routeParams?.id }),
    },
    {
      path: '/v1/test/ignore-body',
      method: 'post',
      handler: async () => Response.json({ ignored: true }),
    },
    {
      path: '/v1/test/stream',
      method: 'get',
      handler: async (req) => {
        const size = Number(new URL(req.url!).searchParams.get('size'))
        const chunkSize = 64 * 1024
        let sent = 0
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent >= size) return controller.close()
            const length = Math.min(chunkSize, size - sent)
            controller.enqueue(patternBytes(sent, length))
            sent += length
            probe.streamedBytes = sent
          },
          cancel() {
            probe.streamCancelled = true
          },
        })
        return new Response(body, {
          headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
        })
      },
    },
    {
      path: '/v1/test/slow',
      method: 'get',
      handler: async (req) => {
        const gate = gateNamed(new URL(req.url!).searchParams.get('gate') ?? '')
        gate.enter()
        await gate.released
        return Response.json({ answered: true })
      },
    },
    {
      // `?fast=yes` is answered by the fast answer, anything else by the handler.
      path: '/v1/test/fast',
      method: 'get',
      custom: {
        fastAnswer: ({ searchParams, headers }: FastRequest) =>
          searchParams.get('fast') === 'yes'
            ? {
                status: 200,
                headers: { 'content-type': 'application/json', 'x-answered-by': 'fast' },
                body: new TextEncoder().encode(
                  JSON.stringify({ seen: headers['x-custom'] ?? null }),
                ),
              }
            : undefined,
      },
      handler: async (req) =>
        Response.json(
          { seen: req.headers.get('x-custom') },
          { headers: { 'x-answered-by': 'handler' } },
        ),
    },
    {
      // A body starting with `fast` is answered by the fast answer, any other by the handler.
      path: '/v1/test/fast-echo',
      method: 'post',
      custom: {
        fastAnswer: ({ body }: FastRequest) =>
          new TextDecoder().decode(body.subarray(0, 4)) === 'fast'
            ? {
                status: 200,
                headers: { 'content-type': 'application/json', 'x-answered-by': 'fast' },
                body: new TextEncoder().encode(
                  JSON.stringify({ length: body.length, sha256: sha256Of(body) }),
                ),
              }
            : undefined,
      },
      handler: async (req) => {
        const body = new Uint8Array(await req.arrayBuffer!())
        return Response.json(
          { length: body.length, sha256: sha256Of(body) },
          { headers: { 'x-answered-by': 'handler' } },
        )
      },
    },
  ]
  payload.config.endpoints.push(...endpoints)
  return probe
}
