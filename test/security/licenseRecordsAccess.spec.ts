import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Activation } from '../../payload-types'
import { recordLicenseEvent } from '../../plugins/licensing'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { serveGraphql, type GraphqlClient } from '../helpers/graphqlClient'
import { servePayloadApi, type HttpClient } from '../helpers/httpClient'
import { createTwoCompanies, staffNote, type TwoCompanies } from './twoCompanies'

// A customer reads the installations and the customer-visible history of its companies'
// licenses, and nothing of another company's; staff roles as docs/access.md says; over REST
// (lists, by id, select, depth, where) and GraphQL.
let booted: TestPayload
let api: HttpClient
let gql: GraphqlClient
let world: TwoCompanies
let acmeMachine: Activation
let globexMachine: Activation

const supportEmail = 'support@hub.test'

const activate = (license: number, hostname: string) =>
  booted.payload.create({
    collection: 'activations',
    data: {
      license,
      fingerprint: `${hostname}-fingerprint-0123456789abcdef`,
      hostname,
      role: 'app',
      appVersion: '7.3.0',
      activatedAt: new Date().toISOString(),
      lastSeenAt: new Date().toISOString(),
    },
  })

beforeAll(async () => {
  booted = await bootPayload()
  api = await servePayloadApi(booted)
  gql = await serveGraphql(booted)
  world = await createTwoCompanies(booted.payload, api)
  acmeMachine = await activate(world.acmeLicense.id, 'acme-mon-01')
  globexMachine = await activate(world.globexLicense.id, 'globex-mon-01')
  const staff = { kind: 'staff' as const, id: 1, label: supportEmail }
  for (const license of [world.acmeLicense.id, world.globexLicense.id]) {
    await recordLicenseEvent(booted.payload, {
      license,
      type: 'extended',
      actor: staff,
      details: { days: 30, note: staffNote },
    })
    await recordLicenseEvent(booted.payload, {
      license,
      type: 'suspended',
      actor: staff,
      details: { reason: staffNote },
    })
  }
})

afterAll(async () => {
  await gql?.close()
  await api?.close()
  await booted?.shutdown()
})

describe('installations (activations)', () => {
  it('a customer lists only its companies’ installations, with every field', async () => {
    const alice = await api.get('/api/activations?depth=0', world.as.alice)
    expect(alice.status).toBe(200)
    expect(alice.json().docs).toHaveLength(1)
    expect(alice.json().docs[0]).toMatchObject({
      id: acmeMachine.id,
      hostname: 'acme-mon-01',
      fingerprint: acmeMachine.fingerprint,
      role: 'app',
      appVersion: '7.3.0',
    })
    expect(alice.bytes.toString()).not.toContain('globex-mon-01')
    const gina = await api.get('/api/activations', world.as.gina)
    expect(gina.json().docs.map((doc: Activation) => doc.hostname)).toEqual(['globex-mon-01'])
  })

  it('a customer cannot read another company’s installation by id, by where or populated', async () => {
    const one = await api.get(`/api/activations/${globexMachine.id}`, world.as.alice)
    expect([403, 404]).toContain(one.status)
    expect(one.bytes.toString()).not.toContain('globex-mon-01')
    const probed = await api.get(
      `/api/activations?where[license][equals]=${world.globexLicense.id}`,
      world.as.alice,
    )
    expect(probed.status).toBe(200)
    expect(probed.json().docs).toEqual([])
    const deep = await api.get('/api/activations?depth=2', world.as.alice)
    expect(deep.json().docs[0].license.key).toBe(world.acmeLicense.key)
    expect(deep.json().docs[0].license).not.toHaveProperty('notes')
    expect(deep.bytes.toString()).not.toContain(staffNote)
  })

  it('a customer cannot change or delete an installation, its own or another’s', async () => {
    for (const machine of [acmeMachine, globexMachine]) {
      const removed = await api.delete(`/api/activations/${machine.id}`, world.as.alice)
      expect([403, 404]).toContain(removed.status)
    }
    expect((await booted.payload.count({ collection: 'activations' })).totalDocs).toBe(2)
  })

  it('GraphQL gives a customer its own installations only', async () => {
    const answer = await gql.query(
      `query ($id: Int!) {
        Activations { docs { hostname fingerprint license { key notes } } }
        Activation(id: $id) { hostname }
      }`,
      world.as.alice,
      { id: globexMachine.id },
    )
    expect(answer.data?.Activations.docs).toEqual([
      {
        hostname: 'acme-mon-01',
        fingerprint: acmeMachine.fingerprint,
        license: { key: world.acmeLicense.key, notes: null },
      },
    ])
    expect(answer.data?.Activation ?? null).toBeNull()
    expect(answer.text).not.toContain('globex-mon-01')
  })

  it('support and admins read every company’s; release managers, editors and visitors none', async () => {
    for (const role of ['support', 'admin'] as const) {
      const list = await api.get('/api/activations', world.as[role])
      expect(list.json().totalDocs, role).toBe(2)
    }
    for (const role of ['release-manager', 'editor'] as const)
      expect((await api.get('/api/activations', world.as[role])).status, role).toBe(403)
    expect((await api.get('/api/activations')).status).toBe(403)
  })
})

