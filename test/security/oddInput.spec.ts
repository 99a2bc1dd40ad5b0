import { unlinkSync } from 'node:fs'
import path from 'node:path'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Artifact, License } from '../../payload-types'
import { guardGraphqlRoute } from '../../plugins/apiGuard'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import {
  createCustomer,
  createLicense,
  createProduct,
  createRelease,
  staffLogin,
  uploadArtifact,
} from '../helpers/fixtures'
import { serveApi, type ApiServer } from '../helpers/serveApi'

// Odd input a stranger (or a fuzzer) sends to Payload's own REST and GraphQL API: each is a 4xx
// in Payload's error format with a stable `code`, never a 500 from deep in the database driver.

let booted: TestPayload
let payload: Payload
let api: ApiServer
let staff: Record<string, string>
let license: License
let artifact: Artifact

const graphql = (body: string, headers: Record<string, string> = {}) =>
  guardGraphqlRoute(GRAPHQL_POST(booted.config as never))(
    new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...staff, ...headers },
      body,
    }),
  )

beforeAll(async () => {
  booted = await bootPayload()
  payload = booted.payload
  api = await serveApi(booted, { clientApiVia: 'payload-router' })
  staff = await staffLogin(payload, api.call, 'admin@hub.test', 'admin')
  const promonitor = await createProduct(payload, 'promonitor')
  license = await createLicense(payload, {
    customer: await createCustomer(payload, 'Acme Industrial'),
    product: promonitor,
  })
  artifact = await uploadArtifact(
    payload,
    await createRelease(payload, { product: promonitor, version: '7.3.0' }),
    'linux-x64',
  )
})

afterAll(async () => {
  await api?.close()
  await booted?.shutdown()
})

const expectRefusal = (answer: { status: number; body: any }, status: number, code: string) => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status)
  expect(answer.body.code).toBe(code)
  expect(answer.body.errors?.[0]?.message).toEqual(expect.any(String))
}

