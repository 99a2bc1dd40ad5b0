import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { serveGraphql, type GraphqlClient } from '../helpers/graphqlClient'
import { servePayloadApi, type HttpClient } from '../helpers/httpClient'
import {
  acmeContact,
  createTwoCompanies,
  extraRecipient,
  globexContact,
  staffNote,
  type TwoCompanies,
} from './twoCompanies'

// A customer account reads what its companies own and published content, through every API:
// REST by id and in lists, with `select` and `depth`, populated through relations, and GraphQL.
let booted: TestPayload
let api: HttpClient
let gql: GraphqlClient
let world: TwoCompanies

/** Staff-only values a customer must find nowhere in an answer. */
const secrets = () => [globexContact, extraRecipient, staffNote, world.globexLicense.key!]

/** A hidden array comes back empty (Payload keeps the key), any other hidden field is left out. */
const hiddenArray = (value: unknown) => value ?? []

const expectNoSecrets = (text: string, label: string) => {
  for (const secret of secrets())
    expect(text.includes(secret), `${label} shows ${secret}`).toBe(false)
}

beforeAll(async () => {
  booted = await bootPayload()
  api = await servePayloadApi(booted)
  gql = await serveGraphql(booted)
  world = await createTwoCompanies(booted.payload, api)
  await booted.payload.create({
    collection: 'changelogs',
    data: {
      title: '7.3.0 changes',
      release: world.release.id,
      entries: [{ kind: 'added', text: 'Topology view' }],
    },
  })
})

afterAll(async () => {
  await gql?.close()
  await api?.close()
  await booted?.shutdown()
})

describe('a customer reading a release', () => {
  it('does not get its recipients, mail settings or pull data by id, even at depth 2', async () => {
    for (const query of ['', '?depth=2', '?depth=0']) {
      const answer = await api.get(`/api/releases/${world.release.id}${query}`, world.as.alice)
      expect(answer.status).toBe(200)
      const release = answer.json()
      expect(release.version).toBe('7.3.0')
      expect(hiddenArray(release.recipients), query).toEqual([])
      for (const field of ['notifyByEmail', 'emailTemplate', 'rollbackTo', 'pulledAt', 'events'])
        expect(release, `${field} ${query}`).not.toHaveProperty(field)
      expectNoSecrets(answer.bytes.toString(), `release${query}`)
    }
  })

  it('does not get recipients when it selects them, in a list or by id', async () => {
    const list = await api.get(
      '/api/releases?select[recipients]=true&select[version]=true',
      world.as.alice,
    )
    expect(list.status).toBe(200)
    expect(list.json().docs).toHaveLength(1)
    expect(hiddenArray(list.json().docs[0].recipients)).toEqual([])
    expectNoSecrets(list.bytes.toString(), 'select list')
    const one = await api.get(
      `/api/releases/${world.release.id}?select[recipients]=true`,
      world.as.alice,
    )
    expect(hiddenArray(one.json().recipients)).toEqual([])
  })

  it('does not get them through a changelog that populates its release', async () => {
    const answer = await api.get('/api/changelogs?depth=2', world.as.alice)
    expect(answer.status).toBe(200)
    const release = answer.json().docs[0].release
    expect(release.version).toBe('7.3.0')
    expect(hiddenArray(release.recipients)).toEqual([])
    expectNoSecrets(answer.bytes.toString(), 'changelogs?depth=2')
  })

  it('cannot find releases by a recipient’s address', async () => {
    const answer = await api.get(
      `/api/releases?where[recipients.email][equals]=${encodeURIComponent(globexContact)}`,
      world.as.alice,
    )
    // Payload refuses a query on a field the user may not read.
    expect(answer.status).toBe(400)
    expectNoSecrets(answer.bytes.toString(), 'where on recipients')
  })

  it('gets no recipients through GraphQL, in a list, by id, or through a changelog', async () => {
    const answer = await gql.query(
      `query ($id: Int!) {
        Releases { docs { version recipients { email } notifyByEmail emailTemplate { id } } }
        Release(id: $id) { version recipients { email source } }
        Changelogs { docs { title release { version recipients { email } } } }
      }`,
      world.as.alice,
      { id: world.release.id },
    )
    expect(answer.data?.Releases.docs[0].version).toBe('7.3.0')
    expect(hiddenArray(answer.data?.Releases.docs[0].recipients)).toEqual([])
    expect(hiddenArray(answer.data?.Release.recipients)).toEqual([])
    expect(hiddenArray(answer.data?.Changelogs.docs[0].release.recipients)).toEqual([])
    expect(answer.data?.Releases.docs[0].notifyByEmail).toBeNull()
    expectNoSecrets(answer.text, 'GraphQL')
  })
})

