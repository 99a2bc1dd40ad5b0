import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { Product, Release, User } from '../../payload-types'
import { deliverOutbox } from '../../plugins/mailers'
import { pullRelease } from '../../plugins/updates'
import { addDays } from '../../src/lib/time'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import {
  artifactFileExists,
  clearReleases,
  createCustomer,
  createLicense,
  createProduct,
  createRelease,
  sequenceOf,
  uploadArtifact,
} from '../helpers/fixtures'
import { servePayloadApi, type HttpClient } from '../helpers/httpClient'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'

let booted: TestPayload
let payload: Payload
let api: HttpClient
let sink: SmtpSink
let promonitor: Product
let manager: User
let managerAuth: Record<string, string>
let editorAuth: Record<string, string>

const staffAuth = async (email: string, roles: User['roles']) => {
  const user = await payload.create({
    collection: 'users',
    data: { email, password: 'staff-password-1', roles },
  })
  const { token } = await payload.login({
    collection: 'users',
    data: { email, password: 'staff-password-1' },
  })
  return { user, headers: { Authorization: `JWT ${token}` } }
}

const eventsOf = async (release: Release) =>
  (
    await payload.find({
      collection: 'release-events',
      where: { release: { equals: release.id } },
      sort: 'createdAt',
      depth: 0,
    })
  ).docs

beforeAll(async () => {
  sink = await startSmtpSink()
  booted = await bootPayload({ SMTP_URL: sink.url })
  payload = booted.payload
  api = await servePayloadApi(booted)
  promonitor = await createProduct(payload, 'promonitor')
  ;({ user: manager, headers: managerAuth } = await staffAuth('releases@hub.test', [
    'release-manager',
  ]))
  ;({ headers: editorAuth } = await staffAuth('docs@hub.test', ['editor']))
})

afterAll(async () => {
  await api?.close()
  await booted?.shutdown()
  await sink?.close()
})

beforeEach(async () => {
  await clearReleases(payload)
  sink.mails.length = 0
})

