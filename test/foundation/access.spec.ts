import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { License } from '../../payload-types'
import { seed } from '../../plugins/seed/seed'
import { demoCustomerPassword } from '../../plugins/seed/people'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { loginHeaders, rest } from '../helpers/rest'

const staffPassword = 'access-test-password'

describe('access control through REST', () => {
  let booted: TestPayload
  const as: Record<string, Record<string, string>> = {}
  let acmeLicense: License
  let globexLicense: License

  beforeAll(async () => {
    booted = await bootPayload()
    await seed(booted.payload, { adminPassword: staffPassword })
    for (const role of ['admin', 'support', 'releases', 'editor']) {
      as[role] = await loginHeaders(booted, 'users', `${role}@example.com`, staffPassword)
    }
    as.alice = await loginHeaders(
      booted,
      'customer-users',
      'alice@acme.example',
      demoCustomerPassword,
    )
    const licenses = await booted.payload.find({ collection: 'licenses', depth: 1, limit: 100 })
    acmeLicense = licenses.docs.find(
      (license) =>
        typeof license.customer === 'object' && license.customer.name === 'Acme Industrial',
    )!
    globexLicense = licenses.docs.find(
      (license) =>
        typeof license.customer === 'object' && license.customer.name === 'Globex Energy',
    )!
  })
  afterAll(async () => booted?.shutdown())

  describe('a customer account', () => {
    it('reads a license of its own company', async () => {
      const answer = await rest(booted, 'GET', `/api/licenses/${acmeLicense.id}`, {
        headers: as.alice,
      })
      expect(answer.status).toBe(200)
      expect(answer.body.key).toBe(acmeLicense.key)
      expect(answer.body.notes).toBeUndefined()
    })

    it('gets 404 for another company’s license by id', async () => {
      const answer = await rest(booted, 'GET', `/api/licenses/${globexLicense.id}`, {
        headers: as.alice,
      })
      expect(answer.status).toBe(404)
    })

    it('lists only its own companies’ licenses', async () => {
      const answer = await rest<{ docs: Array<{ customer: number }>; totalDocs: number }>(
        booted,
        'GET',
        '/api/licenses?depth=0&limit=100',
        { headers: as.alice },
      )
      const acmeId =
        typeof acmeLicense.customer === 'object' ? acmeLicense.customer.id : acmeLicense.customer
      expect(answer.status).toBe(200)
      expect(answer.body.totalDocs).toBe(3)
      expect(new Set(answer.body.docs.map((license) => license.customer))).toEqual(
        new Set([acmeId]),
      )
    })

    it('cannot find another company’s license through a where query', async () => {
      const answer = await rest<{ totalDocs: number }>(
        booted,
        'GET',
        `/api/licenses?where[key][equals]=${encodeURIComponent(globexLicense.key!)}`,
        { headers: as.alice },
      )
      expect(answer.body.totalDocs).toBe(0)
    })

    it('sees only published releases', async () => {
      const draft = await booted.payload.create({
        collection: 'releases',
        data: {
          product:
            typeof acmeLicense.product === 'object' ? acmeLicense.product.id : acmeLicense.product,
          line: 'v7',
          version: '7.9.0',
          channel: 'stable',
          status: 'draft',
          rolloutPercent: 100,
        } as never,
      })
      const answer = await rest<{ docs: Array<{ status: string; id: number }> }>(
        booted,
        'GET',
        '/api/releases?depth=0&limit=200',
        { headers: as.alice },
      )
      expect(answer.body.docs.length).toBeGreaterThan(0)
      expect(answer.body.docs.every((release) => release.status === 'published')).toBe(true)
      expect(answer.body.docs.some((release) => release.id === draft.id)).toBe(false)
    })

    it('cannot create a license, read the outbox, staff users or templates', async () => {
      const create = await rest(booted, 'POST', '/api/licenses', {
        headers: as.alice,
        body: { customer: 1, product: 1, line: 'v7', type: 'perpetual' },
      })
      expect(create.status).toBe(403)
      for (const collection of ['outbox', 'users', 'email-templates']) {
        const answer = await rest<{ totalDocs?: number }>(booted, 'GET', `/api/${collection}`, {
          headers: as.alice,
        })
        expect(answer.status, collection).toBe(403)
      }
    })

    it('cannot attach itself to another company', async () => {
      const me = await rest<{ user: { id: number; customers: Array<{ id: number }> } }>(
        booted,
        'GET',
        '/api/customer-users/me',
        { headers: as.alice },
      )
      const globexId =
        typeof globexLicense.customer === 'object'
          ? globexLicense.customer.id
          : globexLicense.customer
      await rest(booted, 'PATCH', `/api/customer-users/${me.body.user.id}`, {
        headers: as.alice,
        body: { customers: [globexId] },
      })
      const after = await booted.payload.findByID({
        collection: 'customer-users',
        id: me.body.user.id,
        depth: 0,
      })
      expect(after.customers).not.toContain(globexId)
    })
  })

  describe('anonymous', () => {
    it('sees no license, customer, outbox or artifact, but the public catalogue', async () => {
      for (const collection of ['licenses', 'customers', 'outbox', 'artifacts']) {
        const answer = await rest(booted, 'GET', `/api/${collection}`)
        expect(answer.status, collection).toBe(403)
      }
      const products = await rest<{ totalDocs: number }>(booted, 'GET', '/api/products')
      expect(products.body.totalDocs).toBe(3)
    })

    it('reads the public part of shipped releases (what their direct links show) and the FAQ', async () => {
      const draft = await booted.payload.create({
        collection: 'releases',
        data: {
          product:
            typeof acmeLicense.product === 'object' ? acmeLicense.product.id : acmeLicense.product,
          line: 'v7',
          version: '7.9.9',
          rolloutPercent: 100,
          channel: 'stable',
          status: 'draft',
          _status: 'draft',
        },
        depth: 0,
      })
      const releases = await rest<{
        docs: Array<{ version: string; status: string; recipients?: unknown[] }>
      }>(booted, 'GET', '/api/releases?limit=100&depth=0')
      expect(releases.status).toBe(200)
      const versions = releases.body.docs.map((release) => release.version)
      expect(versions).toContain('7.4.0')
      expect(versions).not.toContain('7.9.9')
      expect(new Set(releases.body.docs.map((release) => release.status))).toEqual(
        new Set(['published']),
      )
      expect(releases.body.docs.every((release) => !release.recipients?.length)).toBe(true)
      const faqs = await rest<{ totalDocs: number }>(booted, 'GET', '/api/faqs')
      expect(faqs.body.totalDocs).toBeGreaterThan(0)
      await booted.payload.delete({ collection: 'releases', id: draft.id })
    })
  })

  describe('staff roles', () => {
    it('an editor cannot touch licenses but writes changelogs', async () => {
      const read = await rest(booted, 'GET', '/api/licenses', { headers: as.editor })
      expect(read.status).toBe(403)
      const update = await rest(booted, 'PATCH', `/api/licenses/${acmeLicense.id}`, {
        headers: as.editor,
        body: { maxClients: 99 },
      })
      expect(update.status).toBe(403)
      const changelog = await rest(booted, 'POST', '/api/changelogs', {
        headers: as.editor,
        body: { title: 'Editor notes', entries: [{ kind: 'added', text: 'x' }] },
      })
      expect(changelog.status).toBe(201)
    })

    it('support manages licenses but cannot publish a release', async () => {
      const update = await rest<{ doc: { maxClients: number } }>(
        booted,
        'PATCH',
        `/api/licenses/${acmeLicense.id}`,
        { headers: as.support, body: { maxClients: 6 } },
      )
      expect(update.status).toBe(200)
      expect(update.body.doc.maxClients).toBe(6)
      const releases = await booted.payload.find({ collection: 'releases', limit: 1, depth: 0 })
      const publish = await rest(booted, 'PATCH', `/api/releases/${releases.docs[0].id}`, {
        headers: as.support,
        body: { status: 'pulled' },
      })
      expect(publish.status).toBe(403)
      const create = await rest(booted, 'POST', '/api/releases', {
        headers: as.support,
        body: {
          product: acmeLicense.product,
          line: 'v7',
          version: '7.8.0',
          channel: 'stable',
          status: 'published',
        },
      })
      expect(create.status).toBe(403)
    })

    it('a release manager publishes releases and reads but cannot change licenses', async () => {
      const productId =
        typeof acmeLicense.product === 'object' ? acmeLicense.product.id : acmeLicense.product
      const create = await rest<{ doc: { status: string; title: string } }>(
        booted,
        'POST',
        '/api/releases',
        {
          headers: as.releases,
          body: {
            product: productId,
            line: 'v7',
            version: '7.8.0',
            channel: 'stable',
            status: 'published',
            _status: 'published',
          },
        },
      )
      expect(create.status).toBe(201)
      expect(create.body.doc.status).toBe('published')
      expect(create.body.doc.title).toBe('ProMonitor V7 7.8.0')
      const read = await rest(booted, 'GET', `/api/licenses/${acmeLicense.id}`, {
        headers: as.releases,
      })
      expect(read.status).toBe(200)
      const update = await rest(booted, 'PATCH', `/api/licenses/${acmeLicense.id}`, {
        headers: as.releases,
        body: { maxClients: 50 },
      })
      expect(update.status).toBe(403)
    })

    it('only an admin hands out roles', async () => {
      const support = await booted.payload.find({
        collection: 'users',
        where: { email: { equals: 'support@example.com' } },
      })
      await rest(booted, 'PATCH', `/api/users/${support.docs[0].id}`, {
        headers: as.support,
        body: { roles: ['admin'] },
      })
      const after = await booted.payload.findByID({ collection: 'users', id: support.docs[0].id })
      expect(after.roles).toEqual(['support'])
      const promoted = await rest<{ doc: { roles: string[] } }>(
        booted,
        'PATCH',
        `/api/users/${support.docs[0].id}`,
        { headers: as.admin, body: { roles: ['support', 'release-manager'] } },
      )
      expect(promoted.body.doc.roles).toEqual(['support', 'release-manager'])
    })
  })

  describe('validation', () => {
    it('refuses a release version that is not semver, and a duplicate version', async () => {
      const productId =
        typeof acmeLicense.product === 'object' ? acmeLicense.product.id : acmeLicense.product
      const bad = await rest(booted, 'POST', '/api/releases', {
        headers: as.releases,
        body: { product: productId, line: 'v7', version: 'seven', channel: 'stable' },
      })
      expect(bad.status).toBe(400)
      const duplicate = await rest(booted, 'POST', '/api/releases', {
        headers: as.releases,
        body: { product: productId, line: 'v7', version: '7.3.0', channel: 'stable' },
      })
      expect(duplicate.status).toBe(400)
    })

    it('refuses a line the product does not have', async () => {
      const productId =
        typeof acmeLicense.product === 'object' ? acmeLicense.product.id : acmeLicense.product
      const answer = await rest(booted, 'POST', '/api/releases', {
        headers: as.releases,
        body: { product: productId, line: 'v9', version: '9.0.0', channel: 'stable' },
      })
      expect(answer.status).toBe(400)
    })

    it('refuses a subscription without an expiry date and derives days left', async () => {
      const customerId =
        typeof acmeLicense.customer === 'object' ? acmeLicense.customer.id : acmeLicense.customer
      const productId =
        typeof acmeLicense.product === 'object' ? acmeLicense.product.id : acmeLicense.product
      const missing = await rest<{
        errors: Array<{ data: { errors: Array<{ path: string; message: string }> } }>
      }>(booted, 'POST', '/api/licenses', {
        headers: as.support,
        body: { customer: customerId, product: productId, line: 'v7', type: 'subscription' },
      })
      expect(missing.status).toBe(400)
      expect(missing.body.errors[0].data.errors).toEqual([
        { path: 'expiresAt', message: 'A subscription license needs an expiry date' },
      ])
      const backwards = await rest(booted, 'POST', '/api/licenses', {
        headers: as.support,
        body: {
          customer: customerId,
          product: productId,
          line: 'v7',
          type: 'subscription',
          startsAt: new Date().toISOString(),
          expiresAt: new Date(Date.now() - 86_400_000).toISOString(),
        },
      })
      expect(backwards.status).toBe(400)
      const inTenDays = new Date(Date.now() + 10 * 86_400_000 - 60_000).toISOString()
      const created = await rest<{ doc: { daysLeft: number; isExpired: boolean; key: string } }>(
        booted,
        'POST',
        '/api/licenses',
        {
          headers: as.support,
          body: {
            customer: customerId,
            product: productId,
            line: 'v7',
            type: 'subscription',
            expiresAt: inTenDays,
          },
        },
      )
      expect(created.status).toBe(201)
      expect(created.body.doc.daysLeft).toBe(10)
      expect(created.body.doc.isExpired).toBe(false)
      expect(created.body.doc.key).toMatch(/^PMON-/)
    })
  })
})
