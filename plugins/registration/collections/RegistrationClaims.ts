import type { CollectionConfig } from 'payload'

import { isSupport } from '../../../collections/access/isSupport'
import { adminGroups } from '../../../collections/adminGroups'

/**
 * Every register link that was used: its token id is unique, so a link claims once however many
 * requests race for it. Who claimed which company, for support to look up; written by the system
 * only.
 */
export const RegistrationClaims: CollectionConfig = {
  slug: 'registration-claims',
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'customer', 'account', 'createdAt'],
    group: adminGroups.customers,
    description: 'Register links that were used (each works once).',
  },
  access: {
    read: isSupport,
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  fields: [
    {
      name: 'tokenId',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { readOnly: true },
    },
    { name: 'email', type: 'email', required: true, index: true, admin: { readOnly: true } },
    {
      name: 'customer',
      type: 'relationship',
      relationTo: 'customers',
      index: true,
      admin: { readOnly: true },
    },
    { name: 'license', type: 'relationship', relationTo: 'licenses', admin: { readOnly: true } },
    {
      name: 'account',
      type: 'relationship',
      relationTo: 'customer-users',
      index: true,
      admin: { readOnly: true },
    },
  ],
}
