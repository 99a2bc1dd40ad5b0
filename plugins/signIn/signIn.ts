import type { CollectionSlug, Payload } from 'payload'

import { logSignInFailure } from './hooks/logFailedSignIn'

/**
 * Payload's Local API sign-in for server actions, with the request's headers (so the limits know
 * the client address) and the same log line as REST for a failure, which the Local API would
 * only throw. The error is thrown on: 401 for a wrong email or password, 429 past a budget.
 */
export const signIn = async (
  payload: Payload,
  {
    collection,
    email,
    password,
    headers,
  }: { collection: CollectionSlug; email: string; password: string; headers: Headers },
) => {
  const req = { headers }
  try {
    return await payload.login({ collection, data: { email, password }, req })
  } catch (error) {
    logSignInFailure(req, error)
    throw error
  }
}
