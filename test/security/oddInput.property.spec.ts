import fc from 'fast-check'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { License } from '../../payload-types'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import {
  createCatalogue,
  createCustomer,
  createCustomerAccount,
  createLicense,
  createRelease,
  staffLogin,
  uploadArtifact,
} from '../helpers/fixtures'
import {
  anyValue,
  bodyFor,
  clientAddress,
  describeAnswer,
  oddString,
  operationsOf,
  pathFor,
  queryFor,
  type OpenApiOperation,
} from '../helpers/oddInput'
import { serveApi, type ApiServer } from '../helpers/serveApi'

// Property: whatever arrives (any path parameter, query string, body or credentials), every
// client API endpoint and Payload's REST query parser answer a 2xx/3xx or a 4xx that says why
// (`code` for /api/v1, Payload's `errors` array for REST), never a 5xx.

let booted: TestPayload
let payload: Payload
let api: ApiServer
let license: License
let artifactId: number
let staff: Record<string, string>
let credentials: Array<Record<string, string>>
let operations: Array<{ method: string; path: string; operation: OpenApiOperation }>

// PROPERTY_RUNS=500 searches deeper (minutes); the default keeps the file under a minute.
const runsPerEndpoint = Number(process.env.PROPERTY_RUNS) || 50
const runs = (base: number) => Math.max(base, runsPerEndpoint === 50 ? base : runsPerEndpoint)

let knownGood: fc.Arbitrary<unknown>

beforeAll(async () => {
  booted = await bootPayload()
  payload = booted.payload
  api = await serveApi(booted)
  staff = await staffLogin(payload, api.call, 'admin@hub.test', 'admin')
  const { promonitor } = await createCatalogue(payload)
  const acme = await createCustomer(payload, 'Acme Industrial', [{ email: 'ops@acme.test' }])
  license = await createLicense(payload, { customer: acme, product: promonitor })
  const release = await createRelease(payload, { product: promonitor, version: '7.3.0' })
  artifactId = (await uploadArtifact(payload, release, 'linux-x64', Buffer.from('installer bytes')))
    .id
  await createCustomerAccount(payload, 'portal@acme.test', [acme.id], 'customer-api-key-0000000001')
  await payload.create({
    collection: 'resellers',
    data: {
      name: 'DataDog',
      enableAPIKey: true,
      apiKey: 'datadog-key-000000000001',
      allowedProducts: [promonitor.id],
      allowedTypes: ['trial', 'subscription'],
    } as never,
  })
  credentials = [
    {},
    { Authorization: `License ${license.key}` },
    { Authorization: 'License PMON-0000-0000-0000-0000' },
    { Authorization: 'resellers API-Key datadog-key-000000000001' },
    { Authorization: 'customer-users API-Key customer-api-key-0000000001' },
    { Authorization: 'Bearer nonsense' },
    staff,
  ]
  knownGood = fc.constantFrom<unknown>(
    license.key,
    'promonitor',
    'collector',
    'v7',
    'v6',
    'stable',
    'beta',
    'linux-x64',
    '7.3.0',
    'fp-1',
    'ops@acme.test',
    acme.id,
    'trial',
    'subscription',
    'server',
    3,
    30,
  )
  const document = (await api.call('GET', '/api/v1/openapi.json')).body as {
    paths: Record<string, Record<string, OpenApiOperation>>
  }
  operations = operationsOf(document)
})

afterAll(async () => {
  await api?.close()
  await booted?.shutdown()
})

describe('client API (/api/v1) under arbitrary input', () => {
  it('documents the endpoints this test walks', () => {
    expect(operations.map(({ method, path }) => `${method} ${path}`)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/licenses/validate',
        'POST /api/v1/licenses/activate',
        'GET /api/v1/downloads/{artifactId}',
        'GET /api/v1/updates/offline-bundle',
      ]),
    )
    expect(operations.length).toBeGreaterThanOrEqual(12)
  })

  it('every endpoint answers 2xx, 3xx or a 4xx with a code, never a 5xx', async () => {
    for (const { method, path, operation } of operations) {
      const hasBody = method !== 'GET' && method !== 'HEAD'
      await fc.assert(
        fc.asyncProperty(
          pathFor(path, String(artifactId)),
          queryFor(operation, knownGood),
          hasBody ? bodyFor(operation, knownGood) : fc.constant(undefined),
          fc.constantFrom(...credentials),
          clientAddress,
          async (filledPath, query, body, headers, address) => {
            const answer = await api.call(method, `${filledPath}${query ? `?${query}` : ''}`, {
              body,
              headers: {
                ...headers,
                'X-Forwarded-For': address,
                ...(body === undefined ? {} : { 'content-type': 'application/json' }),
              },
            })
            const context = `${method} ${filledPath}?${query} ${body?.slice(0, 200)}: ${describeAnswer(answer)}`
            expect(answer.status, context).toBeLessThan(500)
            if (answer.status >= 400)
              expect((answer.body as { code?: unknown }).code, context).toEqual(expect.any(String))
          },
        ),
        { numRuns: runsPerEndpoint },
      )
    }
  })
})

const collections = [
  'customers',
  'licenses',
  'products',
  'releases',
  'artifacts',
  'customer-users',
  'users',
  'activations',
  'license-events',
] as const
const operators = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
  'near',
  'within',
  'intersects',
]

/**
 * `where[…]…=…` pieces over the collection's own fields (and stray ones), nested in and/or, with
 * odd values.
 */
