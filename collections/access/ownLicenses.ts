import type { PayloadRequest, Where } from 'payload'

import { companyIdsOf } from './ownCompanies'
import { customerCollectionSlug } from './roles'

export const isCustomerUser = (user: PayloadRequest['user']): boolean =>
  Boolean(user && user.collection === customerCollectionSlug)

/**
 * A `Where` that keeps only documents whose license (`field`) belongs to one of the user's
 * companies: what a customer account reads of records hanging off a license.
 */
export const ownLicensesWhere = (user: PayloadRequest['user'], field = 'license'): Where => ({
  [`${field}.customer`]: { in: companyIdsOf(user) },
})
