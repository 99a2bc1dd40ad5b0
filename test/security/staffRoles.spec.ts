import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { serveGraphql, type GraphqlClient } from '../helpers/graphqlClient'
import { servePayloadApi, type HttpClient } from '../helpers/httpClient'
import {
  acmeContact,
  createTwoCompanies,
  globexContact,
  staffNote,
  type TwoCompanies,
} from './twoCompanies'

// Least privilege among staff: each role reads what its job needs (docs/access.md), for every
// company alike.
let booted: TestPayload
let api: HttpClient
let gql: GraphqlClient
let world: TwoCompanies

const customerData = [
  'customers',
  'customer-users',
  'licenses',
  'activations',
  'license-events',
  'registration-claims',
  'trial-requests',
  'outbox',
]

beforeAll(async () => {
  booted = await bootPayload()
  api = await servePayloadApi(booted)
  gql = await serveGraphql(booted)
  world = await createTwoCompanies(booted.payload, api)
  await booted.payload.create({
    collection: 'outbox',
    data: {
      to: globexContact,
      subject: 'Your license',
      text: `Key ${world.globexLicense.key}`,
      idempotencyKey: 'license:globex',
      status: 'queued',
    },
  })
})

afterAll(async () => {
  await gql?.close()
  await api?.close()
  await booted?.shutdown()
})

