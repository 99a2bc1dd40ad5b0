import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { deliverOutbox } from '../../plugins/mailers'
import type { Customer, License } from '../../payload-types'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCatalogue, createCustomer, createCustomerAccount } from '../helpers/fixtures'
import { serveApi, type ApiServer } from '../helpers/serveApi'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'

// A reseller writes only into companies it created or that staff assigned to it; another
// company's subscriber gets a company of the reseller's own, and no account changes.
describe('resellers write only into their own companies', () => {
  let booted: TestPayload
  let api: ApiServer
  let smtp: SmtpSink
  let direct: Customer
  let datadogId: number
  const datadog = { Authorization: 'resellers API-Key datadog-key-000000000001' }
  const other = { Authorization: 'resellers API-Key other-key-00000000000002' }

  const create = (body: unknown, headers: Record<string, string> = datadog) =>
    api.call('POST', '/api/v1/reseller/licenses', { body, headers })
  const licenseOf = (id: number) =>
    booted.payload.findByID({ collection: 'licenses', id, depth: 1 }) as Promise<
      License & { customer: Customer }
    >
  const accountOf = (email: string) =>
    booted.payload
      .find({
        collection: 'customer-users',
        where: { email: { equals: email } },
        showHiddenFields: true,
        depth: 0,
      })
      .then(({ docs }) => docs[0])
  const licensesOf = (customer: number) =>
    booted.payload
      .count({ collection: 'licenses', where: { customer: { equals: customer } } })
      .then(({ totalDocs }) => totalDocs)

  beforeAll(async () => {
    smtp = await startSmtpSink()
    booted = await bootPayload({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://hub.example.com' })
    api = await serveApi(booted)
    const { promonitor } = await createCatalogue(booted.payload)
    const reseller = (name: string, apiKey: string) =>
      booted.payload.create({
        collection: 'resellers',
        data: {
          name,
          enableAPIKey: true,
          apiKey,
          allowedProducts: [promonitor.id],
          allowedTypes: ['trial', 'subscription'],
        } as never,
      })
    datadogId = (await reseller('DataDog', 'datadog-key-000000000001')).id as number
    await reseller('Other Partner', 'other-key-00000000000002')
    direct = await createCustomer(booted.payload, 'Direct Co', [{ email: 'bob@direct.example' }])
    await createCustomerAccount(
      booted.payload,
      'bob@direct.example',
      [direct.id],
      'bob-api-key-000000001',
    )
  })
  afterAll(async () => {
    await api?.close()
    await booted?.shutdown()
    await smtp?.close()
  })
  beforeEach(async () => {
    await deliverOutbox(booted.payload)
    smtp.mails.length = 0
  })

  it("creates no license in a direct customer's company and leaves the customer's account as it was", async () => {
    const before = await accountOf('bob@direct.example')
    for (const company of [undefined, 'Direct Co', 'Bob Side Project']) {
      const answer = await create({
        email: 'bob@direct.example',
        ...(company ? { company } : {}),
        product: 'promonitor',
        type: 'subscription',
      })
      expect(answer.status).toBe(201)
      const license = await licenseOf(answer.body.license.id)
      expect(license.customer.id).not.toBe(direct.id)
      expect(license.customer).toMatchObject({ origin: 'reseller', reseller: datadogId })
    }
    expect(await licensesOf(direct.id)).toBe(0)
    const after = await accountOf('bob@direct.example')
    expect(after).toMatchObject({
      updatedAt: before.updatedAt,
      hash: before.hash,
      customers: [direct.id],
    })
  })

  it("puts a second license for the same subscriber into the reseller's same company", async () => {
    const first = await create({
      email: 'carol@direct.example',
      product: 'promonitor',
      type: 'subscription',
    })
    const second = await create({
      email: 'Carol@Direct.example',
      product: 'promonitor',
      type: 'trial',
    })
    expect(second.status).toBe(201)
    const companies = [
      (await licenseOf(first.body.license.id)).customer,
      (await licenseOf(second.body.license.id)).customer,
    ]
    expect(companies[0].id).toBe(companies[1].id)
    expect(companies[0]).toMatchObject({
      name: 'carol@direct.example',
      reseller: datadogId,
      contacts: [expect.objectContaining({ email: 'carol@direct.example' })],
    })
  })

  it('gives another reseller its own company for the same subscriber, and each lists only its own licenses', async () => {
    const mine = await create({
      email: 'dora@shared.example',
      product: 'promonitor',
      type: 'subscription',
    })
    const theirs = await create(
      { email: 'dora@shared.example', product: 'promonitor', type: 'subscription' },
      other,
    )
    expect(theirs.status).toBe(201)
    const [myCompany, theirCompany] = [
      (await licenseOf(mine.body.license.id)).customer,
      (await licenseOf(theirs.body.license.id)).customer,
    ]
    expect(myCompany.id).not.toBe(theirCompany.id)
    const list = await api.call('GET', '/api/v1/reseller/licenses?limit=100', { headers: datadog })
    const listed = list.body.licenses as Array<{ id: number; customer: { id: number } }>
    expect(listed.map((license) => license.id)).toContain(mine.body.license.id)
    expect(listed.map((license) => license.id)).not.toContain(theirs.body.license.id)
    expect(
      listed.every(
        (license) => license.customer.id !== theirCompany.id && license.customer.id !== direct.id,
      ),
    ).toBe(true)
  })

  it('creates no portal account for a new subscriber, and answers the plain register page without a token', async () => {
    const answer = await create({
      email: 'erik@newsub.example',
      product: 'promonitor',
      type: 'subscription',
    })
    expect(answer.body.registerUrl).toBe('https://hub.example.com/portal/register')
    expect(await accountOf('erik@newsub.example')).toBeUndefined()
  })
})
