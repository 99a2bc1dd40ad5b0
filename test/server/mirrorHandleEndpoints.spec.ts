import { createHash } from 'node:crypto'

import {
  APIError,
  handleEndpoints,
  type AfterErrorHook,
  type Endpoint,
  type PayloadRequest,
} from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { mirrorHandleEndpoints, type WebAnswer } from '../../src/server/mirrorHandleEndpoints'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCustomer, createCustomerAccount, createProduct } from '../helpers/fixtures'
import { loginHeaders } from '../helpers/rest'
import { addTestEndpoints } from './testEndpoints'

// The mirror hands what it does not decide to Payload's own `handleEndpoints`; counting those
// calls tells which side answered: no comparison is won by the mirror passing everything on.
const payloadDispatch = vi.hoisted(() => ({ calls: 0 }))
vi.mock('payload', async (importOriginal) => {
  const actual = await importOriginal<typeof import('payload')>()
  return {
    ...actual,
    handleEndpoints: (args: Parameters<typeof actual.handleEndpoints>[0]) => {
      payloadDispatch.calls += 1
      return actual.handleEndpoints(args)
    },
  }
})

const probe = '/v1/mirror-test'

/** What the `throw` probe throws, by `?kind=`. */
const thrownErrors: Record<string, () => unknown> = {
  plain: () => new Error('connection to db-7.internal refused'),
  publicApiError: () => new APIError('I am a teapot', 418, undefined, true),
  privateApiError: () => new APIError('lock held by job 42', 409, undefined, false),
  apiErrorWithData: () => new APIError('Bad input', 400, { field: 'name' }, true),
  statusOnly: () => Object.assign(new Error('Unprocessable thing'), { status: 422 }),
  publicFlagOnly: () => Object.assign(new Error('Public though 500'), { isPublic: true }),
  plainObject: () => ({ message: 'not an Error', status: 418 }),
  loggedAsInfo: () => Object.assign(new Error('record in use'), { name: 'RecordInUse' }),
  initError: () => Object.assign(new Error('boot failed'), { payloadInitError: true }),
  rewrite: () => new Error('rewrite me'),
  string: () => 'a thrown string',
}

type Buffered = Response & { buffered: { copy: () => unknown } }

/**
 * A BufferedResponse (the hub's Response kept as whole bytes, which the mirror hands over as
 * `wholeBody`): what the real `GET /v1/openapi.json` handler answers.
 */
const bufferedAnswer = async (req: PayloadRequest): Promise<Buffered> => {
  const { endpoints } = req.payload.config
  const openApi = endpoints.find(
    ({ path, method }) => path === '/v1/openapi.json' && method === 'get',
  )
  return (await openApi!.handler(req)) as Buffered
}

/** Looks like a Response to `handleEndpoints`, with a status no real Response may have. */
const withStatus = (status: number): Response =>
  ({ status, statusText: '', headers: new Headers(), body: null, bodyUsed: false }) as Response