describe('REST queries that do not fit the collection are 400 INVALID_QUERY', () => {
  it.each([
    ['a page past any number the database takes', '/api/customers?page=99999999999999999999'],
    ['a limit past any number the database takes', '/api/customers?limit=99999999999999999999'],
    ['a negative limit', '/api/customers?limit=-5'],
    ['ids that are not numbers in `in`', '/api/customers?where[id][in]=a,b'],
    ['a relationship id that is not a number', '/api/licenses?where[customer][equals]=abc'],
    ['a date that is not a date', '/api/customers?where[createdAt][equals]=notadate'],
    [
      'a date that is not a date, inside `or`',
      '/api/customers?where[or][0][name][equals]=a&where[or][1][createdAt][greater_than]=x',
    ],
    ['the `all` operator (not supported on SQL databases)', '/api/customers?where[name][all]=a,b'],
    ['an array in `equals`', '/api/customers?where[name][equals][0]=a&where[name][equals][1]=b'],
    ['an object in `equals`', '/api/customers?where[name][equals][a]=b'],
    ['`near` on a text field', '/api/customers?where[name][near]=1,2'],
    ['an unknown operator', '/api/customers?where[name][sounds_like]=acme'],
    ['a field without an operator', '/api/customers?where[name]=acme'],
    [
      'a value that is not one of a select field’s options (PostgreSQL stores an enum)',
      '/api/customers?where[origin][equals]=',
    ],
    ['`like` on a date', '/api/customers?where[updatedAt][not_like]=2026'],
    ['`like` on a select field', '/api/users?where[roles][like]=0'],
    ['`like` on a relationship', '/api/licenses?where[customer][like]=1'],
    [
      'a checkbox compared with something other than true or false',
      '/api/releases?where[notifyByEmail][equals]=maybe',
    ],
    ['a NUL byte (PostgreSQL takes none in text)', '/api/customers?where[name][like]=ac%00me'],
  ])('%s', async (_what, query) => {
    expectRefusal(await api.call('GET', query, { headers: staff }), 400, 'INVALID_QUERY')
  })

  it('the same checks hold for counts and bulk deletes, which then delete nothing', async () => {
    expectRefusal(
      await api.call('GET', '/api/customers/count?where[createdAt][equals]=notadate', {
        headers: staff,
      }),
      400,
      'INVALID_QUERY',
    )
    expectRefusal(
      await api.call('DELETE', '/api/customers?where[id][in]=a,b', { headers: staff }),
      400,
      'INVALID_QUERY',
    )
    expect((await payload.count({ collection: 'customers' })).totalDocs).toBe(1)
  })

  it('queries that fit still answer 200', async () => {
    for (const query of [
      '/api/customers?where[name][equals]=Acme Industrial',
      '/api/customers?where[id][in]=1,2&page=1&limit=5',
      `/api/customers?where[createdAt][less_than]=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
      '/api/licenses?where[customer][equals]=1',
      '/api/licenses?where[customer.name][like]=acme',
      '/api/customers?where[contacts.email][exists]=false',
    ]) {
      const answer = await api.call('GET', query, { headers: staff })
      expect(answer.status, `${query}: ${JSON.stringify(answer.body)}`).toBe(200)
    }
  })

  it('a `where` given as JSON that does not parse is 400 INVALID_JSON', async () => {
    expectRefusal(
      await api.call('GET', '/api/customers?where={bad', { headers: staff }),
      400,
      'INVALID_JSON',
    )
  })

  it('a document id that is not a number is 404 NOT_FOUND', async () => {
    expectRefusal(await api.call('GET', '/api/customers/abc', { headers: staff }), 404, 'NOT_FOUND')
    expectRefusal(
      await api.call('PATCH', '/api/customers/abc', { headers: staff, body: { name: 'x' } }),
      404,
      'NOT_FOUND',
    )
  })
})

describe('REST writes and auth routes', () => {
  it('a text/plain POST to a collection is 400 INVALID_BODY and creates nothing', async () => {
    const answer = await api.call('POST', '/api/customers', {
      headers: { ...staff, 'content-type': 'text/plain' },
      body: 'name=Globex',
    })
    expectRefusal(answer, 400, 'INVALID_BODY')
    expect((await payload.count({ collection: 'customers' })).totalDocs).toBe(1)
  })

  it('an array field sent as null or as a string is 400 INVALID_BODY and changes nothing', async () => {
    const customer = await createCustomer(payload, 'Hooli', [{ email: 'it@hooli.test' }])
    for (const contacts of [null, 'it@hooli.test']) {
      expectRefusal(
        await api.call('PATCH', `/api/customers/${customer.id}`, {
          headers: staff,
          body: { contacts },
        }),
        400,
        'INVALID_BODY',
      )
    }
    expect(
      (await payload.findByID({ collection: 'customers', id: customer.id })).contacts,
    ).toHaveLength(1)
    await payload.delete({ collection: 'customers', id: customer.id })
  })

  it('a text field sent as a list or an object is 400 INVALID_BODY and changes nothing', async () => {
    const customer = await createCustomer(payload, 'Initrode', [{ email: 'it@initrode.test' }])
    await payload.update({ collection: 'customers', id: customer.id, data: { notes: 'kept' } })
    for (const body of [{ notes: [] }, { notes: ['a'] }, { notes: { a: 1 } }, { name: [] }]) {
      expectRefusal(
        await api.call('PATCH', `/api/customers/${customer.id}`, { headers: staff, body }),
        400,
        'INVALID_BODY',
      )
    }
    const kept = await payload.findByID({ collection: 'customers', id: customer.id })
    expect([kept.name, kept.notes]).toEqual(['Initrode', 'kept'])
    await payload.delete({ collection: 'customers', id: customer.id })
  })

  it('a relationship to a document that does not exist is 400 UNKNOWN_REFERENCE and changes nothing', async () => {
    const [customer] = (await payload.find({ collection: 'customers', limit: 1 })).docs
    expectRefusal(
      await api.call('PATCH', `/api/customers/${customer.id}`, {
        headers: staff,
        body: { reseller: 0 },
      }),
      400,
      'UNKNOWN_REFERENCE',
    )
    expect(
      (await payload.findByID({ collection: 'customers', id: customer.id, depth: 0 })).reseller ??
        null,
    ).toBe(customer.reseller ?? null)
  })

  it('a relationship id that is not a whole number is a 400 and changes nothing', async () => {
    const [customer] = (await payload.find({ collection: 'customers', limit: 1 })).docs
    const answer = await api.call('PATCH', `/api/customers/${customer.id}`, {
      headers: staff,
      body: { reseller: -5e-324 },
    })
    expect(answer.status, JSON.stringify(answer.body)).toBe(400)
    expect(answer.body.code).toEqual(expect.any(String))
    expect(
      (await payload.findByID({ collection: 'customers', id: customer.id, depth: 0 })).reseller ??
        null,
    ).toBe(customer.reseller ?? null)
  })

  it('a NUL in the email or token of forgot-password and reset-password is 400 INVALID_BODY (PostgreSQL takes none in text)', async () => {
    expectRefusal(
      await api.call('POST', '/api/users/forgot-password', {
        body: { email: 'admin\u0000@hub.test' },
      }),
      400,
      'INVALID_BODY',
    )
    expectRefusal(
      await api.call('POST', '/api/customer-users/reset-password', {
        body: { token: 'a\u0000', password: 'new-password-1' },
      }),
      400,
      'INVALID_BODY',
    )
  })

  it('POST /api/users/verify/<token> on a collection without email verification is 404 NOT_FOUND', async () => {
    expectRefusal(await api.call('POST', '/api/users/verify/abc'), 404, 'NOT_FOUND')
    expectRefusal(await api.call('POST', '/api/customer-users/verify/abc'), 404, 'NOT_FOUND')
  })
})

describe('GraphQL', () => {
  it('a body that is not JSON is 400 INVALID_JSON in GraphQL’s error format', async () => {
    const answer = await graphql('{not json')
    expect(answer.status).toBe(400)
    const body = await answer.json()
    expect(body.errors[0].message).toEqual(expect.any(String))
    expect(body.errors[0].extensions.code).toBe('INVALID_JSON')
  })

  it('a query the collection cannot run is refused with INVALID_QUERY', async () => {
    const answer = await graphql(
      JSON.stringify({
        query: '{ Licenses(where: { customer: { in: ["a", "b"] } }) { docs { id } } }',
      }),
    )
    const body = await answer.json()
    expect(
      body.errors?.[0]?.extensions?.data?.code ?? body.errors?.[0]?.extensions?.code,
      JSON.stringify(body),
    ).toBe('INVALID_QUERY')
  })
})

describe('an artifact whose file is missing from storage', () => {
  it('is 404 FILE_MISSING by link, bundle and Payload’s file route, logged as an error for staff', async () => {
    unlinkSync(path.join(booted.mediaDir, 'artifacts', String(artifact.filename)))
    const logged: string[] = []
    const spy = vi.spyOn(payload.logger, 'error').mockImplementation(((entry: unknown) => {
      logged.push(typeof entry === 'string' ? entry : JSON.stringify(entry))
    }) as never)
    try {
      const link = await api.call('GET', `/api/v1/downloads/${artifact.id}`, {
        headers: { Authorization: `License ${license.key}` },
      })
      expectRefusal(
        { status: link.status, body: { ...link.body, errors: [{ message: link.body.message }] } },
        404,
        'FILE_MISSING',
      )
      const bundle = await api.call(
        'GET',
        '/api/v1/updates/offline-bundle?product=promonitor&line=v7&version=7.3.0&platform=linux-x64',
        {
          headers: { Authorization: `License ${license.key}` },
        },
      )
      expect(bundle.status).toBe(404)
      expect(bundle.body.code).toBe('FILE_MISSING')
      expectRefusal(
        await api.call('GET', `/api/artifacts/file/${artifact.filename}`, { headers: staff }),
        404,
        'FILE_MISSING',
      )
    } finally {
      spy.mockRestore()
    }
    expect(
      logged.filter((line) => line.includes(String(artifact.filename))).length,
    ).toBeGreaterThanOrEqual(2)
  })
})