const whereFor = (fieldNames: string[]): fc.Arbitrary<string> => {
  const path = fc.oneof(
    fc.constantFrom(
      ...fieldNames,
      'id',
      'createdAt',
      'customer.name',
      'contacts.email',
      'release.version',
    ),
    fc.string({ minLength: 1, maxLength: 12 }),
  )
  const operator = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...operators) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  )
  const nesting = fc.constantFrom('', '[or][0]', '[and][1]', '[or][0][and][0]', '[or][25]')
  const valueSuffix = fc.oneof(
    fc.constant(''),
    fc.constant('[0]'),
    fc.constant('[a]'),
    fc.nat(30).map((index) => `[${index}]`),
  )
  return fc
    .tuple(nesting, path, operator, valueSuffix, fc.oneof(knownGood.map(String), oddString))
    .map(
      ([nest, field, op, suffix, value]) =>
        `where${nest}[${encodeURIComponent(field)}][${encodeURIComponent(op)}]${suffix}=${encodeURIComponent(value)}`,
    )
}

const paramFor = (fieldNames: string[]): fc.Arbitrary<string> => {
  const value = oddString.map(encodeURIComponent)
  return fc.oneof(
    { weight: 6, arbitrary: whereFor(fieldNames) },
    { weight: 1, arbitrary: value.map((text) => `where=${text}`) },
    {
      weight: 1,
      arbitrary: fc
        .jsonValue({ maxDepth: 3 })
        .map((json) => `where=${encodeURIComponent(JSON.stringify(json))}`),
    },
    ...['page', 'limit', 'depth', 'sort', 'draft', 'trash', 'pagination', 'locale', 'joins'].map(
      (name) => ({ weight: 1, arbitrary: value.map((text) => `${name}=${text}`) }),
    ),
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...fieldNames), value)
        .map(([field, text]) => `select[${field}]=${text}`),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...fieldNames), value)
        .map(([field, text]) => `sort=-${field}${text}`),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(oddString, oddString)
        .map(([name, text]) => `${encodeURIComponent(name)}=${encodeURIComponent(text)}`),
    },
  )
}

describe('Payload REST query parser under arbitrary query strings', () => {
  it.each(collections)(
    'GET /api/%s answers 2xx or a 4xx with errors, never a 5xx',
    async (slug) => {
      const fieldNames = payload.collections[slug].config.flattenedFields.map((field) => field.name)
      await fc.assert(
        fc.asyncProperty(
          fc.array(paramFor(fieldNames), { minLength: 1, maxLength: 5 }),
          fc.constantFrom('', '/count', '/abc', `/${artifactId}`, '/99999999999999999999'),
          async (params, suffix) => {
            const answer = await api.call('GET', `/api/${slug}${suffix}?${params.join('&')}`, {
              headers: staff,
            })
            const context = `GET /api/${slug}${suffix}?${params.join('&')}: ${describeAnswer(answer)}`
            expect(answer.status, context).toBeLessThan(500)
            if (answer.status >= 400)
              expect((answer.body as { errors?: unknown }).errors, context).toEqual(
                expect.any(Array),
              )
          },
        ),
        { numRuns: runs(40) },
      )
    },
  )

  it('writes with arbitrary bodies to a collection answer 2xx or a 4xx with errors, never a 5xx', async () => {
    const bodies = fc.oneof(
      fc
        .dictionary(
          fc.constantFrom('name', 'contacts', 'notes', 'origin', 'reseller', 'id'),
          anyValue(knownGood),
          { maxKeys: 4 },
        )
        .map((body) => JSON.stringify(body)),
      fc.jsonValue({ maxDepth: 3 }).map((body) => JSON.stringify(body)),
      oddString,
    )
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          ['POST', '/api/customers'],
          ['PATCH', '/api/customers/1'],
          ['PATCH', '/api/customers?where[id][equals]=1'],
          ['POST', '/api/licenses'],
        ),
        bodies,
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
        async ([method, path], body, contentType) => {
          const answer = await api.call(method, path, {
            body,
            headers: { ...staff, 'content-type': contentType },
          })
          const context = `${method} ${path} (${contentType}) ${body.slice(0, 200)}: ${describeAnswer(answer)}`
          expect(answer.status, context).toBeLessThan(500)
          if (answer.status >= 400)
            expect((answer.body as { errors?: unknown }).errors, context).toEqual(expect.any(Array))
        },
      ),
      { numRuns: runs(60) },
    )
  })

  it('sign-in, password and account routes with arbitrary bodies answer 2xx or a 4xx with errors, never a 5xx', async () => {
    const routes = [
      '/api/users/login',
      '/api/customer-users/login',
      '/api/users/forgot-password',
      '/api/customer-users/forgot-password',
      '/api/customer-users/reset-password',
      '/api/users/refresh-token',
      '/api/users/logout',
      '/api/users/unlock',
      '/api/users/first-register',
    ]
    const bodies = fc.oneof(
      fc
        .dictionary(
          fc.constantFrom('email', 'password', 'token', 'username'),
          fc.oneof(
            fc.constantFrom<unknown>(
              'admin@hub.test',
              'portal@acme.test',
              'staff-password-1',
              'admin@hub.test\u0000',
              'token\u0000',
            ),
            anyValue(knownGood),
          ),
          { maxKeys: 3 },
        )
        .map((body) => JSON.stringify(body)),
      oddString,
    )
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        bodies,
        clientAddress,
        async (path, body, address) => {
          const answer = await api.call('POST', path, {
            body,
            headers: { 'X-Forwarded-For': address },
          })
          const context = `POST ${path} ${body.slice(0, 200)}: ${describeAnswer(answer)}`
          expect(answer.status, context).toBeLessThan(500)
        },
      ),
      { numRuns: runs(60) },
    )
  })
})
