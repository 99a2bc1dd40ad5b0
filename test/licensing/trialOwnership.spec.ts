import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { deliverOutbox } from '../../plugins/mailers'
import type { Customer } from '../../payload-types'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import {
  createCatalogue,
  createCustomer,
  createCustomerAccount,
  createLicense,
} from '../helpers/fixtures'
import { serveApi, type ApiServer } from '../helpers/serveApi'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'

// An anonymous trial request proves nothing about who sends it: it must never write into an
// existing company, nor create, link or change an account.
describe('anonymous trials own nothing they have not proven', () => {
  let booted: TestPayload
  let api: ApiServer
  let smtp: SmtpSink
  let acme: Customer
  let address = 0

  const requestTrial = (body: unknown) =>
    api.call('POST', '/api/v1/trials', {
      body,
      headers: { 'X-Forwarded-For': `198.51.100.${++address}` },
    })
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
    acme = await createCustomer(booted.payload, 'Acme Industrial', [
      { email: 'alice@acme.example' },
    ])
    await createCustomerAccount(
      booted.payload,
      'alice@acme.example',
      [acme.id],
      'alice-api-key-0001',
    )
    await createLicense(booted.payload, { customer: acme, product: promonitor })
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

  it("puts a trial for an existing account's email into a company of its own, and leaves the account and its company as they were", async () => {
    const before = await accountOf('alice@acme.example')
    const acmeLicenses = await licensesOf(acme.id)
    const accounts = (await booted.payload.count({ collection: 'customer-users' })).totalDocs

    const answer = await requestTrial({
      email: 'Alice@Acme.example',
      product: 'promonitor',
      fingerprint: 'alice-laptop',
    })
    expect(answer.status).toBe(201)
    expect(answer.body).toEqual({
      code: 'TRIAL_CREATED',
      key: expect.stringMatching(/^PMON-/),
      licenseFile: expect.any(String),
    })

    expect(await licensesOf(acme.id)).toBe(acmeLicenses)
    const after = await accountOf('alice@acme.example')
    expect(after).toMatchObject({
      updatedAt: before.updatedAt,
      hash: before.hash,
      salt: before.salt,
      customers: before.customers,
    })
    expect((await booted.payload.count({ collection: 'customer-users' })).totalDocs).toBe(accounts)

    const {
      docs: [license],
    } = await booted.payload.find({
      collection: 'licenses',
      where: { key: { equals: answer.body.key } },
      depth: 1,
    })
    const company = license.customer as Customer
    expect(company.id).not.toBe(acme.id)
    expect(company).toMatchObject({
      name: 'alice@acme.example',
      origin: 'trial',
      contacts: [expect.objectContaining({ email: 'alice@acme.example' })],
    })
    const linked = await booted.payload.count({
      collection: 'customer-users',
      where: { customers: { in: [company.id] } },
    })
    expect(linked.totalDocs).toBe(0)
  })

  it('answers an email with an account exactly as a new email: same status, same fields', async () => {
    const known = await requestTrial({ email: 'alice@acme.example', product: 'collector' })
    const unknown = await requestTrial({ email: 'nobody-yet@newco.example', product: 'collector' })
    expect(known.status).toBe(201)
    expect(unknown.status).toBe(201)
    expect(Object.keys(known.body).sort()).toEqual(Object.keys(unknown.body).sort())
    expect(known.body).toEqual({ code: 'TRIAL_CREATED', key: expect.any(String) })
  })

  it('creates no portal account for a new email', async () => {
    const answer = await requestTrial({ email: 'gina@newco.example', product: 'promonitor' })
    expect(answer.status).toBe(201)
    expect(await accountOf('gina@newco.example')).toBeUndefined()
  })

  it('puts a second trial of the same email into the same unclaimed trial company', async () => {
    const first = await requestTrial({ email: 'hank@newco.example', product: 'promonitor' })
    const second = await requestTrial({ email: 'hank@newco.example', product: 'collector' })
    const customers = await Promise.all(
      [first, second].map(
        async (answer) =>
          (
            await booted.payload.find({
              collection: 'licenses',
              where: { key: { equals: answer.body.key } },
              depth: 0,
            })
          ).docs[0].customer,
      ),
    )
    expect(customers[0]).toBe(customers[1])
  })

  it('leaves no empty company behind when the same email asks twice at once', async () => {
    const answers = await Promise.all([
      requestTrial({ email: 'twice@newco.example', product: 'promonitor' }),
      requestTrial({ email: 'twice@newco.example', product: 'promonitor' }),
    ])
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409])
    const companies = await booted.payload.find({
      collection: 'customers',
      where: { 'contacts.email': { equals: 'twice@newco.example' } },
      depth: 0,
    })
    expect(companies.totalDocs).toBe(1)
    expect(
      await booted.payload.count({
        collection: 'customer-users',
        where: { email: { equals: 'twice@newco.example' } },
      }),
    ).toMatchObject({ totalDocs: 0 })
  })
})