describe('pull and restore', () => {
  it('pulls to the previous published version in one call, records it, bumps the sequence once; restore undoes it', async () => {
    await createRelease(payload, { product: promonitor, version: '7.2.0' })
    await createRelease(payload, { product: promonitor, version: '7.3.0' })
    await createRelease(payload, { product: promonitor, version: '7.3.5', status: 'draft' })
    const bad = await createRelease(payload, { product: promonitor, version: '7.4.0' })
    const before = await sequenceOf(payload, promonitor, 'stable')

    const targets = await api.get(`/api/releases/${bad.id}/rollback-targets`, managerAuth)
    expect(targets.json()).toEqual({ versions: ['7.3.0', '7.2.0'], default: '7.3.0' })

    const pulled = await api.post(`/api/releases/${bad.id}/pull`, undefined, managerAuth)
    expect(pulled.status, pulled.bytes.toString()).toBe(200)
    expect(pulled.json().release).toMatchObject({
      status: 'pulled',
      rollbackTo: '7.3.0',
      pulledAt: expect.any(String),
    })
    expect(await sequenceOf(payload, promonitor, 'stable')).toBe(before + 1)
    const stored = await payload.findByID({ collection: 'releases', id: bad.id })
    expect(stored).toMatchObject({ status: 'pulled', rollbackTo: '7.3.0', _status: 'published' })

    const again = await api.post(`/api/releases/${bad.id}/pull`, {}, managerAuth)
    expect([again.status, again.json().code]).toEqual([409, 'ALREADY_PULLED'])

    const restored = await api.post(`/api/releases/${bad.id}/restore`, undefined, managerAuth)
    expect(restored.status).toBe(200)
    expect(restored.json().release).toMatchObject({ status: 'published', rollbackTo: null })
    expect(await sequenceOf(payload, promonitor, 'stable')).toBe(before + 2)
    const restoreAgain = await api.post(`/api/releases/${bad.id}/restore`, undefined, managerAuth)
    expect([restoreAgain.status, restoreAgain.json().code]).toEqual([409, 'NOT_PULLED'])

    const events = await eventsOf(bad)
    expect(
      events.map(({ action, version, rollbackTo, actor }) => ({
        action,
        version,
        rollbackTo,
        actor,
      })),
    ).toEqual([
      { action: 'pulled', version: '7.4.0', rollbackTo: '7.3.0', actor: manager.id },
      { action: 'restored', version: '7.4.0', rollbackTo: null, actor: manager.id },
    ])
    const versions = await payload.findVersions({
      collection: 'releases',
      where: { parent: { equals: bad.id } },
      sort: '-updatedAt',
      limit: 1,
    })
    expect(versions.docs[0].version).toMatchObject({ status: 'published', rollbackTo: null })
  })

  it('pulls to a chosen version, or to none; refuses a version that is not an older published release of the line', async () => {
    await createRelease(payload, { product: promonitor, version: '7.2.0' })
    await createRelease(payload, { product: promonitor, version: '6.9.0', line: 'v6' })
    const bad = await createRelease(payload, { product: promonitor, version: '7.4.0' })
    for (const rollbackTo of ['7.9.0', '6.9.0', 'seven', '7.4.0']) {
      const answer = await api.post(`/api/releases/${bad.id}/pull`, { rollbackTo }, managerAuth)
      expect([answer.status, answer.json().code], rollbackTo).toEqual([400, 'BAD_REQUEST'])
    }
    expect(
      (await api.post(`/api/releases/${bad.id}/pull`, { rollbackTo: 7 }, managerAuth)).status,
    ).toBe(400)
    expect((await api.post(`/api/releases/${bad.id}/pull`, '{', managerAuth)).status).toBe(400)
    expect((await payload.findByID({ collection: 'releases', id: bad.id })).status).toBe(
      'published',
    )

    const chosen = await api.post(
      `/api/releases/${bad.id}/pull`,
      { rollbackTo: '7.2.0' },
      managerAuth,
    )
    expect(chosen.json().release.rollbackTo).toBe('7.2.0')
    await api.post(`/api/releases/${bad.id}/restore`, undefined, managerAuth)
    const none = await api.post(`/api/releases/${bad.id}/pull`, { rollbackTo: null }, managerAuth)
    expect(none.json().release).toMatchObject({ status: 'pulled', rollbackTo: null })
  })

  it('is for release managers and admins only; a draft cannot be pulled', async () => {
    const release = await createRelease(payload, { product: promonitor, version: '7.4.0' })
    const anonymous = await api.post(`/api/releases/${release.id}/pull`, {})
    expect([anonymous.status, anonymous.json().code]).toEqual([401, 'UNAUTHORIZED'])
    const editor = await api.post(`/api/releases/${release.id}/pull`, {}, editorAuth)
    expect([editor.status, editor.json().code]).toEqual([403, 'FORBIDDEN'])
    expect((await payload.findByID({ collection: 'releases', id: release.id })).status).toBe(
      'published',
    )
    expect(await eventsOf(release)).toEqual([])

    const draft = await createRelease(payload, {
      product: promonitor,
      version: '7.5.0',
      status: 'draft',
    })
    const refused = await api.post(`/api/releases/${draft.id}/pull`, {}, managerAuth)
    expect([refused.status, refused.json().code]).toEqual([409, 'NOT_PUBLISHED'])
    expect((await api.post('/api/releases/999999/pull', {}, managerAuth)).status).toBe(404)
  })

  it('pulling a release while staff write a draft of it publishes nothing of the draft, and the draft stays a draft', async () => {
    await createRelease(payload, { product: promonitor, version: '7.3.0' })
    const bad = await createRelease(payload, {
      product: promonitor,
      version: '7.4.0',
      summary: 'Published summary',
    })
    await payload.update({
      collection: 'releases',
      id: bad.id,
      draft: true,
      data: { summary: 'Draft summary, not reviewed yet' },
    })
    const pulled = await api.post(`/api/releases/${bad.id}/pull`, {}, managerAuth)
    expect(pulled.status).toBe(200)
    expect(await payload.findByID({ collection: 'releases', id: bad.id })).toMatchObject({
      status: 'pulled',
      rollbackTo: '7.3.0',
      summary: 'Published summary',
      _status: 'published',
    })
    expect(
      await payload.findByID({ collection: 'releases', id: bad.id, draft: true }),
    ).toMatchObject({
      status: 'pulled',
      rollbackTo: '7.3.0',
      summary: 'Draft summary, not reviewed yet',
      _status: 'draft',
    })
  })

  it('two pulls at the same moment: one wins, the other is refused, one event', async () => {
    await createRelease(payload, { product: promonitor, version: '7.3.0' })
    const bad = await createRelease(payload, { product: promonitor, version: '7.4.0' })
    const before = await sequenceOf(payload, promonitor, 'stable')
    const outcomes = await Promise.allSettled([
      pullRelease(payload, { releaseId: bad.id }),
      pullRelease(payload, { releaseId: bad.id }),
    ])
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1)
    const [failure] = outcomes.filter(
      (outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected',
    )
    expect(failure.reason).toMatchObject({ status: 409 })
    expect(await eventsOf(bad)).toHaveLength(1)
    expect(await sequenceOf(payload, promonitor, 'stable')).toBe(before + 1)
  })
})

