import type { ParsedMail } from 'mailparser'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { deliverOutbox } from '../../plugins/mailers'
import { mailPasswordReset, resetPasswordWithToken } from '../../plugins/signIn'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCustomer, createCustomerAccount } from '../helpers/fixtures'
import { rest } from '../helpers/rest'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { failSignIns, signInFrom } from './signInFrom'

const publicUrl = 'https://hub.example.test'

const linksIn = (mail: ParsedMail): string[] =>
  [...String(mail.html).matchAll(/href="([^"]+)"/g)].map((match) => match[1].replace(/&amp;/g, '&'))

/** Asks for a reset over REST and returns the one link of the mail that arrives through SMTP. */
const askForReset = async (
  booted: TestPayload,
  sink: SmtpSink,
  collection: 'users' | 'customer-users',
  email: string,
  address = '192.0.2.1',
): Promise<URL> => {
  const answer = await rest(booted, 'POST', `/api/${collection}/forgot-password`, {
    body: { email },
    headers: { 'x-forwarded-for': address },
  })
  expect(answer.status).toBe(200)
  const [mail] = await sink.waitFor(1)
  expect(mail, 'the reset mail arrived').toBeDefined()
  expect((mail.to as { text: string }).text).toBe(email)
  const links = linksIn(mail)
  expect(links).toHaveLength(1)
  for (const link of links)
    expect(link.startsWith(`${publicUrl}/`), `${link} is absolute from PUBLIC_URL`).toBe(true)
  expect(String(mail.text ?? '')).not.toMatch(/href="\//)
  return new URL(links[0])
}

describe('password reset mails link to the right page, absolute from PUBLIC_URL', () => {
  let booted: TestPayload
  let sink: SmtpSink
  let customerId: number

  beforeAll(async () => {
    sink = await startSmtpSink()
    booted = await bootPayload({ SMTP_URL: sink.url, PUBLIC_URL: publicUrl })
    customerId = (await createCustomer(booted.payload, 'Acme Industrial')).id
  })
  afterAll(async () => {
    await booted?.shutdown()
    await sink?.close()
  })
  beforeEach(() => {
    sink.mails.length = 0
  })

  it('a customer gets PUBLIC_URL/portal/reset?token=…, and the reset there changes the password', async () => {
    await createCustomerAccount(booted.payload, 'alice@acme.test', [customerId], 'alice-api-key')
    const link = await askForReset(booted, sink, 'customer-users', 'alice@acme.test')
    expect(`${link.origin}${link.pathname}`).toBe(`${publicUrl}/portal/reset`)
    const token = link.searchParams.get('token')!
    expect(token).toMatch(/^[0-9a-f]{40}$/)

    const reset = await resetPasswordWithToken(booted.payload, {
      collection: 'customer-users',
      token,
      password: 'new-portal-password-2',
      passwordAgain: 'new-portal-password-2',
    })
    expect(reset).toEqual({ changed: true })
    expect(
      (
        await signInFrom(
          booted,
          '192.0.2.2',
          'customer-users',
          'alice@acme.test',
          'portal-password-1',
        )
      ).status,
    ).toBe(401)
    expect(
      (
        await signInFrom(
          booted,
          '192.0.2.2',
          'customer-users',
          'alice@acme.test',
          'new-portal-password-2',
        )
      ).status,
    ).toBe(200)
    // The link is single-use.
    const again = await resetPasswordWithToken(booted.payload, {
      collection: 'customer-users',
      token,
      password: 'third-password-3',
      passwordAgain: 'third-password-3',
    })
    expect(again).toMatchObject({ changed: false, problem: 'INVALID_TOKEN' })
  })

  it('the portal’s forgot form queues the mail in the outbox, which delivers it with a working link; an unknown email queues nothing', async () => {
    const { payload } = booted
    await createCustomerAccount(payload, 'olga@acme.test', [customerId], 'olga-api-key')
    const queued = async () =>
      (
        await payload.find({
          collection: 'outbox',
          where: { to: { in: ['olga@acme.test', 'nobody@acme.test'] } },
          depth: 0,
        })
      ).docs
    await mailPasswordReset(payload, { collection: 'customer-users', email: 'nobody@acme.test' })
    expect(await queued()).toEqual([])

    await mailPasswordReset(payload, { collection: 'customer-users', email: 'olga@acme.test' })
    const [row] = await queued()
    expect(row).toMatchObject({ status: 'queued', subject: 'Reset your ProMonitor password' })
    expect(row.text).toContain(`${publicUrl}/portal/reset?token=`)
    const token = new URL(row.text.match(/https:\S+/)![0]).searchParams.get('token')!
    expect(row.idempotencyKey).not.toContain(token)
    expect(sink.mails).toHaveLength(0)

    await deliverOutbox(payload)
    const [mail] = await sink.waitFor(1)
    expect((mail.to as { text: string }).text).toBe('olga@acme.test')
    expect(linksIn(mail)).toEqual([`${publicUrl}/portal/reset?token=${token}`])
    const outcome = await resetPasswordWithToken(payload, {
      collection: 'customer-users',
      token,
      password: 'olga-new-password-1',
      passwordAgain: 'olga-new-password-1',
    })
    expect(outcome.changed).toBe(true)
  })

  it('staff get PUBLIC_URL/admin/reset/<token>, and Payload’s reset changes the password', async () => {
    await booted.payload.create({
      collection: 'users',
      data: {
        email: 'support@example.test',
        password: 'staff-password-1',
        roles: ['support'],
      } as never,
    })
    const link = await askForReset(booted, sink, 'users', 'support@example.test')
    const [, token] = link.pathname.match(/^\/admin\/reset\/([0-9a-f]{40})$/) ?? []
    expect(link.origin).toBe(publicUrl)
    expect(token).toBeTruthy()

    const reset = await rest(booted, 'POST', '/api/users/reset-password', {
      body: { token, password: 'new-staff-password-2' },
    })
    expect(reset.status).toBe(200)
    expect(
      (await signInFrom(booted, '192.0.2.3', 'users', 'support@example.test', 'staff-password-1'))
        .status,
    ).toBe(401)
    expect(
      (
        await signInFrom(
          booted,
          '192.0.2.3',
          'users',
          'support@example.test',
          'new-staff-password-2',
        )
      ).status,
    ).toBe(200)
  })

  it('an address throttled for an account still asks for a reset and resets, and then signs in from there', async () => {
    await createCustomerAccount(booted.payload, 'bob@acme.test', [customerId], 'bob-api-key')
    await failSignIns(booted, '203.0.113.20', 'customer-users', 'bob@acme.test', 7)
    expect(
      (
        await signInFrom(
          booted,
          '203.0.113.20',
          'customer-users',
          'bob@acme.test',
          'portal-password-1',
        )
      ).status,
    ).toBe(429)

    const link = await askForReset(booted, sink, 'customer-users', 'bob@acme.test', '203.0.113.20')
    const token = link.searchParams.get('token')!
    const reset = await rest(booted, 'POST', '/api/customer-users/reset-password', {
      body: { token, password: 'bob-new-password-2' },
      headers: { 'x-forwarded-for': '203.0.113.20' },
    })
    expect(reset.status).toBe(200)
    expect(
      (
        await signInFrom(
          booted,
          '203.0.113.20',
          'customer-users',
          'bob@acme.test',
          'bob-new-password-2',
        )
      ).status,
    ).toBe(200)
  })

  it('the portal reset refuses two different passwords and an unknown token, and changes nothing', async () => {
    await createCustomerAccount(booted.payload, 'carol@acme.test', [customerId], 'carol-api-key')
    const token = (
      await askForReset(booted, sink, 'customer-users', 'carol@acme.test')
    ).searchParams.get('token')!

    const mismatch = await resetPasswordWithToken(booted.payload, {
      collection: 'customer-users',
      token,
      password: 'carol-new-password-2',
      passwordAgain: 'carol-new-password-3',
    })
    expect(mismatch).toMatchObject({ changed: false, problem: 'PASSWORDS_DIFFER' })
    const empty = await resetPasswordWithToken(booted.payload, {
      collection: 'customer-users',
      token,
      password: '',
      passwordAgain: '',
    })
    expect(empty).toMatchObject({ changed: false, problem: 'PASSWORD_REFUSED' })
    const unknown = await resetPasswordWithToken(booted.payload, {
      collection: 'customer-users',
      token: 'f'.repeat(40),
      password: 'carol-new-password-2',
      passwordAgain: 'carol-new-password-2',
    })
    expect(unknown).toMatchObject({ changed: false, problem: 'INVALID_TOKEN' })
    expect(
      (
        await signInFrom(
          booted,
          '192.0.2.4',
          'customer-users',
          'carol@acme.test',
          'portal-password-1',
        )
      ).status,
    ).toBe(200)

    // The token survived the refusals: the owner can still use it.
    expect(
      await resetPasswordWithToken(booted.payload, {
        collection: 'customer-users',
        token,
        password: 'carol-new-password-2',
        passwordAgain: 'carol-new-password-2',
      }),
    ).toEqual({ changed: true })
  })

  it('an expired token is refused with its own clear problem', async () => {
    await createCustomerAccount(booted.payload, 'dan@acme.test', [customerId], 'dan-api-key')
    const token = (
      await askForReset(booted, sink, 'customer-users', 'dan@acme.test')
    ).searchParams.get('token')!
    await booted.payload.db.updateOne({
      collection: 'customer-users',
      where: { email: { equals: 'dan@acme.test' } },
      data: { resetPasswordExpiration: new Date(Date.now() - 1000).toISOString() },
    })
    const expired = await resetPasswordWithToken(booted.payload, {
      collection: 'customer-users',
      token,
      password: 'dan-new-password-2',
      passwordAgain: 'dan-new-password-2',
    })
    expect(expired).toMatchObject({ changed: false, problem: 'INVALID_TOKEN' })
  })

  it("a refusal thrown by another copy of Payload's error classes (the Next server bundle holds one) is still a refusal, not a 500", async () => {
    // What `next build` gave the portal's reset form for any unknown token: an error of Payload's
    // shape that `instanceof APIError` missed, rethrown into a 500.
    const throwing = (error: Error) =>
      ({
        resetPassword: async () => {
          throw error
        },
      }) as unknown as typeof booted.payload
    const forbidden = Object.assign(new Error('Token is either invalid or has expired.'), {
      name: 'Forbidden',
      status: 403,
    })
    const invalid = Object.assign(new Error('The following field is invalid: password'), {
      name: 'ValidationError',
      status: 400,
      data: { errors: [{ path: 'password', message: 'Too short.' }] },
    })
    const attempt = (payload: typeof booted.payload) =>
      resetPasswordWithToken(payload, {
        collection: 'customer-users',
        token: '0',
        password: 'a-new-password-2026',
        passwordAgain: 'a-new-password-2026',
      })
    await expect(attempt(throwing(forbidden))).resolves.toMatchObject({
      changed: false,
      problem: 'INVALID_TOKEN',
    })
    await expect(attempt(throwing(invalid))).resolves.toEqual({
      changed: false,
      problem: 'PASSWORD_REFUSED',
      message: 'Too short.',
    })
    await expect(attempt(throwing(new Error('database down')))).rejects.toThrow('database down')
  })
})
