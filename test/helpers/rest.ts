import { handleEndpoints } from 'payload'

import type { TestPayload } from './bootPayload'

export type RestAnswer<T = Record<string, unknown>> = { status: number; body: T; headers: Headers }

/**
 * Sends a request through Payload's own REST router (`handleEndpoints`, what the Next route and
 * the API host call): the full path of auth, access control and endpoints, without a socket.
 */
export const rest = async <T = Record<string, unknown>>(
  booted: TestPayload,
  method: string,
  path: string,
  { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<RestAnswer<T>> => {
  const request = new Request(`http://localhost${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const response = await handleEndpoints({
    config: booted.config,
    request,
    payloadInstanceCacheKey: booted.cacheKey,
  })
  const text = await response.text()
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : {}) as T,
    headers: response.headers,
  }
}

/** Logs a user in through REST and returns the header that authenticates as them. */
export const loginHeaders = async (
  booted: TestPayload,
  collection: 'users' | 'customer-users',
  email: string,
  password: string,
): Promise<Record<string, string>> => {
  const answer = await rest<{ token?: string }>(booted, 'POST', `/api/${collection}/login`, {
    body: { email, password },
  })
  if (answer.status !== 200 || !answer.body.token)
    throw new Error(`Login as ${email} failed: ${answer.status}`)
  return { Authorization: `JWT ${answer.body.token}` }
}