describe('deleting a release', () => {
  it('takes its artifacts (records and files) and its history with it; an editor may not delete it', async () => {
    const kept = await createRelease(payload, { product: promonitor, version: '7.3.0' })
    const keptArtifact = await uploadArtifact(payload, kept, 'linux-x64')
    const doomed = await createRelease(payload, { product: promonitor, version: '7.4.0' })
    const artifacts = [
      await uploadArtifact(payload, doomed, 'linux-x64'),
      await uploadArtifact(payload, doomed, 'windows-x64'),
    ]
    await api.post(`/api/releases/${doomed.id}/pull`, undefined, managerAuth)
    expect(await eventsOf(doomed)).toHaveLength(1)
    const before = await sequenceOf(payload, promonitor, 'stable')

    const refused = await api.delete(`/api/releases/${doomed.id}`, editorAuth)
    expect(refused.status).toBe(403)
    expect(artifacts.every((artifact) => artifactFileExists(booted.mediaDir, artifact))).toBe(true)

    const deleted = await api.delete(`/api/releases/${doomed.id}`, managerAuth)
    expect(deleted.status, deleted.bytes.toString()).toBe(200)
    const left = await payload.find({ collection: 'artifacts', depth: 0 })
    expect(left.docs.map((artifact) => artifact.id)).toEqual([keptArtifact.id])
    expect(artifacts.some((artifact) => artifactFileExists(booted.mediaDir, artifact))).toBe(false)
    expect(artifactFileExists(booted.mediaDir, keptArtifact)).toBe(true)
    expect(await eventsOf(doomed)).toEqual([])
    expect(await sequenceOf(payload, promonitor, 'stable')).toBeGreaterThan(before)
  })
})

