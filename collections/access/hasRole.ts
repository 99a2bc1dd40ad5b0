import type { Access, PayloadRequest } from 'payload'

import { staffCollectionSlug, type StaffRole } from './roles'

type RequestUser = PayloadRequest['user']

export const isStaffUser = (user: RequestUser): boolean =>
  Boolean(user && user.collection === staffCollectionSlug)

export const userHasRole = (user: RequestUser, roles: readonly StaffRole[]): boolean => {
  if (!user || user.collection !== staffCollectionSlug) return false
  const userRoles = ((user as { roles?: StaffRole[] | null }).roles ?? []) as StaffRole[]
  return userRoles.includes('admin') || userRoles.some((role) => roles.includes(role))
}

/** Access for staff with one of `roles` (admins always pass). */
export const hasRole =
  (...roles: StaffRole[]): Access =>
  ({ req }) =>
    userHasRole(req.user, roles)