const probeEndpoints: Endpoint[] = [
  {
    path: `${probe}/params/:id`,
    method: 'get',
    handler: async (req) => Response.json({ params: req.routeParams }),
  },
  {
    path: `${probe}/order/:which`,
    method: 'get',
    handler: async (req) => Response.json({ matched: 'pattern', params: req.routeParams }),
  },
  {
    path: `${probe}/order/fixed`,
    method: 'get',
    handler: async () => Response.json({ matched: 'fixed' }),
  },
  {
    path: `${probe}/custom`,
    method: 'get',
    handler: async () =>
      new Response('made it', {
        status: 201,
        statusText: 'Made It',
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          vary: 'Accept-Encoding',
          'x-probe': 'custom',
          'access-control-allow-methods': 'GET',
        },
      }),
  },
  {
    path: `${probe}/request-headers`,
    method: 'get',
    handler: async (req) => {
      req.responseHeaders = new Headers({ 'x-from-req': 'yes', vary: 'Origin' })
      return Response.json({ ok: true }, { headers: { 'x-from-response': 'yes', vary: 'Accept' } })
    },
  },
  {
    path: `${probe}/throw`,
    method: 'get',
    handler: async (req) => {
      throw thrownErrors[req.searchParams.get('kind') ?? '']!()
    },
  },
  {
    path: `${probe}/throw-after-headers`,
    method: 'get',
    handler: async (req) => {
      req.responseHeaders = new Headers({ 'x-from-req': 'before the throw' })
      throw new APIError('Refused after setting headers', 403, undefined, true)
    },
  },
  {
    path: `${probe}/status/:status`,
    method: 'get',
    handler: async (req) => withStatus(Number(req.routeParams?.status)),
  },
  {
    path: `${probe}/read-body`,
    method: 'get',
    handler: async () => {
      const response = Response.json({ read: 'already' })
      await response.text()
      return response
    },
  },
  {
    path: `${probe}/read-buffered-body`,
    method: 'get',
    handler: async (req) => {
      const response = await bufferedAnswer(req)
      await response.text()
      return response
    },
  },
  {
    path: `${probe}/buffered-no-content`,
    method: 'get',
    handler: async (req) => {
      const sample = await bufferedAnswer(req)
      const BufferedResponse = sample.constructor as new (
        body: unknown,
        init: ResponseInit,
      ) => Response
      return new BufferedResponse(sample.buffered.copy(), { status: 204 })
    },
  },
  {
    path: `${probe}/whoami`,
    method: 'get',
    handler: async ({ user }) =>
      Response.json({
        user: user
          ? { collection: user.collection, email: (user as { email?: string }).email }
          : null,
      }),
  },
  {
    path: `${probe}/preflight`,
    method: 'options',
    handler: async () => new Response(null, { status: 204, headers: { 'x-probe': 'preflight' } }),
  },
  // Under a collection's slug: handleEndpoints matches it against that collection's endpoints.
  {
    path: '/media/mirror-test',
    method: 'get',
    handler: async () => Response.json({ reached: 'root endpoint' }),
  },
]

let booted: TestPayload
let mirror: ReturnType<typeof mirrorHandleEndpoints>
let allowedOrigin: string

beforeAll(async () => {
  booted = await bootPayload()
  addTestEndpoints(booted.payload)
  booted.payload.config.endpoints.push(...probeEndpoints)
  // Built after the probes are added: the mirror compiles its route table once.
  mirror = mirrorHandleEndpoints(booted.payload, booted.cacheKey)
  allowedOrigin = (booted.payload.config.cors as string[])[0]!
})

afterAll(async () => {
  await booted?.shutdown()
})

const requestTo = (path: string, init?: RequestInit): Request =>
  new Request(`http://hub.test${path}`, init)

type Seen =
  | {
      status: number
      statusText: string
      headers: [string, string][]
      body: string
      sha256?: string
      logs: string[]
    }
  | { rejected: string; logs: string[] }

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const

/** Runs `answer` with the instance's logger recording (not printing) what is logged. */
const recordingLogs = async <T>(
  answer: () => Promise<T>,
): Promise<{ value: T; logs: string[] }> => {
  const logger = booted.payload.logger as unknown as Record<string, unknown>
  const originals = logLevels.map((level) => logger[level])
  const logs: string[] = []
  for (const level of logLevels) {
    logger[level] = (entry: { err?: { message?: string }; msg?: string } | string) => {
      const text = typeof entry === 'string' ? entry : (entry.err?.message ?? entry.msg)
      logs.push(`${level}: ${text}`)
    }
  }
  const consoleError = vi.spyOn(console, 'error').mockImplementation((error: unknown) => {
    logs.push(`console.error: ${(error as Error)?.message ?? String(error)}`)
  })
  try {
    return { value: await answer(), logs }
  } finally {
    logLevels.forEach((level, index) => (logger[level] = originals[index]))
    consoleError.mockRestore()
  }
}