describe('a customer reading its licenses and companies', () => {
  it('reads its own license key but no staff notes, reseller or creation key, nor its company’s notes at depth 2', async () => {
    const answer = await api.get(`/api/licenses/${world.acmeLicense.id}?depth=2`, world.as.alice)
    expect(answer.status).toBe(200)
    const license = answer.json()
    expect(license.key).toBe(world.acmeLicense.key)
    for (const field of ['notes', 'reseller', 'creationKey'])
      expect(license).not.toHaveProperty(field)
    expect(license.customer.name).toBe('Acme Industrial')
    for (const field of ['notes', 'origin', 'reseller'])
      expect(license.customer).not.toHaveProperty(field)
    expect(license.customer.contacts.map((contact: { email: string }) => contact.email)).toEqual([
      acmeContact,
    ])
    expectNoSecrets(answer.bytes.toString(), 'license?depth=2')
  })

  it('never sees the other company, its license or its account, in REST or GraphQL', async () => {
    expect((await api.get(`/api/licenses/${world.globexLicense.id}`, world.as.alice)).status).toBe(
      404,
    )
    expect((await api.get(`/api/customers/${world.globex.id}`, world.as.alice)).status).toBe(404)
    const accounts = await api.get('/api/customer-users?depth=2', world.as.alice)
    expect(accounts.json().docs.map((account: { email: string }) => account.email)).toEqual([
      'alice@acme.test',
    ])
    const graph = await gql.query(
      '{ Customers { docs { name notes contacts { email } } } Licenses { docs { key notes } } CustomerUsers { docs { email } } }',
      world.as.alice,
    )
    expect(graph.data?.Customers.docs).toEqual([
      { name: 'Acme Industrial', notes: null, contacts: [{ email: acmeContact }] },
    ])
    expect(graph.data?.Licenses.docs).toEqual([{ key: world.acmeLicense.key, notes: null }])
    expect(graph.data?.CustomerUsers.docs).toEqual([{ email: 'alice@acme.test' }])
    expectNoSecrets(graph.text, 'GraphQL companies')
  })
})

// Installations and the license history a customer reads of its own companies only:
// licenseRecordsAccess.spec.ts.
describe('collections a customer has no business reading', () => {
  const staffOnly = [
    'users',
    'outbox',
    'email-templates',
    'registration-claims',
    'sign-in-failures',
    'resellers',
    'trial-requests',
    'artifacts',
    'release-events',
    'update-channels',
    'signed-manifests',
    'signing-keys',
    'scheduled-runs',
    'validation-days',
  ]

  beforeAll(async () => {
    const { payload } = booted
    await payload.create({
      collection: 'outbox',
      data: {
        to: globexContact,
        subject: 'Your register link',
        text: 'token=secret',
        idempotencyKey: 'register:globex',
        status: 'queued',
      },
    })
    await payload.create({
      collection: 'registration-claims',
      data: { tokenId: 'claimed-token', email: globexContact, customer: world.globex.id },
    })
    await payload.create({
      collection: 'sign-in-failures',
      data: {
        key: `customer-users:${globexContact}|203.0.113.9`,
        account: `customer-users:${globexContact}`,
        failures: 3,
        windowStartedAt: new Date().toISOString(),
      },
    })
    await payload.create({
      collection: 'resellers',
      data: { name: 'DataDog', contactEmail: 'partners@datadog.test' },
    })
  })

  it('are refused over REST, in a list and by id', async () => {
    for (const collection of staffOnly) {
      const list = await api.get(`/api/${collection}`, world.as.alice)
      expect(list.status, collection).toBe(403)
      const one = await api.get(`/api/${collection}/1`, world.as.alice)
      expect([403, 404], collection).toContain(one.status)
      expectNoSecrets(one.bytes.toString(), collection)
    }
  })

  it('are refused over GraphQL', async () => {
    const answer = await gql.query(
      '{ Outboxes { docs { to text } } RegistrationClaims { docs { email } } SignInFailures { docs { key } } Resellers { docs { contactEmail } } Users { docs { email } } }',
      world.as.alice,
    )
    expect(answer.errors?.length).toBeGreaterThan(0)
    expect(answer.errors?.every((error) => error.extensions?.statusCode === 403)).toBe(true)
    expectNoSecrets(answer.text, 'GraphQL staff collections')
    expect(answer.text).not.toContain('partners@datadog.test')
  })
})
