import type { PayloadRequest, Where } from 'payload'

import { customerCollectionSlug } from './roles'

type Relation = number | string | { id: number | string }

/** The ids of the companies a customer account belongs to (empty for anyone else). */
export const companyIdsOf = (user: PayloadRequest['user']): Array<number | string> => {
  if (!user || user.collection !== customerCollectionSlug) return []
  const customers = ((user as { customers?: Relation[] | null }).customers ?? []) as Relation[]
  return customers.map((customer) => (typeof customer === 'object' ? customer.id : customer))
}

/** A `Where` that keeps only documents whose `field` points at one of the user's companies. */
export const ownCompaniesWhere = (user: PayloadRequest['user'], field = 'customer'): Where => ({
  [field]: { in: companyIdsOf(user) },
})
