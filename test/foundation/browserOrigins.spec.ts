import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCustomer, createCustomerAccount } from '../helpers/fixtures'
import { rest } from '../helpers/rest'

// Served over https at PUBLIC_URL, with one partner origin allowed: session cookies are Secure,
// and a browser on any other origin can neither ride the session cookie (CSRF) nor read answers
// (CORS).

let booted: TestPayload
let sessionCookie: string
const password = 'portal-password-1'

beforeAll(async () => {
  booted = await bootPayload({
    PUBLIC_URL: 'https://hub.example',
    CORS_ORIGINS: 'https://partner.example, https://other.example/',
  })
  await booted.payload.create({
    collection: 'users',
    data: { email: 'staff@hub.example', password, roles: ['admin'] },
  })
  await createCustomerAccount(
    booted.payload,
    'customer@acme.example',
    [(await createCustomer(booted.payload, 'Acme')).id],
    'origins-api-key-0123456789',
  )
  const login = await rest(booted, 'POST', '/api/users/login', {
    body: { email: 'staff@hub.example', password },
  })
  sessionCookie = login.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith('payload-token='))!
    .split(';')[0]
})

afterAll(async () => booted?.shutdown())

describe('session cookies behind https', () => {
  it('marks the staff and customer session cookies Secure when PUBLIC_URL is https', async () => {
    const staff = await rest(booted, 'POST', '/api/users/login', {
      body: { email: 'staff@hub.example', password },
    })
    const customer = await rest(booted, 'POST', '/api/customer-users/login', {
      body: { email: 'customer@acme.example', password },
    })
    for (const [name, answer] of Object.entries({ staff, customer })) {
      const cookie = answer.headers.getSetCookie().find((line) => line.startsWith('payload-token='))
      expect(cookie, name).toMatch(/;\s*Secure/i)
    }
  })
})

describe('CSRF: whose pages may use the session cookie', () => {
  const me = (headers: Record<string, string>) =>
    rest<{ user: { email: string } | null }>(booted, 'GET', '/api/users/me', {
      headers: { cookie: sessionCookie, ...headers },
    })

  it('authenticates the cookie from PUBLIC_URL, a listed origin, or a same-origin request without an Origin', async () => {
    const requests: Record<string, string>[] = [
      { origin: 'https://hub.example' },
      { origin: 'https://partner.example' },
      { origin: 'https://other.example' },
      { 'sec-fetch-site': 'same-origin' },
    ]
    for (const headers of requests) {
      const answer = await me(headers)
      expect(answer.body.user?.email, JSON.stringify(headers)).toBe('staff@hub.example')
    }
  })

  it('ignores the cookie on a request from any other origin', async () => {
    expect((await me({ origin: 'https://evil.example' })).body.user).toBeNull()
    expect((await me({ 'sec-fetch-site': 'cross-site' })).body.user).toBeNull()
  })
})

describe('CORS: who may read answers across origins', () => {
  it('allows PUBLIC_URL and the listed origins, and no other', async () => {
    const allowed = async (origin: string) =>
      (await rest(booted, 'GET', '/api/v1/keys', { headers: { origin } })).headers.get(
        'access-control-allow-origin',
      )
    expect(await allowed('https://hub.example')).toBe('https://hub.example')
    expect(await allowed('https://partner.example')).toBe('https://partner.example')
    expect(await allowed('https://evil.example')).toBeNull()
  })
})
