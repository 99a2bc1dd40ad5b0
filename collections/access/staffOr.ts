import type { Access, AccessResult } from 'payload'

import { isStaffUser } from './hasRole'
import { customerCollectionSlug } from './roles'

/**
 * Read access for every staff member, plus a filtered view for customer accounts.
 * `forCustomer` returns the `Where` that limits a customer to what is theirs.
 */
export const staffOrCustomer =
  (
    forCustomer: (user: NonNullable<Parameters<Access>[0]['req']['user']>) => AccessResult,
  ): Access =>
  ({ req }) => {
    if (isStaffUser(req.user)) return true
    if (req.user && req.user.collection === customerCollectionSlug) return forCustomer(req.user)
    return false
  }
