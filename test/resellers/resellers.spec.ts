import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { deliverOutbox } from '../../plugins/mailers'
import type { Product } from '../../payload-types'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCatalogue, createCustomer, createCustomerAccount } from '../helpers/fixtures'
import { serveApi, type ApiServer } from '../helpers/serveApi'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'

describe('reseller API', () => {
  let booted: TestPayload
  let api: ApiServer
  let smtp: SmtpSink
  let promonitor: Product
  let collector: Product
  const datadog = { Authorization: 'resellers API-Key datadog-key-000000000001' }
  const other = { Authorization: 'resellers API-Key other-key-00000000000002' }
  const retired = { Authorization: 'resellers API-Key retired-key-0000000000003' }

  const create = (body: unknown, headers: Record<string, string> = datadog) =>
    api.call('POST', '/api/v1/reseller/licenses', { body, headers })
  const deliver = async (count: number) => {
    await deliverOutbox(booted.payload)
    return smtp.waitFor(count)
  }

  beforeAll(async () => {
    smtp = await startSmtpSink()
    booted = await bootPayload({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://hub.example.com' })
    api = await serveApi(booted)
    ;({ promonitor, collector } = await createCatalogue(booted.payload))
    const reseller = (name: string, apiKey: string, extra: Record<string, unknown> = {}) =>
      booted.payload.create({
        collection: 'resellers',
        data: {
          name,
          enableAPIKey: true,
          apiKey,
          allowedProducts: [promonitor.id],
          allowedTypes: ['trial', 'subscription', 'on-usage'],
          ...extra,
        } as never,
      })
    await reseller('DataDog', 'datadog-key-000000000001')
    await reseller('Other Partner', 'other-key-00000000000002', {
      allowedProducts: [promonitor.id, collector.id],
    })
    await reseller('Retired Partner', 'retired-key-0000000000003', { active: false })
  })
  afterAll(async () => {
    await api?.close()
    await booted?.shutdown()
    await smtp?.close()
  })
  beforeEach(async () => {
    // Mail a previous test queued but did not look at is sent now and forgotten.
    await deliverOutbox(booted.payload)
    smtp.mails.length = 0
  })

  // Was "with company and account": no account is made for a subscriber until they claim the
  // mailed register link, and the answer's registerUrl carries no token (issue 9).
  it("creates a subscription for a new subscriber in a company of the reseller's own (no account), and mails the key and a register link", async () => {
    const answer = await create({
      email: 'Ops@Widgets.example',
      company: 'Widgets Ltd',
      product: 'promonitor',
      type: 'subscription',
      days: 90,
      maxClients: 3,
      modules: ['sla'],
    })
    expect(answer.status).toBe(201)
    expect(answer.body).toEqual({
      license: {
        id: expect.any(Number),
        key: expect.stringMatching(/^PMON-/),
        type: 'subscription',
        expiresAt: expect.any(String),
      },
      registerUrl: 'https://hub.example.com/portal/register',
    })
    const license = await booted.payload.findByID({
      collection: 'licenses',
      id: answer.body.license.id,
      depth: 1,
    })
    expect(license).toMatchObject({
      type: 'subscription',
      line: 'v7',
      maxClients: 3,
      modules: ['sla'],
      daysLeft: 90,
      customer: { name: 'Widgets Ltd', origin: 'reseller' },
      reseller: { name: 'DataDog' },
    })
    expect(
      (
        await booted.payload.count({
          collection: 'customer-users',
          where: { email: { equals: 'ops@widgets.example' } },
        })
      ).totalDocs,
    ).toBe(0)
    const [mail] = await deliver(1)
    expect(mail.subject).toBe('Your ProMonitor license from DataDog')
    expect(mail.to).toMatchObject({ text: 'ops@widgets.example' })
    expect(mail.text).toContain(answer.body.license.key)
    expect(mail.text).toMatch(/https:\/\/hub\.example\.com\/portal\/register\?token=[\w.-]+/)
    const events = await booted.payload.find({
      collection: 'license-events',
      where: { license: { equals: license.id } },
    })
    expect(events.docs[0]).toMatchObject({
      type: 'created',
      actor: { kind: 'reseller', label: 'DataDog' },
    })
  })

  it('returns the same license, mailed once, when a request is retried with the same Idempotency-Key', async () => {
    const body = { email: 'retry@widgets.example', product: 'promonitor', type: 'subscription' }
    const headers = { ...datadog, 'Idempotency-Key': 'order-4711' }
    const first = await create(body, headers)
    const second = await create(body, headers)
    expect(second.status).toBe(201)
    expect(second.body.license).toEqual(first.body.license)
    await deliver(1)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(smtp.mails).toHaveLength(1)
    const other = await create(body, { ...datadog, 'Idempotency-Key': 'order-4712' })
    expect(other.body.license.id).not.toBe(first.body.license.id)
  })

  it('creates a trial (trial-created mail); a second trial for the email answers TRIAL_EXISTS and mails again', async () => {
    const first = await create({
      email: 'trier@widgets.example',
      product: 'promonitor',
      type: 'trial',
    })
    expect(first.status).toBe(201)
    expect(first.body.license.type).toBe('trial')
    const [mail] = await deliver(1)
    expect(mail.subject).toBe('Your ProMonitor trial key')
    expect(mail.text).toContain(first.body.license.key)
    const again = await create({
      email: 'trier@widgets.example',
      product: 'promonitor',
      type: 'trial',
    })
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('TRIAL_EXISTS')
    const mails = await deliver(2)
    expect(mails[1].text).toContain(first.body.license.key)
  })

  // Was "puts a license for an existing account into its company": a reseller writes only into
  // companies it created or that staff assigned to it (issue 9).
  it("puts a license for an existing account's email into the account's company only once staff assigned that company to the reseller", async () => {
    const company = await createCustomer(booted.payload, 'Existing Co')
    await createCustomerAccount(
      booted.payload,
      'boss@existing.example',
      [company.id],
      'existing-api-key-000001',
    )
    const before = await create({
      email: 'boss@existing.example',
      product: 'promonitor',
      type: 'on-usage',
      credits: 500,
    })
    expect(before.status).toBe(201)
    expect(
      (
        await booted.payload.findByID({
          collection: 'licenses',
          id: before.body.license.id,
          depth: 0,
        })
      ).customer,
    ).not.toBe(company.id)

    const {
      docs: [datadogAccount],
    } = await booted.payload.find({
      collection: 'resellers',
      where: { name: { equals: 'DataDog' } },
    })
    await booted.payload.update({
      collection: 'customers',
      id: company.id,
      data: { reseller: datadogAccount.id },
    })
    const after = await create({
      email: 'boss@existing.example',
      company: 'Existing Co',
      product: 'promonitor',
      type: 'on-usage',
      credits: 500,
    })
    expect(after.status).toBe(201)
    const license = await booted.payload.findByID({
      collection: 'licenses',
      id: after.body.license.id,
      depth: 0,
    })
    expect(license).toMatchObject({ customer: company.id, type: 'on-usage', credits: 500 })
  })

  it('answers 401 without or with a bad key, 403 outside the allow-list or when deactivated', async () => {
    const body = { email: 'x@widgets.example', product: 'promonitor', type: 'subscription' }
    expect((await create(body, {})).status).toBe(401)
    expect((await create(body, { Authorization: 'resellers API-Key wrong' })).body.code).toBe(
      'UNAUTHORIZED',
    )
    expect((await create({ ...body, product: 'collector' })).status).toBe(403)
    expect((await create({ ...body, type: 'perpetual' })).body.code).toBe('FORBIDDEN')
    expect((await create(body, retired)).status).toBe(403)
    expect((await api.call('GET', '/api/v1/reseller/licenses', { headers: retired })).status).toBe(
      403,
    )
  })

  it('refuses bad input with 400 BAD_REQUEST and creates nothing', async () => {
    const before = (await booted.payload.count({ collection: 'licenses' })).totalDocs
    for (const body of [
      'not json',
      { product: 'promonitor', type: 'trial' },
      { email: 'nope', product: 'promonitor', type: 'trial' },
      { email: 'a@b.example', product: 'promonitor', type: 'lifetime' },
      { email: 'a@b.example', product: 'promonitor', type: 'subscription', line: 'v9' },
      {
        email: 'a@b.example',
        product: 'promonitor',
        type: 'subscription',
        modules: ['warp-drive'],
      },
      { email: 'a@b.example', product: 'promonitor', type: 'subscription', credits: 10 },
      { email: 'a@b.example', product: 'promonitor', type: 'subscription', days: 0 },
    ]) {
      const answer = await create(body)
      expect(answer.status, JSON.stringify(body)).toBe(400)
      expect(answer.body.code).toBe('BAD_REQUEST')
    }
    expect((await booted.payload.count({ collection: 'licenses' })).totalDocs).toBe(before)
  })

  it("lists only the reseller's own licenses, and a reseller key reads no licenses over REST", async () => {
    const mine = await create({
      email: 'list@widgets.example',
      product: 'promonitor',
      type: 'subscription',
    })
    const theirs = await create(
      { email: 'list@other.example', product: 'collector', type: 'subscription' },
      other,
    )
    const datadogList = await api.call('GET', '/api/v1/reseller/licenses?limit=100', {
      headers: datadog,
    })
    expect(datadogList.status).toBe(200)
    const datadogIds = datadogList.body.licenses.map((license: { id: number }) => license.id)
    expect(datadogIds).toContain(mine.body.license.id)
    expect(datadogIds).not.toContain(theirs.body.license.id)
    expect(datadogList.body.licenses[0]).toMatchObject({
      id: mine.body.license.id,
      key: mine.body.license.key,
      product: 'promonitor',
      customer: { name: 'list@widgets.example' },
      type: 'subscription',
      activeClients: 0,
    })
    const otherList = await api.call('GET', '/api/v1/reseller/licenses', { headers: other })
    expect(otherList.body.licenses.map((license: { id: number }) => license.id)).toEqual([
      theirs.body.license.id,
    ])
    const rest = await api.call('GET', `/api/licenses/${theirs.body.license.id}`, {
      headers: datadog,
    })
    expect(rest.status).toBe(403)
    const restList = await api.call('GET', '/api/licenses', { headers: datadog })
    expect(restList.status).toBe(403)
    expect(
      (await api.call('GET', '/api/v1/reseller/licenses?limit=1000', { headers: datadog })).status,
    ).toBe(400)
  })
})
