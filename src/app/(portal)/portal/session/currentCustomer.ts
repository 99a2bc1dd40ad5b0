import config from '@payload-config'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getPayload, type Payload } from 'payload'

import type { CustomerUser } from '../../../../../payload-types'
import { customerCollectionSlug } from '../../../../../collections/access/roles'

/** A signed-in customer account and the Payload to read with, as that account. */
export type CustomerSession = {
  payload: Payload
  user: CustomerUser & { collection: typeof customerCollectionSlug }
}

/**
 * The customer account of this request's Payload cookie, or null. A staff login (same cookie,
 * another collection) is not a customer: the portal shows it the sign-in page.
 */
export const currentCustomer = async (): Promise<CustomerSession | null> => {
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: await headers() })
  if (!user || user.collection !== customerCollectionSlug) return null
  return { payload, user: user as CustomerSession['user'] }
}

/**
 * The customer account, or a redirect to the sign-in page that comes back to `returnTo` (a path
 * of ours: never an absolute address, so the sign-in cannot send anyone elsewhere).
 */
export const requireCustomer = async (returnTo: string): Promise<CustomerSession> => {
  const session = await currentCustomer()
  if (session) return session
  redirect(`/portal/login?next=${encodeURIComponent(returnTo)}`)
}

/**
 * Keeps a `next` path only when it is a path of the portal (no scheme, no host, no `//`) of at most
 * 2048 characters (a longer one would overflow the redirect's headers).
 */
export const safeReturnPath = (next: unknown): string =>
  typeof next === 'string' &&
  next.length <= 2048 &&
  /^\/(portal|r)(\/|$|\?)/.test(next) &&
  !next.startsWith('//')
    ? next
    : '/portal'
