import type { FieldAccess } from 'payload'

import { isStaffUser, userHasRole } from './hasRole'
import type { StaffRole } from './roles'

/**
 * Field access for any staff member: customers, resellers and visitors never see the field, in
 * REST, GraphQL, a populated relation or a `where` (Payload refuses a query on it).
 */
export const staffField: FieldAccess = ({ req }) => isStaffUser(req.user)

/** Field access for staff with one of `roles` (admins always pass). */
export const rolesField =
  (...roles: StaffRole[]): FieldAccess =>
  ({ req }) =>
    userHasRole(req.user, roles)

/** Never through the API: written by the system code (overrideAccess) only. */
export const systemField: FieldAccess = () => false
