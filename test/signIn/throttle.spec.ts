import { configToSchema } from '@payloadcms/graphql'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCustomer, createCustomerAccount } from '../helpers/fixtures'
import { failSignIns, signInFrom } from './signInFrom'

// Each test uses addresses and accounts of its own, so no test depends on another's counts.
const password = 'portal-password-1'

describe('failed sign-ins are limited per address and per account+address', () => {
  let booted: TestPayload
  let customerId: number

  const customerAccount = async (email: string) =>
    createCustomerAccount(booted.payload, email, [customerId], `api-key-${email}`)

  beforeAll(async () => {
    booted = await bootPayload()
    customerId = (await createCustomer(booted.payload, 'Acme Industrial')).id
  })
  afterAll(async () => booted?.shutdown())

  it('seven wrong passwords from one address do not lock the owner out: she signs in from another address', async () => {
    await customerAccount('alice1@acme.test')
    await failSignIns(booted, '203.0.113.1', 'customer-users', 'alice1@acme.test', 7)
    const owner = await signInFrom(
      booted,
      '198.51.100.1',
      'customer-users',
      'alice1@acme.test',
      password,
    )
    expect(owner.status).toBe(200)
    expect(owner.body.token).toBeTruthy()
  })

  it('past its budget for an account an address gets 429 with Retry-After in Payload’s error shape, even with the right password', async () => {
    await customerAccount('alice2@acme.test')
    expect(
      await failSignIns(booted, '203.0.113.2', 'customer-users', 'alice2@acme.test', 5),
    ).toEqual([401, 401, 401, 401, 401])
    const sixth = await signInFrom(
      booted,
      '203.0.113.2',
      'customer-users',
      'alice2@acme.test',
      'wrong-again',
    )
    expect(sixth.status).toBe(429)
    const right = await signInFrom(
      booted,
      '203.0.113.2',
      'customer-users',
      'alice2@acme.test',
      password,
    )
    expect(right.status).toBe(429)
    expect(right.body.token).toBeUndefined()
    const retryAfter = Number(right.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(15 * 60)
    expect(right.body.errors?.[0].message).toMatch(/too many failed sign-ins/i)
    expect(right.body.errors?.[0].data?.code).toBe('TOO_MANY_SIGN_INS')
    // The same address may still sign in to another account.
    await customerAccount('bob2@acme.test')
    expect(
      (await signInFrom(booted, '203.0.113.2', 'customer-users', 'bob2@acme.test', password))
        .status,
    ).toBe(200)
  })

  it('a successful sign-in starts that address’s count for the account over', async () => {
    await customerAccount('alice3@acme.test')
    expect(
      await failSignIns(booted, '203.0.113.3', 'customer-users', 'alice3@acme.test', 4),
    ).toEqual([401, 401, 401, 401])
    expect(
      (await signInFrom(booted, '203.0.113.3', 'customer-users', 'alice3@acme.test', password))
        .status,
    ).toBe(200)
    expect(
      await failSignIns(booted, '203.0.113.3', 'customer-users', 'alice3@acme.test', 5),
    ).toEqual([401, 401, 401, 401, 401])
    expect(
      (await signInFrom(booted, '203.0.113.3', 'customer-users', 'alice3@acme.test', password))
        .status,
    ).toBe(429)
  })

  it('after the window the address may sign in to the account again', async () => {
    await customerAccount('alice4@acme.test')
    await failSignIns(booted, '203.0.113.4', 'customer-users', 'alice4@acme.test', 6)
    expect(
      (await signInFrom(booted, '203.0.113.4', 'customer-users', 'alice4@acme.test', password))
        .status,
    ).toBe(429)
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(Date.now() + 15 * 60_000 + 1_000)
      expect(
        (await signInFrom(booted, '203.0.113.4', 'customer-users', 'alice4@acme.test', password))
          .status,
      ).toBe(200)
    } finally {
      vi.useRealTimers()
    }
  })

  it('an address past its own budget gets 429 for any account; other addresses are not affected', async () => {
    await customerAccount('alice5@acme.test')
    // 50 failures spread over many emails (unknown ones), so no account+address budget is spent.
    for (let batch = 0; batch < 10; batch += 1) {
      const statuses = await Promise.all(
        Array.from({ length: 5 }, (_, index) =>
          signInFrom(
            booted,
            '203.0.113.5',
            'customer-users',
            `nobody${batch}-${index}@acme.test`,
            'guess',
          ).then((answer) => answer.status),
        ),
      )
      expect(statuses).toEqual([401, 401, 401, 401, 401])
    }
    expect(
      (await signInFrom(booted, '203.0.113.5', 'customer-users', 'alice5@acme.test', password))
        .status,
    ).toBe(429)
    expect(
      (await signInFrom(booted, '203.0.113.5', 'users', 'someone@example.test', 'guess')).status,
    ).toBe(429)
    expect(
      (await signInFrom(booted, '198.51.100.5', 'customer-users', 'alice5@acme.test', password))
        .status,
    ).toBe(200)
  })

  it('staff accounts are limited the same way', async () => {
    await booted.payload.create({
      collection: 'users',
      data: {
        email: 'support6@example.test',
        password: 'staff-password-1',
        roles: ['support'],
      } as never,
    })
    await failSignIns(booted, '203.0.113.6', 'users', 'support6@example.test', 7)
    expect(
      (
        await signInFrom(
          booted,
          '203.0.113.6',
          'users',
          'support6@example.test',
          'staff-password-1',
        )
      ).status,
    ).toBe(429)
    expect(
      (
        await signInFrom(
          booted,
          '198.51.100.6',
          'users',
          'support6@example.test',
          'staff-password-1',
        )
      ).status,
    ).toBe(200)
  })

  it('the Local API sign-in (server actions) counts against the same budgets', async () => {
    await customerAccount('alice7@acme.test')
    const signIn = (passwordTried: string) =>
      booted.payload.login({
        collection: 'customer-users',
        data: { email: 'alice7@acme.test', password: passwordTried },
        req: { headers: new Headers({ 'x-forwarded-for': '203.0.113.7' }) },
      })
    await failSignIns(booted, '203.0.113.7', 'customer-users', 'alice7@acme.test', 5)
    await expect(signIn(password)).rejects.toMatchObject({ status: 429 })
    await expect(
      booted.payload.login({
        collection: 'customer-users',
        data: { email: 'alice7@acme.test', password },
        req: { headers: new Headers({ 'x-forwarded-for': '198.51.100.7' }) },
      }),
    ).resolves.toMatchObject({ token: expect.any(String) })
  })

  it('an email no account can have (a control character, over 320 characters) is refused with 400, not a 500', async () => {
    for (const email of [
      'alice\u0000@acme.test',
      `${'x'.repeat(400)}${Math.random().toString(36)}@acme.test`,
    ]) {
      const answer = await signInFrom(booted, '203.0.113.8', 'customer-users', email, 'guess')
      expect(answer.status).toBe(400)
      expect(answer.body.errors?.[0].data).toMatchObject({ errors: [{ path: 'email' }] })
    }
    // A long address is counted under its first 100 characters, not refused by the index (500).
    expect(
      (
        await signInFrom(
          booted,
          Array.from({ length: 6000 }, () => Math.random().toString(36).slice(2, 3)).join(''),
          'customer-users',
          'nobody8@acme.test',
          'guess',
        )
      ).status,
    ).toBe(401)
  })

  it('GraphQL offers no login mutation (nothing signs in over GraphQL; REST and the Local API are limited)', async () => {
    const { schema } = configToSchema(booted.config)
    const mutations = Object.keys(schema.getMutationType()!.getFields())
    expect(mutations).not.toContain('loginUser')
    expect(mutations).not.toContain('loginCustomerUser')
    expect(mutations).toContain('forgotPasswordCustomerUser')
  })
})
