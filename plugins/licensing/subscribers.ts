import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import { customerCollectionSlug } from '../../collections/access/roles'

export type Subscriber = {
  customer: { id: number | string; name: string }
  account: { id: number | string; email: string }
  isNewAccount: boolean
}

const relationId = (value: unknown): number | string => (typeof value === 'object' && value !== null ? (value as { id: number | string }).id : (value as number | string))

const findAccount = async (payload: Payload, email: string) =>
  (await payload.find({ collection: customerCollectionSlug, where: { email: { equals: email } }, depth: 0, limit: 1, pagination: false })).docs[0]

const createCustomer = (payload: Payload, name: string, email: string) =>
  payload.create({ collection: 'customers', data: { name, contacts: [{ email, receives: ['licenses', 'releases'] }] }, depth: 0 })

/**
 * The company and portal account a new license is for (trials, resellers). An existing account
 * keeps its company (the one named `company`, else its first); a new email gets a company named
 * `company` (or after the email) and an account with a random password, which the owner replaces
 * through the portal's register link. Two requests racing for one new email end with one account.
 */
export const findOrCreateSubscriber = async (payload: Payload, { email, company }: { email: string; company?: string }): Promise<Subscriber> => {
  const normalizedEmail = email.trim().toLowerCase()
  const existing = await findAccount(payload, normalizedEmail)
  if (existing) {
    const companyIds = (existing.customers ?? []).map(relationId)
    const { docs: companies } = await payload.find({ collection: 'customers', where: { id: { in: companyIds } }, select: { name: true }, depth: 0, pagination: false, sort: 'createdAt' })
    const named = company ? companies.find((candidate) => candidate.name.toLowerCase() === company.trim().toLowerCase()) : companies[0]
    if (named) return { customer: { id: named.id, name: named.name }, account: { id: existing.id, email: existing.email }, isNewAccount: false }
    const added = await createCustomer(payload, company?.trim() || normalizedEmail, normalizedEmail)
    await payload.update({ collection: customerCollectionSlug, id: existing.id, data: { customers: [...companyIds, added.id] as number[] }, depth: 0 })
    return { customer: { id: added.id, name: added.name }, account: { id: existing.id, email: existing.email }, isNewAccount: false }
  }

  const customer = await createCustomer(payload, company?.trim() || normalizedEmail, normalizedEmail)
  try {
    const account = await payload.create({
      collection: customerCollectionSlug,
      data: { email: normalizedEmail, password: randomBytes(24).toString('base64url'), customers: [customer.id] },
      depth: 0,
    })
    return { customer: { id: customer.id, name: customer.name }, account: { id: account.id, email: account.email }, isNewAccount: true }
  } catch (error) {
    // Another request created the account first: use it, and drop the company made for nothing.
    const winner = await findAccount(payload, normalizedEmail)
    if (!winner) throw error
    await payload.delete({ collection: 'customers', id: customer.id })
    return findOrCreateSubscriber(payload, { email: normalizedEmail, company })
  }
}