/** Status, headers and the body's bytes of an answer (or how it failed), with what it logged. */
const seen = async (
  answer: () => Promise<WebAnswer>,
  normaliseBody?: (body: string) => string,
): Promise<Seen> => {
  let result: { value: WebAnswer; logs: string[] }
  try {
    result = await recordingLogs(answer)
  } catch (error) {
    return { rejected: (error as Error).constructor.name, logs: [] }
  }
  const { value, logs } = result
  const bytes = value.wholeBody
    ? Buffer.from(value.wholeBody)
    : value.body
      ? Buffer.from(await new Response(value.body).arrayBuffer())
      : Buffer.alloc(0)
  const text = bytes.toString('utf8')
  return {
    status: value.status,
    statusText: value.statusText,
    headers: [...value.headers],
    body: normaliseBody ? normaliseBody(text) : text,
    ...(normaliseBody ? {} : { sha256: createHash('sha256').update(bytes).digest('hex') }),
    logs,
  }
}

type Compared = { mirrored: Seen; payloads: Seen; decidedBy: 'mirror' | 'payload' }

/**
 * The same request answered by the mirror (on a clone) and by Payload's `handleEndpoints`, the
 * mirror first; `decidedBy` says whether the mirror answered it itself or handed it on.
 */
const answersTo = async (
  request: Request,
  {
    answer = mirror,
    normaliseBody,
  }: { answer?: typeof mirror; normaliseBody?: (body: string) => string } = {},
): Promise<Compared> => {
  const pathname = new URL(request.url).pathname
  const copy = request.clone()
  const callsBefore = payloadDispatch.calls
  const mirrored = await seen(() => answer(copy, pathname), normaliseBody)
  const decidedBy = payloadDispatch.calls === callsBefore ? 'mirror' : 'payload'
  const payloads = await seen(
    () =>
      handleEndpoints({
        config: booted.payload.config,
        request,
        payloadInstanceCacheKey: booted.cacheKey,
      }),
    normaliseBody,
  )
  return { mirrored, payloads, decidedBy }
}

type Answered = Extract<Seen, { status: number }>

/** Asserts both answers are the same and who decided it; returns Payload's answer. */
const expectSameAnswer = async (
  request: Request,
  expected: { decidedBy: 'mirror' | 'payload'; status: number },
  options?: Parameters<typeof answersTo>[1],
): Promise<Answered> => {
  const { mirrored, payloads, decidedBy } = await answersTo(request, options)
  expect(mirrored).toEqual(payloads)
  expect(payloads).toMatchObject({ status: expected.status })
  expect(decidedBy).toBe(expected.decidedBy)
  return payloads as Answered
}

const headerOf = (answer: Answered, name: string): string | undefined =>
  answer.headers.find(([key]) => key === name)?.[1]

const jsonOf = (answer: Answered): Record<string, unknown> => JSON.parse(answer.body)

