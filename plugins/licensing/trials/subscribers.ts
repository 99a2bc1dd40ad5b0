import type { Payload } from 'payload'

import type { CustomerOrigin } from '../../../collections/Customers'
import { customerCollectionSlug } from '../../../collections/access/roles'

export type SubscriberCompany = {
  customer: { id: number | string; name: string }
  /** Made by this request (so it may be dropped again if the license went elsewhere). */
  isNew: boolean
}

type Id = number | string

/**
 * A company made for a subscriber's email (a trial's or a reseller's), with the email as its one
 * contact and no portal account: the mailbox owner claims it through the register link.
 */
export const createSubscriberCompany = async (
  payload: Payload,
  {
    name,
    email,
    origin,
    reseller,
  }: { name: string; email: string; origin: Exclude<CustomerOrigin, 'staff'>; reseller?: Id },
): Promise<SubscriberCompany> => {
  const customer = await payload.create({
    collection: 'customers',
    data: {
      name,
      origin,
      contacts: [{ email, receives: ['licenses', 'releases'] }],
      ...(reseller !== undefined ? { reseller: reseller as number } : {}),
    },
    depth: 0,
  })
  return { customer: { id: customer.id, name: customer.name }, isNew: true }
}

/** The companies among `ids` that no portal account has claimed yet. */
export const unclaimedAmong = async (payload: Payload, ids: Id[]): Promise<Id[]> => {
  if (ids.length === 0) return []
  const { docs: accounts } = await payload.find({
    collection: customerCollectionSlug,
    where: { customers: { in: ids } },
    select: { customers: true },
    depth: 0,
    pagination: false,
  })
  const claimed = new Set(
    accounts.flatMap((account) =>
      (account.customers ?? []).map((company) =>
        String(typeof company === 'object' ? company.id : company),
      ),
    ),
  )
  return ids.filter((id) => !claimed.has(String(id)))
}

/**
 * Where an anonymous trial for `email` goes: the oldest trial company made for that email that no
 * account has claimed, else a new one. Never an existing customer's company, never an account:
 * the request proves nothing about who sent it.
 */
export const findOrCreateTrialCompany = async (
  payload: Payload,
  email: string,
): Promise<SubscriberCompany> => {
  const { docs: candidates } = await payload.find({
    collection: 'customers',
    where: {
      and: [
        { origin: { equals: 'trial' } },
        { 'contacts.email': { equals: email } },
        { reseller: { exists: false } },
      ],
    },
    select: { name: true },
    sort: 'createdAt',
    depth: 0,
    pagination: false,
  })
  const [unclaimed] = await unclaimedAmong(
    payload,
    candidates.map((candidate) => candidate.id),
  )
  const reused = candidates.find((candidate) => candidate.id === unclaimed)
  if (reused) return { customer: { id: reused.id, name: reused.name }, isNew: false }
  return createSubscriberCompany(payload, { name: email, email, origin: 'trial' })
}

/**
 * Deletes a company this request made when the license went elsewhere (another request created
 * it first). A company that holds a license by now is kept (the delete is refused).
 */
export const dropUnusedCompany = async (
  payload: Payload,
  company: SubscriberCompany,
): Promise<void> => {
  if (!company.isNew) return
  try {
    await payload.delete({ collection: 'customers', id: company.customer.id })
  } catch (error) {
    if ((error as { data?: { code?: string } }).data?.code !== 'IN_USE') throw error
  }
}
