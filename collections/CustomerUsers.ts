import type { CollectionConfig } from 'payload'

import { isStaffUser, userHasRole } from './access/hasRole'
import { isSupport } from './access/isSupport'
import { customerCollectionSlug } from './access/roles'
import { adminGroups } from './adminGroups'

/**
 * Customer accounts: they log into the portal, and their API key is what an installed app's
 * "master login" sends (`Authorization: customer-users API-Key <key>`).
 */
export const CustomerUsers: CollectionConfig = {
  slug: customerCollectionSlug,
  auth: { useAPIKey: true },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'customers'],
    group: adminGroups.customers,
  },
  access: {
    // Customer accounts never enter /admin.
    admin: () => false,
    // Support looks after accounts; other staff have no business with customers' logins.
    read: ({ req }) =>
      userHasRole(req.user, ['support']) ||
      (req.user?.collection === customerCollectionSlug && { id: { equals: req.user.id } }),
    create: isSupport,
    update: ({ req }) =>
      isSupport({ req }) ||
      (req.user?.collection === customerCollectionSlug && { id: { equals: req.user.id } }),
    delete: isSupport,
  },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'customers',
      type: 'relationship',
      relationTo: 'customers',
      hasMany: true,
      required: true,
      index: true,
      admin: { description: 'The companies this account may see and act for.' },
      access: {
        // A customer must not attach themself to another company.
        update: ({ req }) => isStaffUser(req.user),
        create: ({ req }) => isStaffUser(req.user),
      },
    },
  ],
}