describe('release mails', () => {
  beforeEach(async () => {
    await payload.delete({ collection: 'licenses', where: { id: { exists: true } } })
    await payload.delete({ collection: 'customers', where: { id: { exists: true } } })
    const acme = await createCustomer(payload, 'Acme', [
      { email: 'Ops@Acme.test' },
      { email: 'billing@acme.test', receives: ['licenses'] },
    ])
    const globex = await createCustomer(payload, 'Globex', [{ email: 'it@globex.test' }])
    const initech = await createCustomer(payload, 'Initech', [{ email: 'it@initech.test' }])
    const umbrella = await createCustomer(payload, 'Umbrella', [{ email: 'it@umbrella.test' }])
    const hooli = await createCustomer(payload, 'Hooli', [{ email: 'it@hooli.test' }])
    await createLicense(payload, { customer: acme, product: promonitor })
    await createLicense(payload, {
      customer: acme,
      product: promonitor,
      type: 'perpetual',
      expiresAt: null,
    })
    await createLicense(payload, { customer: globex, product: promonitor })
    await createLicense(payload, {
      customer: initech,
      product: promonitor,
      startsAt: addDays(new Date(), -300).toISOString(),
      expiresAt: addDays(new Date(), -1).toISOString(),
    })
    await createLicense(payload, { customer: umbrella, product: promonitor, line: 'v6' })
    await createLicense(payload, { customer: hooli, product: promonitor, status: 'suspended' })
  })

  it('starts the list with every contact of every customer licensed for the product and line', async () => {
    const release = await createRelease(payload, {
      product: promonitor,
      version: '7.5.0',
      status: 'draft',
      notifyByEmail: true,
    })
    expect(
      release.recipients?.map(({ email, include, source }) => ({ email, include, source })),
    ).toEqual([
      { email: 'it@globex.test', include: true, source: 'global' },
      { email: 'ops@acme.test', include: true, source: 'global' },
    ])
  })

  it('publishing mails each included recipient once through SMTP, even when the release is saved again', async () => {
    const draft = await createRelease(payload, {
      product: promonitor,
      version: '7.5.0',
      status: 'draft',
      notifyByEmail: true,
      summary: 'Faster search.',
    })
    const recipients = [
      ...draft.recipients!.map((recipient) =>
        recipient.email === 'it@globex.test' ? { ...recipient, include: false } : recipient,
      ),
      { email: 'partner@reseller.test', include: true, source: 'extra' as const },
    ]
    await payload.update({
      collection: 'releases',
      id: draft.id,
      data: { recipients },
      draft: true,
    })
    expect(await deliverOutbox(payload)).toMatchObject({ sent: 0 })

    await payload.update({
      collection: 'releases',
      id: draft.id,
      data: { status: 'published', _status: 'published' },
    })
    expect(await deliverOutbox(payload)).toEqual({ sent: 2, failed: 0, retried: 0 })
    await payload.update({
      collection: 'releases',
      id: draft.id,
      data: { summary: 'Faster search, fixed typo.' },
    })
    await payload.update({ collection: 'releases', id: draft.id, data: { critical: true } })
    expect(await deliverOutbox(payload)).toEqual({ sent: 0, failed: 0, retried: 0 })

    const mails = await sink.waitFor(2)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(sink.mails).toHaveLength(2)
    expect(mails.map((mail) => (mail.to as { text: string }).text).sort()).toEqual([
      'ops@acme.test',
      'partner@reseller.test',
    ])
    expect(mails[0].subject).toBe('Promonitor 7.5.0 is available')
    expect(mails[0].text).toContain('Promonitor 7.5.0 (V7, stable channel) has been released.')
    expect(mails[0].text).toContain(`http://localhost:3000/r/promonitor/v7/7.5.0`)
    const outbox = await payload.find({
      collection: 'outbox',
      where: { idempotencyKey: { like: `release:${draft.id}:` } },
    })
    expect(outbox.docs.map((mail) => mail.idempotencyKey).sort()).toEqual([
      `release:${draft.id}:ops@acme.test`,
      `release:${draft.id}:partner@reseller.test`,
    ])
  })

  it('uses the chosen template, and mails nobody when "Notify by email" is off', async () => {
    const template = await payload.create({
      collection: 'email-templates',
      data: {
        name: 'Security release',
        key: 'release-published',
        subject: 'Security update: {{productName}} {{version}}',
        body: 'Please update now: {{notesUrl}}',
      },
    })
    await createRelease(payload, {
      product: promonitor,
      version: '7.5.1',
      notifyByEmail: true,
      emailTemplate: template.id,
    })
    await createRelease(payload, { product: promonitor, version: '7.5.2' })
    expect(await deliverOutbox(payload)).toMatchObject({ sent: 2 })
    const mails = await sink.waitFor(2)
    expect(mails.map((mail) => mail.subject)).toEqual([
      'Security update: Promonitor 7.5.1',
      'Security update: Promonitor 7.5.1',
    ])
    await payload.delete({ collection: 'email-templates', id: template.id })
  })

  it('"Load recipients" refreshes the global list: new licensees join, unticked and extra addresses stay, a draft stays a draft', async () => {
    const draft = await createRelease(payload, {
      product: promonitor,
      version: '7.6.0',
      status: 'draft',
      notifyByEmail: true,
    })
    await payload.update({
      collection: 'releases',
      id: draft.id,
      draft: true,
      data: {
        recipients: [
          { email: 'ops@acme.test', include: false, source: 'global' },
          { email: 'it@globex.test', include: true, source: 'global' },
          { email: 'partner@reseller.test', include: true, source: 'extra' },
        ],
      },
    })
    const newcomer = await createCustomer(payload, 'Newcomer', [{ email: 'admin@newcomer.test' }])
    await createLicense(payload, { customer: newcomer, product: promonitor })

    const editor = await api.post(`/api/releases/${draft.id}/load-recipients`, {}, editorAuth)
    expect(editor.status).toBe(403)
    const answer = await api.post(`/api/releases/${draft.id}/load-recipients`, {}, managerAuth)
    expect(answer.status, answer.bytes.toString()).toBe(200)
    const expected = [
      { email: 'admin@newcomer.test', include: true, source: 'global' },
      { email: 'it@globex.test', include: true, source: 'global' },
      { email: 'ops@acme.test', include: false, source: 'global' },
      { email: 'partner@reseller.test', include: true, source: 'extra' },
    ]
    expect(
      answer.json().recipients.map(({ email, include, source }: Record<string, unknown>) => ({
        email,
        include,
        source,
      })),
    ).toEqual(expected)
    const stored = await payload.findByID({ collection: 'releases', id: draft.id, draft: true })
    expect(stored._status).toBe('draft')
    expect(
      stored.recipients?.map(({ email, include, source }) => ({ email, include, source })),
    ).toEqual(expected)
    expect(await deliverOutbox(payload)).toMatchObject({ sent: 0 })
  })
})
