import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { deliverOutbox } from '../../plugins/mailers'
import { SignedKind, verifyLicenseFile, verifySignedAnswer, type TrustStore } from '../../src/sdk'
import type { Customer } from '../../payload-types'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import {
  createCatalogue,
  createCustomer,
  createCustomerAccount,
  pinnedTrust,
} from '../helpers/fixtures'
import { serveApi, type ApiServer } from '../helpers/serveApi'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'

describe('in-app trials', () => {
  let booted: TestPayload
  let api: ApiServer
  let smtp: SmtpSink
  let trust: TrustStore
  let acme: Customer
  let address = 0

  /**
   * Each call comes from its own address unless told, so the per-address limit stays out of the
   * way.
   */
  const requestTrial = (body: unknown, from = `198.51.100.${++address}`) =>
    api.call('POST', '/api/v1/trials', { body, headers: { 'X-Forwarded-For': from } })

  const deliver = async (count: number) => {
    await deliverOutbox(booted.payload)
    return smtp.waitFor(count)
  }

  beforeAll(async () => {
    smtp = await startSmtpSink()
    booted = await bootPayload({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://hub.example.com' })
    api = await serveApi(booted)
    await createCatalogue(booted.payload)
    acme = await createCustomer(booted.payload, 'Acme Industrial')
    await createCustomerAccount(
      booted.payload,
      'alice@acme.example',
      [acme.id],
      'alice-api-key-0001',
    )
    trust = await pinnedTrust(api.call)
  })
  afterAll(async () => {
    await api?.close()
    await booted?.shutdown()
    await smtp?.close()
  })
  beforeEach(() => {
    smtp.mails.length = 0
  })

  // Was "creates a customer, an account and a trial": an anonymous request must not create an
  // account (issue 9); the mailbox owner makes it through the register link in the mail.
  it('creates a company of its own for the email (no account), a trial, activates the machine, and mails the key with a register link', async () => {
    const answer = await requestTrial({
      email: 'Dana@NewCo.example',
      product: 'promonitor',
      fingerprint: 'dana-laptop',
      source: 'datadog-button',
    })
    expect(answer.status).toBe(201)
    expect(answer.body).toEqual({
      code: 'TRIAL_CREATED',
      key: expect.stringMatching(/^PMON-/),
      licenseFile: expect.any(String),
    })

    const file = await verifyLicenseFile(answer.body.licenseFile, {
      trust,
      fingerprint: 'dana-laptop',
    })
    expect(file).toMatchObject({
      key: answer.body.key,
      type: 'trial',
      line: 'v7',
      modules: ['reporting', 'sla', 'topology'],
      customer: { name: 'dana@newco.example' },
    })
    const {
      docs: [license],
    } = await booted.payload.find({
      collection: 'licenses',
      where: { key: { equals: answer.body.key } },
    })
    expect(license).toMatchObject({
      type: 'trial',
      maxClients: 1,
      activeClients: 1,
      daysLeft: 30,
      customer: {
        origin: 'trial',
        contacts: [expect.objectContaining({ email: 'dana@newco.example' })],
      },
    })
    const account = await booted.payload.find({
      collection: 'customer-users',
      where: { email: { equals: 'dana@newco.example' } },
    })
    expect(account.totalDocs).toBe(0)

    const [mail] = await deliver(1)
    expect(mail.to).toMatchObject({ text: 'dana@newco.example' })
    expect(mail.subject).toBe('Your ProMonitor trial key')
    expect(mail.text).toContain(answer.body.key)
    expect(mail.text).toMatch(/https:\/\/hub\.example\.com\/portal\/register\?token=[\w.-]+/)
    expect(mail.text).not.toContain('email=')

    const events = await booted.payload.find({
      collection: 'license-events',
      where: { license: { equals: license.id } },
      sort: 'createdAt',
    })
    expect(events.docs.map((event) => event.type)).toEqual([
      'created',
      'trial-started',
      'activated',
    ])
    expect(events.docs[0].actor).toMatchObject({
      kind: 'app',
      label: 'trial button (datadog-button)',
    })
  })

  it('answers TRIAL_EXISTS without the key for a second trial of the same email and product, and re-sends the mail', async () => {
    const first = await requestTrial({ email: 'erin@newco.example', product: 'promonitor' })
    expect(first.status).toBe(201)
    expect(first.body.licenseFile).toBeUndefined()
    await deliver(1)
    const second = await requestTrial({ email: 'ERIN@newco.example', product: 'promonitor' })
    expect(second.status).toBe(409)
    expect(second.body).toEqual({ code: 'TRIAL_EXISTS', message: expect.any(String) })
    expect(JSON.stringify(second.body)).not.toContain(first.body.key)
    const mails = await deliver(2)
    expect(mails).toHaveLength(2)
    expect(mails[1].text).toContain(first.body.key)
    const trials = await booted.payload.find({
      collection: 'licenses',
      where: { key: { equals: first.body.key } },
    })
    expect(trials.totalDocs).toBe(1)
  })

  // Was "gives an existing account the trial in its own company": anyone may send that email, so
  // the trial goes into a company of its own until alice claims it (issue 9).
  it("gives a trial for an existing account's email a company of its own, not the account's", async () => {
    const answer = await requestTrial({
      email: 'alice@acme.example',
      product: 'collector',
      line: 'V6',
    })
    expect(answer.status).toBe(201)
    const {
      docs: [license],
    } = await booted.payload.find({
      collection: 'licenses',
      where: { key: { equals: answer.body.key } },
      depth: 0,
    })
    expect(license).toMatchObject({ line: 'v6' })
    expect(license.customer).not.toBe(acme.id)
    expect(
      (
        await booted.payload.count({
          collection: 'customer-users',
          where: { email: { equals: 'alice@acme.example' } },
        })
      ).totalDocs,
    ).toBe(1)
  })

  it('creates one trial when the same email asks twice at once', async () => {
    const answers = await Promise.all([
      requestTrial({ email: 'race@newco.example', product: 'promonitor' }),
      requestTrial({ email: 'race@newco.example', product: 'promonitor' }),
    ])
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409])
    expect(
      (
        await booted.payload.count({
          collection: 'customers',
          where: { 'contacts.email': { equals: 'race@newco.example' } },
        })
      ).totalDocs,
    ).toBe(1)
  })

  it('refuses bad input with 400 and creates nothing', async () => {
    const before = (await booted.payload.count({ collection: 'licenses' })).totalDocs
    for (const body of [
      { email: 'not-an-email', product: 'promonitor' },
      { email: 'x@y.example' },
      { email: 'x@y.example', product: 'nothing' },
      { email: 'x@y.example', product: 'promonitor', line: 'v9' },
      '{oops',
    ]) {
      const answer = await requestTrial(body)
      expect(answer.status).toBe(400)
      expect(answer.body.code).toBe('BAD_REQUEST')
    }
    expect((await booted.payload.count({ collection: 'licenses' })).totalDocs).toBe(before)
  })

  it('limits trial requests per email a day, counted in the database', async () => {
    const email = 'eager@newco.example'
    const statuses: number[] = []
    for (let attempt = 0; attempt < 6; attempt++)
      statuses.push((await requestTrial({ email, product: 'promonitor' })).status)
    expect(statuses).toEqual([201, 409, 409, 409, 409, 429])
    expect(
      (
        await booted.payload.count({
          collection: 'trial-requests',
          where: { email: { equals: email } },
        })
      ).totalDocs,
    ).toBe(6)
  })

  it('a burst of 10 requests at once for one email, twice the daily budget, still makes the one trial: the first 5 are within the budget, the rest 429', async () => {
    const email = 'burst@newco.example'
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => requestTrial({ email, product: 'promonitor' })),
    )
    const outcomes = answers.map((answer) => `${answer.status} ${answer.body.code}`).sort()
    expect(outcomes).toEqual([
      '201 TRIAL_CREATED',
      ...Array(4).fill('409 TRIAL_EXISTS'),
      ...Array(5).fill('429 RATE_LIMITED'),
    ])
    const companies = await booted.payload.find({
      collection: 'customers',
      where: { 'contacts.email': { equals: email } },
      depth: 0,
    })
    expect(companies.totalDocs).toBe(1)
    expect(
      (
        await booted.payload.count({
          collection: 'licenses',
          where: { customer: { equals: companies.docs[0].id } },
        })
      ).totalDocs,
    ).toBe(1)
  })

  it('limits trial requests per address an hour', async () => {
    const statuses: number[] = []
    for (let attempt = 0; attempt < 11; attempt++)
      statuses.push(
        (
          await requestTrial(
            { email: `flood-${attempt}@spam.example`, product: 'nothing' },
            '203.0.113.9',
          )
        ).status,
      )
    expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true)
    expect(statuses[10]).toBe(429)
    const limited = await requestTrial(
      { email: 'flood@spam.example', product: 'promonitor' },
      '203.0.113.9',
    )
    expect(limited.body.code).toBe('RATE_LIMITED')
    expect(limited.headers.get('retry-after')).toBeTruthy()
  })

  it('signs nothing it should not: the trial answer carries a license file the SDK verifies only with the pinned key', async () => {
    const answer = await requestTrial({
      email: 'frank@newco.example',
      product: 'promonitor',
      fingerprint: 'frank-pc',
    })
    await expect(
      verifySignedAnswer(answer.body.licenseFile, SignedKind.license, { trust }),
    ).resolves.toMatchObject({ fingerprint: 'frank-pc' })
  })
})
