import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { EmailTemplate, Product, Release } from '../../payload-types'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCustomer, createLicense, createProduct, createRelease } from '../helpers/fixtures'
import { loginHeaders, rest } from '../helpers/rest'

let booted: TestPayload
let payload: Payload
let promonitor: Product
let releaseTemplate: EmailTemplate
let manager: Record<string, string>
let editor: Record<string, string>

const emailsOf = (release: Partial<Release>) =>
  (release.recipients ?? []).map(({ email, include, source }) => ({ email, include, source }))

beforeAll(async () => {
  booted = await bootPayload()
  payload = booted.payload
  promonitor = await createProduct(payload, 'promonitor')
  await payload.create({
    collection: 'email-templates',
    data: { name: 'Expiring', key: 'license-expiring', subject: 'Soon', body: 'Soon' },
  })
  releaseTemplate = await payload.create({
    collection: 'email-templates',
    data: { name: 'Release', key: 'release-published', subject: 'New', body: 'New release' },
  })
  await payload.create({
    collection: 'email-templates',
    data: { name: 'Release, second', key: 'release-published', subject: 'New', body: 'Again' },
  })
  const acme = await createCustomer(payload, 'Acme', [{ email: 'ops@acme.test' }])
  await createLicense(payload, { customer: acme, product: promonitor })
  for (const [email, role] of [
    ['rita@hub.test', 'release-manager'],
    ['eddie@hub.test', 'editor'],
  ] as const) {
    await payload.create({
      collection: 'users',
      data: { email, password: 'staff-password-1', roles: [role] },
    })
  }
  manager = await loginHeaders(booted, 'users', 'rita@hub.test', 'staff-password-1')
  editor = await loginHeaders(booted, 'users', 'eddie@hub.test', 'staff-password-1')
})

afterAll(async () => booted?.shutdown())

describe('a new release has its mail ready', () => {
  it('mails with the release template (the first of its key) unless another is chosen', async () => {
    const release = await createRelease(payload, { product: promonitor, version: '7.1.0' })
    const templateId =
      typeof release.emailTemplate === 'object' ? release.emailTemplate?.id : release.emailTemplate
    expect(templateId).toBe(releaseTemplate.id)
  })

  it('lists its recipients when created, even before "Notify by email" is ticked', async () => {
    const release = await createRelease(payload, {
      product: promonitor,
      version: '7.2.0',
      status: 'draft',
    })
    expect(release.notifyByEmail).toBe(false)
    expect(emailsOf(release)).toEqual([{ email: 'ops@acme.test', include: true, source: 'global' }])
  })

  it('shows today’s recipients when a release manager opens it, without saving them', async () => {
    const release = await createRelease(payload, {
      product: promonitor,
      version: '7.3.0',
      status: 'draft',
    })
    await payload.update({
      collection: 'releases',
      id: release.id,
      draft: true,
      data: {
        recipients: [
          { email: 'ops@acme.test', include: false, source: 'global' },
          { email: 'partner@reseller.test', include: true, source: 'extra' },
        ],
      },
    })
    const newcomer = await createCustomer(payload, 'Newcomer', [{ email: 'it@newcomer.test' }])
    await createLicense(payload, { customer: newcomer, product: promonitor })

    const opened = await rest<Release>(booted, 'GET', `/api/releases/${release.id}?draft=true`, {
      headers: manager,
    })
    expect(opened.status).toBe(200)
    expect(emailsOf(opened.body)).toEqual([
      { email: 'it@newcomer.test', include: true, source: 'global' },
      { email: 'ops@acme.test', include: false, source: 'global' },
      { email: 'partner@reseller.test', include: true, source: 'extra' },
    ])
    // Read, not written: what is stored changes when someone saves (or presses Load recipients).
    const stored = await payload.findByID({ collection: 'releases', id: release.id, draft: true })
    expect(emailsOf(stored).map(({ email }) => email)).toEqual([
      'ops@acme.test',
      'partner@reseller.test',
    ])
    // A list is not an opened release, and an editor sees no recipients at all.
    const list = await rest<{ docs: Release[] }>(
      booted,
      'GET',
      `/api/releases?draft=true&where[id][equals]=${release.id}`,
      { headers: manager },
    )
    expect(emailsOf(list.body.docs[0]).map(({ email }) => email)).toEqual([
      'ops@acme.test',
      'partner@reseller.test',
    ])
    const asEditor = await rest<Release>(booted, 'GET', `/api/releases/${release.id}`, {
      headers: editor,
    })
    expect(asEditor.body.recipients ?? []).toEqual([])
  })
})