describe('license history (license-events)', () => {
  it('a customer reads its licenses’ customer-visible entries, staff shown as ProMonitor support', async () => {
    const answer = await api.get(
      '/api/license-events?limit=100&sort=createdAt&depth=0',
      world.as.alice,
    )
    expect(answer.status).toBe(200)
    const events = answer.json().docs as Array<Record<string, any>>
    expect(events.map((event) => event.type)).toEqual(['created', 'extended'])
    expect(events.every((event) => event.license === world.acmeLicense.id)).toBe(true)
    const extended = events[1]
    expect(extended.actorName).toBe('ProMonitor support')
    expect(extended.summary).toBe('Extended by 30 days')
    expect(extended).not.toHaveProperty('details')
    expect(extended.actor).toEqual({ kind: 'staff' })
    const text = answer.bytes.toString()
    for (const secret of [supportEmail, staffNote]) expect(text).not.toContain(secret)
  })

  it('a customer gets no staff-only entry and no other company’s, also by id or select', async () => {
    const staffOnly = await booted.payload.find({
      collection: 'license-events',
      where: { type: { equals: 'suspended' } },
    })
    const globexCreated = await booted.payload.find({
      collection: 'license-events',
      where: {
        and: [{ type: { equals: 'created' } }, { license: { equals: world.globexLicense.id } }],
      },
    })
    for (const event of [...staffOnly.docs, ...globexCreated.docs]) {
      const one = await api.get(`/api/license-events/${event.id}`, world.as.alice)
      expect([403, 404]).toContain(one.status)
    }
    const selected = await api.get(
      '/api/license-events?select[details]=true&select[actor]=true&select[summary]=true',
      world.as.alice,
    )
    expect(selected.status).toBe(200)
    expect(selected.json().docs.length).toBe(2)
    expect(selected.bytes.toString()).not.toContain(staffNote)
    expect(selected.bytes.toString()).not.toContain(supportEmail)
  })

  it('a customer cannot query by the hidden actor or details', async () => {
    for (const where of [
      `where[actor.label][equals]=${encodeURIComponent(supportEmail)}`,
      'where[details][exists]=true',
    ]) {
      const answer = await api.get(`/api/license-events?${where}`, world.as.alice)
      expect(answer.status, where).toBe(400)
      expect(answer.bytes.toString()).not.toContain(supportEmail)
    }
  })

  it('GraphQL gives a customer the same view', async () => {
    const answer = await gql.query(
      '{ LicenseEvents(sort: "createdAt") { docs { type actorName summary details actor { kind label ref } } } }',
      world.as.gina,
    )
    expect(answer.data?.LicenseEvents.docs).toEqual([
      {
        type: 'created',
        actorName: 'ProMonitor',
        summary: expect.stringMatching(/^License created, expires \d{4}-\d\d-\d\d$/),
        details: null,
        actor: { kind: 'system', label: null, ref: null },
      },
      {
        type: 'extended',
        actorName: 'ProMonitor support',
        summary: 'Extended by 30 days',
        details: null,
        actor: { kind: 'staff', label: null, ref: null },
      },
    ])
    expect(answer.text).not.toContain(supportEmail)
  })

  it('support reads every entry with actor and details; other staff and visitors none', async () => {
    const support = await api.get('/api/license-events?limit=100', world.as.support)
    expect(support.json().totalDocs).toBe(6)
    expect(support.bytes.toString()).toContain(supportEmail)
    expect(support.bytes.toString()).toContain(staffNote)
    for (const role of ['release-manager', 'editor'] as const)
      expect((await api.get('/api/license-events', world.as[role])).status, role).toBe(403)
    expect((await api.get('/api/license-events')).status).toBe(403)
  })
})

describe('odd queries of a customer', () => {
  it('are answered 2xx or 4xx, never a 5xx, and show nothing of another company', async () => {
    const queries = [
      'where[license.customer][equals]=abc',
      `where[license.customer][equals]=${world.globex.id}`,
      'where[license][in]=x,y',
      'where[summary][equals]=x',
      'where[actorName][like]=support',
      'where[actor.kind][equals]=staff',
      'sort=-details',
      'sort=summary',
      'select[details]=1&select[actorName]=true',
      'depth=abc',
      'depth=5',
      'limit=-1',
      `where[or][0][license][equals]=${world.globexLicense.id}`,
    ]
    for (const collection of ['activations', 'license-events'])
      for (const query of queries) {
        const answer = await api.get(`/api/${collection}?${query}`, world.as.alice)
        const label = `${collection}?${query}`
        expect(answer.status, label).toBeLessThan(500)
        const text = answer.bytes.toString()
        expect(text, label).not.toContain('globex-mon-01')
        expect(text, label).not.toContain(world.globexLicense.key!)
        expect(text, label).not.toContain(staffNote)
      }
  })
})
