import { GRAPHQL_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { License } from '../../payload-types'
import { guardGraphqlRoute } from '../../plugins/apiGuard'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCatalogue, createCustomer, createLicense, staffLogin } from '../helpers/fixtures'
import { serveApi, type ApiServer } from '../helpers/serveApi'

// NUL bytes and other control characters never reach the database through a name or an
// identifier, on any API; only long text keeps its tabs and line breaks.

let booted: TestPayload
let payload: Payload
let api: ApiServer
let staff: Record<string, string>
let license: License

const reseller = { Authorization: 'resellers API-Key datadog-key-000000000001' }

beforeAll(async () => {
  booted = await bootPayload()
  payload = booted.payload
  api = await serveApi(booted)
  staff = await staffLogin(payload, api.call, 'admin@hub.test', 'admin')
  const { promonitor } = await createCatalogue(payload)
  license = await createLicense(payload, {
    customer: await createCustomer(payload, 'Acme Industrial'),
    product: promonitor,
  })
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
})

afterAll(async () => {
  await api?.close()
  await booted?.shutdown()
})

// Compared here, not in a query: PostgreSQL refuses a NUL even as a query parameter.
const customersNamed = async (name: string) =>
  (await payload.find({ collection: 'customers', pagination: false })).docs.filter(
    (customer) => customer.name === name,
  ).length

describe('Payload REST and GraphQL', () => {
  it.each([
    ['a NUL byte', 'Globex\u0000'],
    ['a line feed', 'Globex\nCorp'],
    ['an escape', 'Globex\u001b[31m'],
    ['a DEL', 'Globex\u007f'],
  ])('a company name with %s is 400 CONTROL_CHARACTERS and not stored', async (_what, name) => {
    const answer = await api.call('POST', '/api/customers', { headers: staff, body: { name } })
    expect(answer.status, JSON.stringify(answer.body)).toBe(400)
    expect(answer.body.code).toBe('CONTROL_CHARACTERS')
    expect(answer.body.errors[0].data.errors[0].path).toBe('name')
    expect(await customersNamed(name)).toBe(0)
  })

  it('a contact name inside an array field and a license’s module name are refused too', async () => {
    const contact = await api.call('POST', '/api/customers', {
      headers: staff,
      body: { name: 'Globex', contacts: [{ email: 'it@globex.test', name: 'Hank\u0000' }] },
    })
    expect(contact.body.code).toBe('CONTROL_CHARACTERS')
    const modules = await api.call('PATCH', `/api/licenses/${license.id}`, {
      headers: staff,
      body: { modules: ['sla', 'report\u0000ing'] },
    })
    expect(modules.body.code).toBe('CONTROL_CHARACTERS')
    expect((await payload.findByID({ collection: 'licenses', id: license.id })).modules).toEqual(
      license.modules ?? [],
    )
  })

  it('long text keeps tabs and line breaks but not other control characters', async () => {
    const kept = await api.call('PATCH', `/api/licenses/${license.id}`, {
      headers: staff,
      body: { notes: 'first line\n\tsecond line\r\n' },
    })
    expect(kept.status, JSON.stringify(kept.body)).toBe(200)
    const refused = await api.call('PATCH', `/api/licenses/${license.id}`, {
      headers: staff,
      body: { notes: 'bell \u0007' },
    })
    expect(refused.body.code).toBe('CONTROL_CHARACTERS')
  })

  it('a GraphQL mutation with a NUL in a name is refused with CONTROL_CHARACTERS', async () => {
    const answer = await guardGraphqlRoute(GRAPHQL_POST(booted.config as never))(
      new Request('http://localhost/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...staff },
        body: JSON.stringify({
          query: 'mutation ($name: String!) { createCustomer(data: { name: $name }) { id } }',
          variables: { name: 'Initech\u0000' },
        }),
      }),
    )
    const body = await answer.json()
    expect(body.errors?.[0]?.extensions?.code, JSON.stringify(body)).toBe('CONTROL_CHARACTERS')
    expect(await customersNamed('Initech\u0000')).toBe(0)
  })

  it('the Local API refuses them as well (a ValidationError)', async () => {
    await expect(
      payload.create({ collection: 'customers', data: { name: 'Umbrella\u0000' } }),
    ).rejects.toThrow(/name/i)
  })
})

describe('client API (/api/v1)', () => {
  it('an activation with a NUL in its fingerprint or hostname is 400 BAD_REQUEST and takes no seat', async () => {
    for (const body of [
      { key: license.key, fingerprint: 'fp-1\u0000' },
      { key: license.key, fingerprint: 'fp-1', hostname: 'host\u0000name' },
      { key: license.key, fingerprint: 'fp-1', appVersion: '7.3.0\u001b' },
    ]) {
      const answer = await api.call('POST', '/api/v1/licenses/activate', { body })
      expect(answer.status, JSON.stringify(answer.body)).toBe(400)
      expect(answer.body).toEqual({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/control characters/i),
      })
    }
    expect((await payload.count({ collection: 'activations' })).totalDocs).toBe(0)
  })

  it('validate, trials and reseller licenses refuse control characters in keys, names and products', async () => {
    const refusals = [
      await api.call('POST', '/api/v1/licenses/validate', {
        body: { key: `${license.key}\u0000` },
      }),
      await api.call('POST', '/api/v1/licenses/validate', {
        body: { key: license.key, fingerprint: '\u0001' },
      }),
      await api.call('POST', '/api/v1/trials', {
        body: { email: 'ops@initech.test', product: 'promonitor\u0000', fingerprint: 'fp-9' },
      }),
      await api.call('POST', '/api/v1/reseller/licenses', {
        headers: reseller,
        body: {
          email: 'ops@initech.test',
          company: 'Initech\u0000',
          product: 'promonitor',
          type: 'trial',
        },
      }),
    ]
    for (const answer of refusals) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(400)
      expect(answer.body.code).toBe('BAD_REQUEST')
    }
    expect(await customersNamed('Initech\u0000')).toBe(0)
  })
})
