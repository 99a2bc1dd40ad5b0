export const staffRoles = ['admin', 'support', 'release-manager', 'editor'] as const
export type StaffRole = (typeof staffRoles)[number]

export const staffCollectionSlug = 'users'
export const customerCollectionSlug = 'customer-users'
