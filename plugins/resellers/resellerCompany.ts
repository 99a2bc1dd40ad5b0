import type { Payload, Where } from 'payload'

import { customerCollectionSlug } from '../../collections/access/roles'
import type { Reseller } from '../../payload-types'
import { createSubscriberCompany, type SubscriberCompany } from '../licensing'

type Id = number | string
const idOf = (value: unknown): Id =>
  typeof value === 'object' && value !== null ? (value as { id: Id }).id : (value as Id)

/**
 * The company a reseller's license for `email` goes into: one of the reseller's own companies
 * (created by it, or assigned to it by staff) whose contacts or accounts have that email — the one
 * named `company` when given — else a new company of the reseller's for that subscriber, with no
 * account. Another reseller's or a direct customer's company is never used, and no account changes.
 */
export const findOrCreateResellerCompany = async (
  payload: Payload,
  reseller: Reseller,
  { email, company }: { email: string; company?: string },
): Promise<SubscriberCompany> => {
  const account = (
    await payload.find({
      collection: customerCollectionSlug,
      where: { email: { equals: email } },
      select: { customers: true },
      depth: 0,
      limit: 1,
      pagination: false,
    })
  ).docs[0]
  const accountCompanies = (account?.customers ?? []).map(idOf)
  const theSubscriber: Where[] = [
    { 'contacts.email': { equals: email } },
    ...(accountCompanies.length > 0 ? [{ id: { in: accountCompanies } }] : []),
  ]
  const { docs: mine } = await payload.find({
    collection: 'customers',
    where: { and: [{ reseller: { equals: reseller.id } }, { or: theSubscriber }] },
    select: { name: true },
    sort: 'createdAt',
    depth: 0,
    pagination: false,
  })
  const wanted = company?.trim()
  const found = wanted
    ? mine.find((candidate) => candidate.name.toLowerCase() === wanted.toLowerCase())
    : mine[0]
  if (found) return { customer: { id: found.id, name: found.name }, isNew: false }
  return createSubscriberCompany(payload, {
    name: wanted || email,
    email,
    origin: 'reseller',
    reseller: reseller.id,
  })
}