describe('mirrorHandleEndpoints: root endpoints it answers itself, as handleEndpoints does', () => {
  it('serves GET /api/v1/openapi.json with the same status, bytes and headers', async () => {
    const request = requestTo('/api/v1/openapi.json')
    const answer = await expectSameAnswer(request, { decidedBy: 'mirror', status: 200 })
    expect(headerOf(answer, 'cache-control')).toBe('public, max-age=300')
    expect(jsonOf(answer).openapi).toBe('3.1.0')
  })

  it('hands a BufferedResponse over as wholeBody, the bytes Payload sends', async () => {
    const pathname = '/api/v1/openapi.json'
    const answer = await mirror(requestTo(pathname), pathname)
    const response = await handleEndpoints({
      config: booted.payload.config,
      request: requestTo(pathname),
      payloadInstanceCacheKey: booted.cacheKey,
    })
    expect(answer.wholeBody).toBeInstanceOf(Uint8Array)
    expect(answer.body).toBeNull()
    expect(Buffer.from(answer.wholeBody!)).toEqual(Buffer.from(await response.arrayBuffer()))
  })

  it('serves GET /api/v1/keys with the same key set and headers', async () => {
    const answer = await expectSameAnswer(requestTo('/api/v1/keys'), {
      decidedBy: 'mirror',
      status: 200,
    })
    expect(jsonOf(answer).keys).toEqual(expect.any(Array))
  })

  it('refuses GET /api/v1/downloads/:artifactId without credentials alike', async () => {
    const answer = await expectSameAnswer(requestTo('/api/v1/downloads/12345'), {
      decidedBy: 'mirror',
      status: 401,
    })
    expect(jsonOf(answer).code).toBe('UNAUTHORIZED')
  })

  it('refuses a manifest for an unknown product alike', async () => {
    const query = '?product=nothing&line=v7&channel=stable&platform=linux-x64'
    const answer = await expectSameAnswer(requestTo(`/api/v1/updates/manifest${query}`), {
      decidedBy: 'mirror',
      status: 404,
    })
    expect(jsonOf(answer).code).toEqual(expect.any(String))
  })

  it('serves a manifest with its ETag, then a bodiless 304 for If-None-Match, alike', async () => {
    await createProduct(booted.payload, 'mirrorprobe')
    const path = '/api/v1/updates/manifest?product=mirrorprobe&line=v7&channel=stable'
    const query = `${path}&platform=linux-x64`
    const full = await expectSameAnswer(requestTo(query), { decidedBy: 'mirror', status: 200 })
    const etag = headerOf(full, 'etag')!
    expect(etag).toBeTruthy()
    const headers = { 'if-none-match': etag }
    const notModified = await expectSameAnswer(requestTo(query, { headers }), {
      decidedBy: 'mirror',
      status: 304,
    })
    expect(notModified.body).toBe('')
  })

  it('refuses a POST /api/v1/licenses/validate body that is not a request alike', async () => {
    const request = requestTo('/api/v1/licenses/validate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"key":',
    })
    const answer = await expectSameAnswer(request, { decidedBy: 'mirror', status: 400 })
    expect(jsonOf(answer).code).toBe('BAD_REQUEST')
  })

  it('decodes route params alike and hands them to the handler as req.routeParams', async () => {
    const answer = await expectSameAnswer(requestTo(`/api${probe}/params/a%20b%C3%A9%2F`), {
      decidedBy: 'mirror',
      status: 200,
    })
    expect(jsonOf(answer)).toEqual({ params: { id: 'a bé/' } })
  })

  it('picks the first endpoint in config order alike when two patterns match', async () => {
    const answer = await expectSameAnswer(requestTo(`/api${probe}/order/fixed`), {
      decidedBy: 'mirror',
      status: 200,
    })
    expect(jsonOf(answer)).toMatchObject({ matched: 'pattern', params: { which: 'fixed' } })
  })

  it('matches a path whatever its case and with a trailing slash alike', async () => {
    await expectSameAnswer(requestTo('/api/V1/OpenAPI.json/'), { decidedBy: 'mirror', status: 200 })
  })

  it('passes a POST body, the query and request headers to the handler alike', async () => {
    const request = requestTo('/api/v1/test/echo?product=promonitor&line=v7', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-custom': 'kept' },
      body: JSON.stringify({ text: 'Grüße ✓' }),
    })
    const answer = await expectSameAnswer(request, { decidedBy: 'mirror', status: 201 })
    expect(answer.headers.filter(([name]) => name === 'set-cookie')).toHaveLength(2)
    expect(jsonOf(answer)).toMatchObject({ search: '?product=promonitor&line=v7', custom: 'kept' })
  })

  it("keeps a handler's status, statusText and own headers (Vary, CORS) alike", async () => {
    const answer = await expectSameAnswer(requestTo(`/api${probe}/custom`), {
      decidedBy: 'mirror',
      status: 201,
    })
    expect(answer.statusText).toBe('Made It')
    expect(headerOf(answer, 'vary')).toBe('Accept-Encoding')
    expect(headerOf(answer, 'x-probe')).toBe('custom')
    expect(headerOf(answer, 'access-control-allow-methods')).toBe('GET')
    expect(answer.body).toBe('made it')
  })

  it('merges the headers a handler set on req.responseHeaders into its answer alike', async () => {
    const answer = await expectSameAnswer(requestTo(`/api${probe}/request-headers`), {
      decidedBy: 'mirror',
      status: 200,
    })
    expect(headerOf(answer, 'x-from-req')).toBe('yes')
    expect(headerOf(answer, 'x-from-response')).toBe('yes')
    expect(headerOf(answer, 'vary')).toBe('Accept, Origin')
  })

  it('streams a large body through byte for byte alike', async () => {
    const answer = await expectSameAnswer(requestTo(`/api/v1/test/stream?size=${300 * 1024 + 7}`), {
      decidedBy: 'mirror',
      status: 200,
    })
    expect(headerOf(answer, 'content-length')).toBe(String(300 * 1024 + 7))
  })

  it('lets a root OPTIONS endpoint answer an OPTIONS request alike', async () => {
    const request = requestTo(`/api${probe}/preflight`, {
      method: 'OPTIONS',
      headers: { origin: allowedOrigin, 'access-control-request-method': 'GET' },
    })
    const answer = await expectSameAnswer(request, { decidedBy: 'mirror', status: 204 })
    expect(headerOf(answer, 'x-probe')).toBe('preflight')
  })

  it('adds the same CORS headers for an allowed Origin', async () => {
    const request = requestTo('/api/v1/keys', { headers: { origin: allowedOrigin } })
    const answer = await expectSameAnswer(request, { decidedBy: 'mirror', status: 200 })
    expect(headerOf(answer, 'access-control-allow-origin')).toBe(allowedOrigin)
    expect(headerOf(answer, 'access-control-allow-credentials')).toBe('true')
  })

  it('leaves Access-Control-Allow-Origin out alike for an Origin not allowed', async () => {
    const request = requestTo('/api/v1/keys', { headers: { origin: 'https://elsewhere.example' } })
    const answer = await expectSameAnswer(request, { decidedBy: 'mirror', status: 200 })
    expect(headerOf(answer, 'access-control-allow-origin')).toBeUndefined()
    expect(headerOf(answer, 'access-control-allow-methods')).toBeDefined()
  })
})

