import { hkdfSync, randomUUID } from 'node:crypto'

import { SignJWT } from 'jose'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { deliverOutbox } from '../../plugins/mailers'
import {
  claimRegistration,
  describeRegistration,
  issueRegistrationToken,
  RegistrationError,
} from '../../plugins/registration'
import type { Customer } from '../../payload-types'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import {
  createCatalogue,
  createCustomer,
  createCustomerAccount,
  createLicense,
} from '../helpers/fixtures'
import { loginHeaders, rest } from '../helpers/rest'
import { serveApi, type ApiServer } from '../helpers/serveApi'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'

describe('register links: the mailbox owner claims a trial or reseller company', () => {
  let booted: TestPayload
  let api: ApiServer
  let smtp: SmtpSink
  let acme: Customer
  let address = 0
  const alicePassword = 'portal-password-1'
  const datadog = { Authorization: 'resellers API-Key datadog-key-000000000001' }

  const requestTrial = (body: unknown) =>
    api.call('POST', '/api/v1/trials', {
      body,
      headers: { 'X-Forwarded-For': `198.51.100.${++address}` },
    })

  /** Requests a trial for `email` and returns the token of the register link in the mail it got. */
  const trialLink = async (email: string, product = 'promonitor') => {
    const answer = await requestTrial({ email, product })
    expect(answer.status).toBe(201)
    const {
      docs: [license],
    } = await booted.payload.find({
      collection: 'licenses',
      where: { key: { equals: answer.body.key } },
      depth: 0,
    })
    return {
      key: answer.body.key as string,
      license,
      company: license.customer as number,
      token: await tokenMailedTo(email),
    }
  }
  const tokenMailedTo = async (email: string) => {
    await deliverOutbox(booted.payload)
    await smtp.waitFor(1)
    const mail = smtp.mails
      .filter((candidate) => candidate.to && 'text' in candidate.to && candidate.to.text === email)
      .at(-1)
    const match = mail?.text?.match(
      /https:\/\/hub\.example\.com\/portal\/register\?token=([\w.%-]+)/,
    )
    if (!match) throw new Error(`No register link mailed to ${email}`)
    return decodeURIComponent(match[1])
  }
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => 'claimed',
      (error) => (error instanceof RegistrationError ? error.code : Promise.reject(error)),
    )
  const accountOf = (email: string) =>
    booted.payload
      .find({
        collection: 'customer-users',
        where: { email: { equals: email } },
        showHiddenFields: true,
        depth: 0,
      })
      .then(({ docs }) => docs[0])
  const claims = () =>
    booted.payload.count({ collection: 'registration-claims' }).then(({ totalDocs }) => totalDocs)

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
    await booted.payload.create({
      collection: 'resellers',
      data: {
        name: 'DataDog',
        enableAPIKey: true,
        apiKey: 'datadog-key-000000000001',
        allowedProducts: [promonitor.id],
        allowedTypes: ['trial', 'subscription'],
      } as never,
    })
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

  it("links a trial made with an existing account's email to that account once its password is given, and signs it in", async () => {
    const trial = await trialLink('alice@acme.example')
    await expect(describeRegistration(booted.payload, trial.token)).resolves.toMatchObject({
      email: 'alice@acme.example',
      hasAccount: true,
      company: { id: trial.company },
    })

    const before = await accountOf('alice@acme.example')
    expect(
      await refusal(
        claimRegistration(booted.payload, { token: trial.token, password: 'not-her-password' }),
      ),
    ).toBe('WRONG_PASSWORD')
    expect((await accountOf('alice@acme.example')).customers).toEqual(before.customers)
    expect(await claims()).toBe(0)

    const claimed = await claimRegistration(booted.payload, {
      token: trial.token,
      password: alicePassword,
    })
    expect(claimed).toMatchObject({
      accountCreated: false,
      account: { id: before.id },
      company: { id: trial.company },
    })
    const after = await accountOf('alice@acme.example')
    expect(after.customers).toEqual([acme.id, trial.company])
    expect(after.hash).toBe(before.hash)

    const session = { Authorization: `JWT ${claimed.session.token}` }
    const licenses = await rest<{ docs: Array<{ key: string }> }>(
      booted,
      'GET',
      '/api/licenses?limit=100&depth=0',
      { headers: session },
    )
    expect(licenses.body.docs.map((license) => license.key)).toContain(trial.key)
    expect(
      await refusal(
        claimRegistration(booted.payload, { token: trial.token, password: alicePassword }),
      ),
    ).toBe('LINK_USED')
    await expect(describeRegistration(booted.payload, trial.token)).rejects.toMatchObject({
      code: 'LINK_USED',
    })
  })

  it('makes no account for a new email until its link is claimed; then the account logs in with the chosen password and sees the trial', async () => {
    const trial = await trialLink('nina@newco.example')
    expect(await accountOf('nina@newco.example')).toBeUndefined()
    await expect(describeRegistration(booted.payload, trial.token)).resolves.toMatchObject({
      hasAccount: false,
      company: { name: 'nina@newco.example' },
    })

    const claimed = await claimRegistration(booted.payload, {
      token: trial.token,
      password: 'nina-chose-this-1',
    })
    expect(claimed).toMatchObject({
      accountCreated: true,
      account: { email: 'nina@newco.example' },
    })
    expect((await accountOf('nina@newco.example')).customers).toEqual([trial.company])

    const headers = await loginHeaders(
      booted,
      'customer-users',
      'nina@newco.example',
      'nina-chose-this-1',
    )
    const licenses = await rest<{ docs: Array<{ key: string }> }>(
      booted,
      'GET',
      '/api/licenses?depth=0',
      { headers },
    )
    expect(licenses.body.docs.map((license) => license.key)).toEqual([trial.key])
    // How the company came to be is staff-only: the account reads its company without it.
    const company = await rest<Record<string, unknown>>(
      booted,
      'GET',
      `/api/customers/${trial.company}?depth=0`,
      { headers },
    )
    expect(company.status).toBe(200)
    expect(company.body).toMatchObject({ name: 'nina@newco.example' })
    expect(company.body).not.toHaveProperty('origin')
    expect(company.body).not.toHaveProperty('reseller')
    const claim = await booted.payload.find({
      collection: 'registration-claims',
      where: { email: { equals: 'nina@newco.example' } },
      depth: 0,
    })
    expect(claim.docs[0]).toMatchObject({
      customer: trial.company,
      license: trial.license.id,
      account: claimed.account.id,
    })
  })

  it('refuses a claim from an address past its sign-in budget for the account, keeps the link, and lets the owner claim from elsewhere', async () => {
    const bravo = await createCustomer(booted.payload, 'Bravo Mining', [
      { email: 'bea@bravo.example' },
    ])
    await createCustomerAccount(
      booted.payload,
      'bea@bravo.example',
      [bravo.id],
      'bea-api-key-00000001',
    )
    const trial = await trialLink('bea@bravo.example')
    const before = await claims()
    const stranger = new Headers({ 'x-forwarded-for': '203.0.113.77' })
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(
        await refusal(
          claimRegistration(booted.payload, {
            token: trial.token,
            password: `guess-${attempt}`,
            headers: stranger,
          }),
        ),
      ).toBe('WRONG_PASSWORD')
    }
    expect(
      await refusal(
        claimRegistration(booted.payload, {
          token: trial.token,
          password: alicePassword,
          headers: stranger,
        }),
      ),
    ).toBe('TOO_MANY_SIGN_INS')
    expect(await claims()).toBe(before)
    const owner = new Headers({ 'x-forwarded-for': '198.51.100.200' })
    await expect(
      claimRegistration(booted.payload, {
        token: trial.token,
        password: alicePassword,
        headers: owner,
      }),
    ).resolves.toMatchObject({ accountCreated: false })
    expect(await claims()).toBe(before + 1)
  })

  it('refuses a password that breaks the rules and keeps the link usable', async () => {
    const trial = await trialLink('omar@newco.example')
    expect(
      await refusal(claimRegistration(booted.payload, { token: trial.token, password: 'ab' })),
    ).toBe('PASSWORD_REJECTED')
    expect(await accountOf('omar@newco.example')).toBeUndefined()
    await expect(
      claimRegistration(booted.payload, { token: trial.token, password: 'a-good-password' }),
    ).resolves.toMatchObject({ accountCreated: true })
  })

  it('refuses an expired, tampered, foreign or malformed link, and changes nothing', async () => {
    const trial = await trialLink('pia@newco.example')
    const expired = await issueRegistrationToken(
      booted.payload,
      { email: 'pia@newco.example', customer: trial.company },
      new Date(Date.now() - 15 * 86_400_000),
    )
    const [header, body, signature] = trial.token.split('.')
    const tokenClaims = JSON.parse(Buffer.from(body, 'base64url').toString())
    const reclaimed = (changes: Record<string, unknown>) =>
      [
        header,
        Buffer.from(JSON.stringify({ ...tokenClaims, ...changes })).toString('base64url'),
        signature,
      ].join('.')
    const otherSecretKey = new Uint8Array(
      hkdfSync(
        'sha256',
        'another-secret',
        'license-update-hub',
        'portal-registration-token v1',
        32,
      ),
    )
    const foreign = await new SignJWT({ customer: acme.id })
      .setProtectedHeader({ alg: 'HS256', typ: 'register+jwt' })
      .setJti(randomUUID())
      .setSubject('pia@newco.example')
      .setAudience('portal-registration')
      .setIssuedAt()
      .setExpirationTime('1d')
      .sign(otherSecretKey)
    const accounts = (await booted.payload.count({ collection: 'customer-users' })).totalDocs
    const used = await claims()

    const refused = {
      expired: await refusal(
        claimRegistration(booted.payload, { token: expired, password: 'pia-password-1' }),
      ),
      otherCompany: await refusal(
        claimRegistration(booted.payload, {
          token: reclaimed({ customer: acme.id }),
          password: 'pia-password-1',
        }),
      ),
      otherEmail: await refusal(
        claimRegistration(booted.payload, {
          token: reclaimed({ sub: 'alice@acme.example' }),
          password: alicePassword,
        }),
      ),
      otherSecret: await refusal(
        claimRegistration(booted.payload, { token: foreign, password: 'pia-password-1' }),
      ),
      malformed: await refusal(
        claimRegistration(booted.payload, { token: 'not-a-token', password: 'pia-password-1' }),
      ),
    }
    expect(refused).toEqual({
      expired: 'LINK_EXPIRED',
      otherCompany: 'LINK_INVALID',
      otherEmail: 'LINK_INVALID',
      otherSecret: 'LINK_INVALID',
      malformed: 'LINK_INVALID',
    })
    expect((await booted.payload.count({ collection: 'customer-users' })).totalDocs).toBe(accounts)
    expect(await claims()).toBe(used)
    expect((await accountOf('alice@acme.example')).customers).not.toContain(trial.company)
  })

  it('lets exactly one of two parallel claims of one link succeed', async () => {
    const fresh = await trialLink('quinn@newco.example')
    const outcomes = await Promise.all(
      [1, 2].map((n) =>
        refusal(
          claimRegistration(booted.payload, {
            token: fresh.token,
            password: `quinn-password-${n}`,
          }),
        ),
      ),
    )
    expect(outcomes.sort()).toEqual(['LINK_USED', 'claimed'])
    expect(
      (
        await booted.payload.count({
          collection: 'customer-users',
          where: { email: { equals: 'quinn@newco.example' } },
        })
      ).totalDocs,
    ).toBe(1)

    const existing = await trialLink('alice@acme.example', 'collector')
    const linked = await Promise.all(
      [1, 2].map(() =>
        refusal(
          claimRegistration(booted.payload, { token: existing.token, password: alicePassword }),
        ),
      ),
    )
    expect(linked.sort()).toEqual(['LINK_USED', 'claimed'])
    const companies = (await accountOf('alice@acme.example')).customers as number[]
    expect(companies.filter((id) => id === existing.company)).toHaveLength(1)
  })

  it("lets a reseller's new subscriber claim the reseller's company for them", async () => {
    const answer = await api.call('POST', '/api/v1/reseller/licenses', {
      body: {
        email: 'rita@reseller-sub.example',
        company: 'Rita GmbH',
        product: 'promonitor',
        type: 'subscription',
      },
      headers: datadog,
    })
    expect(answer.status).toBe(201)
    const token = await tokenMailedTo('rita@reseller-sub.example')
    expect(JSON.stringify(answer.body)).not.toContain(token)
    const claimed = await claimRegistration(booted.payload, { token, password: 'rita-password-1' })
    expect(claimed).toMatchObject({ accountCreated: true, company: { name: 'Rita GmbH' } })
    const license = await booted.payload.findByID({
      collection: 'licenses',
      id: answer.body.license.id,
      depth: 0,
    })
    expect((await accountOf('rita@reseller-sub.example')).customers).toEqual([license.customer])
  })
})