describe('an editor (docs & marketing)', () => {
  it('reads no customer data over REST', async () => {
    for (const collection of customerData) {
      expect((await api.get(`/api/${collection}`, world.as.editor)).status, collection).toBe(403)
    }
    expect((await api.get(`/api/customers/${world.globex.id}`, world.as.editor)).status).toBe(403)
  })

  it('reads releases but not who is mailed, nor through a changelog at depth 2', async () => {
    const release = await api.get(`/api/releases/${world.release.id}?depth=2`, world.as.editor)
    expect(release.status).toBe(200)
    expect(release.json().recipients ?? []).toEqual([])
    await booted.payload.create({
      collection: 'changelogs',
      data: { title: 'Notes', release: world.release.id, entries: [{ kind: 'added', text: 'x' }] },
    })
    const changelogs = await api.get('/api/changelogs?depth=2', world.as.editor)
    for (const text of [release.bytes.toString(), changelogs.bytes.toString()]) {
      expect(text).not.toContain(globexContact)
      expect(text).not.toContain(acmeContact)
    }
  })

  it('cannot rewrite who is mailed', async () => {
    const answer = await fetch(`${api.url}/api/releases/${world.release.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...world.as.editor },
      body: JSON.stringify({
        summary: 'Edited by docs',
        recipients: [{ email: 'someone@elsewhere.test', include: true }],
      }),
    })
    expect(answer.status).toBe(200)
    const stored = await booted.payload.findByID({
      collection: 'releases',
      id: world.release.id,
      depth: 0,
    })
    expect(stored.summary).toBe('Edited by docs')
    expect(stored.recipients?.map((recipient) => recipient.email)).toEqual([
      acmeContact,
      globexContact,
      'press@partner.test',
    ])
  })

  it('reads no customer data over GraphQL', async () => {
    const answer = await gql.query(
      '{ Customers { docs { name } } CustomerUsers { docs { email } } Licenses { docs { key } } Releases { docs { recipients { email } } } }',
      world.as.editor,
    )
    expect(answer.errors?.map((error) => error.extensions?.statusCode)).toEqual([403, 403, 403])
    expect(answer.text).not.toContain(globexContact)
    expect(answer.text).not.toContain(world.globexLicense.key!)
  })
})

describe('a release manager', () => {
  it('reads licenses of every company without their keys or notes, also at depth 2', async () => {
    const answer = await api.get('/api/licenses?depth=2&limit=100', world.as['release-manager'])
    expect(answer.status).toBe(200)
    const licenses = answer.json().docs
    expect(
      licenses.map((license: { customer: { name: string } }) => license.customer.name).sort(),
    ).toEqual(['Acme Industrial', 'Globex Energy'])
    for (const license of licenses) {
      for (const field of ['key', 'notes', 'creationKey', 'reseller'])
        expect(license, field).not.toHaveProperty(field)
      expect(license.customer).not.toHaveProperty('notes')
      expect(license.line).toBe('v7')
    }
    for (const secret of [world.acmeLicense.key!, world.globexLicense.key!, staffNote])
      expect(answer.bytes.toString()).not.toContain(secret)
  })

  it('cannot look a license up by its key', async () => {
    const answer = await api.get(
      `/api/licenses?where[key][equals]=${encodeURIComponent(world.globexLicense.key!)}`,
      world.as['release-manager'],
    )
    expect(answer.status).toBe(400)
  })

  it('reads companies’ names and contacts (who is mailed) and the release recipients, but not the outbox or accounts', async () => {
    const customers = await api.get(
      `/api/customers/${world.globex.id}`,
      world.as['release-manager'],
    )
    expect(customers.status).toBe(200)
    expect(customers.json().contacts[0].email).toBe(globexContact)
    for (const field of ['notes', 'origin', 'reseller'])
      expect(customers.json()).not.toHaveProperty(field)
    const release = await api.get(`/api/releases/${world.release.id}`, world.as['release-manager'])
    expect(
      release.json().recipients.map((recipient: { email: string }) => recipient.email),
    ).toContain(globexContact)
    for (const collection of [
      'outbox',
      'customer-users',
      'activations',
      'license-events',
      'registration-claims',
    ]) {
      expect(
        (await api.get(`/api/${collection}`, world.as['release-manager'])).status,
        collection,
      ).toBe(403)
    }
  })

  it('gets no key over GraphQL', async () => {
    const answer = await gql.query(
      '{ Licenses { docs { key notes line } } }',
      world.as['release-manager'],
    )
    expect(answer.data?.Licenses.docs).toHaveLength(2)
    expect(
      answer.data?.Licenses.docs.every(
        (license: { key: unknown; notes: unknown }) =>
          license.key === null && license.notes === null,
      ),
    ).toBe(true)
    expect(answer.text).not.toContain(world.globexLicense.key!)
  })
})

describe('support', () => {
  it('reads every company’s licenses with keys and notes, the accounts and the outbox', async () => {
    const licenses = await api.get('/api/licenses?depth=1&limit=100', world.as.support)
    const keys = licenses
      .json()
      .docs.map((license: { key: string }) => license.key)
      .sort()
    expect(keys).toEqual([world.acmeLicense.key, world.globexLicense.key].sort())
    expect(licenses.json().docs[0].notes).toBe(staffNote)
    expect(licenses.json().docs[0].customer.notes).toBe(staffNote)
    for (const collection of [
      'customer-users',
      'outbox',
      'activations',
      'license-events',
      'registration-claims',
    ]) {
      expect((await api.get(`/api/${collection}`, world.as.support)).status, collection).toBe(200)
    }
  })

  it('does not read release recipients (it mails no one about releases)', async () => {
    const release = await api.get(`/api/releases/${world.release.id}`, world.as.support)
    expect(release.json().recipients ?? []).toEqual([])
  })

  it('is refused admin-only system records', async () => {
    for (const collection of [
      'signing-keys',
      'scheduled-runs',
      'sign-in-failures',
      'signed-manifests',
    ]) {
      expect((await api.get(`/api/${collection}`, world.as.support)).status, collection).toBe(403)
    }
  })
})

describe('an admin', () => {
  it('reads everything, keys and recipients included', async () => {
    const license = await api.get(`/api/licenses/${world.globexLicense.id}`, world.as.admin)
    expect(license.json().key).toBe(world.globexLicense.key)
    const release = await api.get(`/api/releases/${world.release.id}`, world.as.admin)
    expect(release.json().recipients).toHaveLength(3)
    for (const collection of [
      ...customerData,
      'signing-keys',
      'scheduled-runs',
      'sign-in-failures',
    ]) {
      expect((await api.get(`/api/${collection}`, world.as.admin)).status, collection).toBe(200)
    }
  })
})