describe('mirrorHandleEndpoints: credentials, read by createPayloadRequest alike', () => {
  it('authenticates a staff JWT alike, with the same req.user for the handler', async () => {
    const email = 'mirror-staff@hub.test'
    await booted.payload.create({
      collection: 'users',
      data: { email, password: 'staff-password-1', roles: ['support'] } as never,
    })
    const headers = await loginHeaders(booted, 'users', email, 'staff-password-1')
    const answer = await expectSameAnswer(requestTo(`/api${probe}/whoami`, { headers }), {
      decidedBy: 'mirror',
      status: 200,
    })
    expect(jsonOf(answer)).toEqual({ user: { collection: 'users', email } })
  })

  it("authenticates a customer account's API key alike on a client endpoint", async () => {
    const customer = await createCustomer(booted.payload, 'Mirror Customer')
    const apiKey = 'mirror-test-api-key-0123456789abcdef'
    await createCustomerAccount(booted.payload, 'mirror-account@hub.test', [customer.id], apiKey)
    const headers = { authorization: `customer-users API-Key ${apiKey}` }
    const answer = await expectSameAnswer(requestTo(`/api${probe}/whoami`, { headers }), {
      decidedBy: 'mirror',
      status: 200,
    })
    expect(jsonOf(answer)).toEqual({
      user: { collection: 'customer-users', email: 'mirror-account@hub.test' },
    })
    const download = await expectSameAnswer(requestTo('/api/v1/downloads/987654', { headers }), {
      decidedBy: 'mirror',
      status: 404,
    })
    expect(jsonOf(download).code).toBe('NOT_FOUND')
  })

  it('answers alike with no user for a JWT or cookie that does not verify', async () => {
    const unverified: Record<string, string>[] = [
      { authorization: 'JWT not.a.token' },
      { cookie: 'payload-token=not.a.token', origin: allowedOrigin },
    ]
    for (const headers of unverified) {
      const answer = await expectSameAnswer(requestTo(`/api${probe}/whoami`, { headers }), {
        decidedBy: 'mirror',
        status: 200,
      })
      expect(jsonOf(answer)).toEqual({ user: null })
    }
  })
})

