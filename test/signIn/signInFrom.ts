import type { TestPayload } from '../helpers/bootPayload'
import { rest, type RestAnswer } from '../helpers/rest'

export type SignInAnswer = RestAnswer<{
  token?: string
  errors?: Array<{ message: string; data?: { code?: string; retryAfterSeconds?: number } }>
}>

/**
 * `POST /api/<collection>/login` from `address` (the one address the host sets in
 * `X-Forwarded-For`).
 */
export const signInFrom = (
  booted: TestPayload,
  address: string,
  collection: 'users' | 'customer-users',
  email: string,
  password: string,
): Promise<SignInAnswer> =>
  rest(booted, 'POST', `/api/${collection}/login`, {
    body: { email, password },
    headers: { 'x-forwarded-for': address },
  })

/** `count` wrong-password attempts for `email` from `address`, one after another. */
export const failSignIns = async (
  booted: TestPayload,
  address: string,
  collection: 'users' | 'customer-users',
  email: string,
  count: number,
): Promise<number[]> => {
  const statuses: number[] = []
  for (let attempt = 0; attempt < count; attempt += 1)
    statuses.push((await signInFrom(booted, address, collection, email, `wrong-${attempt}`)).status)
  return statuses
}
