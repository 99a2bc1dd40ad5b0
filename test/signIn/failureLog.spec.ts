import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { signIn } from '../../plugins/signIn'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCustomer, createCustomerAccount } from '../helpers/fixtures'
import { failSignIns, signInFrom } from './signInFrom'

type LogCall = { level: string; text: string }

/** What pino writes of an error (its message and stack), which JSON.stringify alone leaves out. */
const withErrorDetails = (_key: string, value: unknown) =>
  value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value

// Payload's own logger is the seam: every line Payload or a plugin writes goes through its methods.
describe('a failed sign-in writes one log line, without a stack trace', () => {
  let booted: TestPayload
  let aliceId: number
  let staffId: number
  const calls: LogCall[] = []

  beforeAll(async () => {
    booted = await bootPayload()
    const customer = await createCustomer(booted.payload, 'Acme Industrial')
    aliceId = (
      await createCustomerAccount(booted.payload, 'alice@acme.test', [customer.id], 'alice-api-key')
    ).id
    staffId = (
      await booted.payload.create({
        collection: 'users',
        data: { email: 'sam@hub.test', password: 'staff-password-1', roles: ['support'] } as never,
      })
    ).id
    for (const level of ['fatal', 'error', 'warn', 'info'] as const) {
      vi.spyOn(booted.payload.logger, level).mockImplementation(((...args: unknown[]) => {
        calls.push({
          level,
          text: args
            .map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg, withErrorDetails)))
            .join(' '),
        })
      }) as never)
    }
  })
  afterEach(() => {
    calls.length = 0
  })
  afterAll(async () => {
    vi.restoreAllMocks()
    await booted?.shutdown()
  })

  it('a wrong password: the address, the account id and the collection, never the password', async () => {
    const answer = await signInFrom(
      booted,
      '203.0.113.10',
      'customer-users',
      'alice@acme.test',
      'Sup3r-Secret-Guess',
    )
    expect(answer.status).toBe(401)
    expect(calls).toHaveLength(1)
    const [line] = calls
    expect(line.text).not.toMatch(/\n|\\n/)
    expect(line.text).not.toMatch(/stack|\bat \S+ \(/)
    expect(line.text).toContain('203.0.113.10')
    expect(line.text).toContain(`account ${aliceId}`)
    expect(line.text).toContain('customer-users')
    expect(line.text).toContain('<alice@acme.test>')
    expect(line.text).not.toContain('Sup3r-Secret-Guess')
  })

  it('a staff member’s wrong password on the admin’s login: one warning with the email and the address', async () => {
    const answer = await signInFrom(booted, '203.0.113.15', 'users', 'sam@hub.test', 'not-it-1')
    expect(answer.status).toBe(401)
    expect(calls).toEqual([
      {
        level: 'warn',
        text: `Sign-in failed: users account ${staffId} <sam@hub.test> from 203.0.113.15`,
      },
    ])
  })

  it('an unknown email: "unknown account"', async () => {
    const answer = await signInFrom(
      booted,
      '203.0.113.11',
      'users',
      'nobody@example.test',
      'Sup3r-Secret-Guess',
    )
    expect(answer.status).toBe(401)
    expect(calls).toHaveLength(1)
    expect(calls[0].text).toContain('unknown account')
    expect(calls[0].text).toContain('203.0.113.11')
    expect(calls[0].text).toContain('users')
    expect(calls[0].text).not.toMatch(/stack|\n|\\n/)
    expect(calls[0].text).not.toContain('Sup3r-Secret-Guess')
  })

  it('a sign-in refused for too many failures: one line too', async () => {
    await failSignIns(booted, '203.0.113.12', 'customer-users', 'alice@acme.test', 5)
    calls.length = 0
    const answer = await signInFrom(
      booted,
      '203.0.113.12',
      'customer-users',
      'alice@acme.test',
      'Sup3r-Secret-Guess',
    )
    expect(answer.status).toBe(429)
    expect(calls).toHaveLength(1)
    expect(calls[0].text).toContain('203.0.113.12')
    expect(calls[0].text).not.toMatch(/stack|\n|\\n/)
  })

  it('a server action signing in through signIn (the Local API): one line too, and the error thrown on', async () => {
    await expect(
      signIn(booted.payload, {
        collection: 'customer-users',
        email: 'alice@acme.test',
        password: 'Sup3r-Secret-Guess',
        headers: new Headers({ 'x-forwarded-for': '203.0.113.14' }),
      }),
    ).rejects.toMatchObject({ status: 401 })
    expect(calls).toHaveLength(1)
    expect(calls[0].text).toContain(`account ${aliceId}`)
    expect(calls[0].text).toContain('203.0.113.14')
    expect(calls[0].text).not.toContain('Sup3r-Secret-Guess')
    calls.length = 0
    const signedIn = await signIn(booted.payload, {
      collection: 'customer-users',
      email: 'alice@acme.test',
      password: 'portal-password-1',
      headers: new Headers({ 'x-forwarded-for': '203.0.113.14' }),
    })
    expect(signedIn.token).toBeTruthy()
    expect(calls).toHaveLength(0)
  })

  it('an email with a line break cannot add a line of its own: it is refused as no account’s email', async () => {
    const answer = await signInFrom(
      booted,
      '203.0.113.13',
      'customer-users',
      'x@acme.test\nSign-in succeeded: admin',
      'guess',
    )
    expect(answer.status).toBe(400)
    expect(calls.length).toBeLessThanOrEqual(1)
    for (const call of calls) expect(call.text).not.toMatch(/\n|\\n|succeeded/)
  })
})