describe('mirrorHandleEndpoints: requests it hands to handleEndpoints, answered alike', () => {
  it('answers an unknown /api/v1 path with the same 404', async () => {
    const answer = await expectSameAnswer(requestTo('/api/v1/no-such-thing'), {
      decidedBy: 'payload',
      status: 404,
    })
    expect(jsonOf(answer).message).toBe('Route not found "/api/v1/no-such-thing"')
  })

  it('answers a known path with a method no endpoint takes (DELETE): same 404', async () => {
    await expectSameAnswer(requestTo('/api/v1/openapi.json', { method: 'DELETE' }), {
      decidedBy: 'payload',
      status: 404,
    })
  })

  it('answers HEAD on a GET endpoint with the same 404', async () => {
    await expectSameAnswer(requestTo('/api/v1/openapi.json', { method: 'HEAD' }), {
      decidedBy: 'payload',
      status: 404,
    })
  })

  it('answers a POST with X-HTTP-Method-Override: GET as the GET alike', async () => {
    const request = requestTo(`/api${probe}/params/override`, {
      method: 'POST',
      headers: { 'x-http-method-override': 'GET', 'content-type': 'application/json' },
      body: JSON.stringify({ locale: 'en' }),
    })
    const answer = await expectSameAnswer(request, { decidedBy: 'payload', status: 200 })
    expect(jsonOf(answer)).toEqual({ params: { id: 'override' } })
  })

  it('answers a POST with X-Payload-HTTP-Method-Override: GET and a form body alike', async () => {
    const request = requestTo('/api/v1/openapi.json', {
      method: 'POST',
      headers: {
        'x-payload-http-method-override': 'GET',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'depth=0',
    })
    await expectSameAnswer(request, { decidedBy: 'payload', status: 200 })
  })

  it('answers an OPTIONS preflight from an allowed Origin: same 200 and CORS', async () => {
    const request = requestTo('/api/v1/licenses/validate', {
      method: 'OPTIONS',
      headers: {
        origin: allowedOrigin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })
    const answer = await expectSameAnswer(request, { decidedBy: 'payload', status: 200 })
    expect(answer.body).toBe('{}')
    expect(headerOf(answer, 'access-control-allow-origin')).toBe(allowedOrigin)
  })

  it("answers paths under a collection with that collection's endpoints alike", async () => {
    await expectSameAnswer(requestTo('/api/users/me'), { decidedBy: 'payload', status: 200 })
    await expectSameAnswer(requestTo('/api/licenses?limit=1'), {
      decidedBy: 'payload',
      status: 403,
    })
  })

  it("never reaches a root endpoint under a collection's slug, alike", async () => {
    const answer = await expectSameAnswer(requestTo('/api/media/mirror-test'), {
      decidedBy: 'payload',
      status: 404,
    })
    expect(answer.body).not.toContain('root endpoint')
  })

  it('serves root endpoints under /api/globals/ alike (no global by that name)', async () => {
    await expectSameAnswer(requestTo('/api/globals/v1/openapi.json'), {
      decidedBy: 'payload',
      status: 200,
    })
  })

  it('fails alike on a first segment named like Object.prototype members', async () => {
    const { mirrored, payloads, decidedBy } = await answersTo(requestTo('/api/constructor/x'))
    expect(mirrored).toEqual(payloads)
    expect(decidedBy).toBe('payload')
  })

  it('answers a malformed escape in a route param with the same 500', async () => {
    const answer = await expectSameAnswer(requestTo('/api/v1/downloads/%E0%A4%A'), {
      decidedBy: 'payload',
      status: 500,
    })
    expect(jsonOf(answer)).toEqual({ errors: [{ message: 'Something went wrong.' }] })
  })

  it('answers the API route itself and paths outside it alike', async () => {
    await expectSameAnswer(requestTo('/api'), { decidedBy: 'payload', status: 404 })
    await expectSameAnswer(requestTo('/api/'), { decidedBy: 'payload', status: 404 })
    await expectSameAnswer(requestTo('/v1/openapi.json'), { decidedBy: 'payload', status: 404 })
  })

  it('hands everything to handleEndpoints alike under a NEXT_BASE_PATH', async () => {
    const previous = process.env.NEXT_BASE_PATH
    process.env.NEXT_BASE_PATH = '/hub'
    try {
      const answer = mirrorHandleEndpoints(booted.payload, booted.cacheKey)
      await expectSameAnswer(
        requestTo('/hub/api/v1/openapi.json'),
        { decidedBy: 'payload', status: 200 },
        { answer },
      )
      await expectSameAnswer(
        requestTo('/api/v1/openapi.json'),
        { decidedBy: 'payload', status: 404 },
        { answer },
      )
    } finally {
      if (previous === undefined) delete process.env.NEXT_BASE_PATH
      else process.env.NEXT_BASE_PATH = previous
    }
  })
})

describe('mirrorHandleEndpoints: errors a handler throws (routeError, isErrorPublic)', () => {
  const throwing = (kind: string, init?: RequestInit) =>
    requestTo(`/api${probe}/throw?kind=${kind}`, init)

  it('isErrorPublic/routeError: public message shown, others hidden, status kept', async () => {
    const expected: Record<string, { status: number; body: unknown }> = {
      plain: { status: 500, body: { errors: [{ message: 'Something went wrong.' }] } },
      publicApiError: { status: 418, body: { errors: [{ message: 'I am a teapot' }] } },
      privateApiError: { status: 409, body: { errors: [{ message: 'Something went wrong.' }] } },
      apiErrorWithData: {
        status: 400,
        body: { errors: [{ name: 'APIError', data: { field: 'name' }, message: 'Bad input' }] },
      },
      statusOnly: { status: 422, body: { errors: [{ message: 'Unprocessable thing' }] } },
      publicFlagOnly: { status: 500, body: { errors: [{ message: 'Public though 500' }] } },
      plainObject: { status: 418, body: { errors: [{ message: 'An unknown error occurred.' }] } },
    }
    for (const [kind, { status, body }] of Object.entries(expected)) {
      const { mirrored, payloads, decidedBy } = await answersTo(throwing(kind))
      expect(mirrored, kind).toEqual(payloads)
      expect(decidedBy, kind).toBe('mirror')
      expect(payloads, kind).toMatchObject({ status })
      expect(JSON.parse((payloads as Answered).body), kind).toEqual(body)
      expect(headerOf(payloads as Answered, 'content-type'), kind).toBe('application/json')
    }
  })

  it('logs a thrown error alike, at the level loggingLevels gives its name', async () => {
    const plain = await answersTo(throwing('plain'))
    expect(plain.mirrored.logs).toEqual(plain.payloads.logs)
    expect(plain.payloads.logs).toEqual(['error: connection to db-7.internal refused'])
    const info = await answersTo(throwing('loggedAsInfo'))
    expect(info.mirrored.logs).toEqual(info.payloads.logs)
    expect(info.payloads.logs).toEqual(['info: record in use'])
  })

  it('keeps req.responseHeaders set before a throw in the error answer alike', async () => {
    const answer = await expectSameAnswer(requestTo(`/api${probe}/throw-after-headers`), {
      decidedBy: 'mirror',
      status: 403,
    })
    expect(headerOf(answer, 'x-from-req')).toBe('before the throw')
  })

  it('adds the same CORS headers to an error answer for an allowed Origin', async () => {
    const request = throwing('publicApiError', { headers: { origin: allowedOrigin } })
    const answer = await expectSameAnswer(request, { decidedBy: 'mirror', status: 418 })
    expect(headerOf(answer, 'access-control-allow-origin')).toBe(allowedOrigin)
  })

  it('lets a config afterError hook rewrite the status and body alike', async () => {
    const hooks = booted.payload.config.hooks.afterError!
    const rewrite: AfterErrorHook = ({ error, result }) =>
      error.message === 'rewrite me'
        ? { status: 451, response: { rewritten: true, was: result } }
        : undefined
    hooks.push(rewrite)
    try {
      const answer = await expectSameAnswer(throwing('rewrite'), {
        decidedBy: 'mirror',
        status: 451,
      })
      expect(jsonOf(answer)).toEqual({
        rewritten: true,
        was: { errors: [{ message: 'Something went wrong.' }] },
      })
    } finally {
      hooks.splice(hooks.indexOf(rewrite), 1)
    }
  })

  it('shows every message and its stack alike with config.debug (stack normalised)', async () => {
    const normaliseBody = (body: string) =>
      JSON.stringify({ ...JSON.parse(body), stack: typeof JSON.parse(body).stack })
    booted.payload.config.debug = true
    try {
      for (const kind of ['plain', 'privateApiError']) {
        const answer = await expectSameAnswer(
          throwing(kind),
          { decidedBy: 'mirror', status: kind === 'plain' ? 500 : 409 },
          { normaliseBody },
        )
        expect(jsonOf(answer).stack, kind).toBe('string')
        expect(jsonOf(answer).errors, kind).toEqual([
          { message: (thrownErrors[kind]!() as Error).message },
        ])
      }
    } finally {
      booted.payload.config.debug = false
    }
  })

  it('answers an error flagged payloadInitError with the same bare 500', async () => {
    const answer = await expectSameAnswer(throwing('initError'), {
      decidedBy: 'mirror',
      status: 500,
    })
    expect(jsonOf(answer)).toEqual({ message: 'There was an error initializing Payload' })
    expect(answer.logs).toEqual(['console.error: boot failed'])
  })

  it('rejects alike (TypeError) when a handler throws a string', async () => {
    const { mirrored, payloads } = await answersTo(throwing('string'))
    expect(mirrored).toEqual(payloads)
    expect(payloads).toMatchObject({ rejected: 'TypeError' })
  })

  it('answers a Response whose body was already read with the same 500', async () => {
    await expectSameAnswer(requestTo(`/api${probe}/read-body`), {
      decidedBy: 'mirror',
      status: 500,
    })
  })

  it('answers a handler status outside 200–599 with the same 500', async () => {
    for (const status of [100, 199, 600]) {
      await expectSameAnswer(requestTo(`/api${probe}/status/${status}`), {
        decidedBy: 'mirror',
        status: 500,
      })
    }
  })
})

// Real differences between the mirror and Payload, pinned as they are today: once the mirror is
// made to answer them as Payload does, turn each into an `expectSameAnswer`.
describe('mirrorHandleEndpoints: what a handler does to its answer', () => {
  it('serves a BufferedResponse read already with its bytes, as handleEndpoints does', async () => {
    const answer = await expectSameAnswer(requestTo(`/api${probe}/read-buffered-body`), {
      decidedBy: 'mirror',
      status: 200,
    })
    expect(JSON.parse(answer.body).openapi).toBe('3.1.0')
  })

  it('answers a BufferedResponse with bytes and status 204 with the same 500', async () => {
    const answer = await expectSameAnswer(requestTo(`/api${probe}/buffered-no-content`), {
      decidedBy: 'mirror',
      status: 500,
    })
    expect(answer.logs).toEqual(['error: Response constructor: Invalid response status code 204'])
  })
})
