import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../../collections/access/isAdmin'
import { isSupport } from '../../../collections/access/isSupport'
import { licenseTypes } from '../../../collections/Licenses'
import { adminGroups } from '../../../collections/adminGroups'

/**
 * Partners (e.g. DataDog) that create licenses through the reseller API with an API key
 * (`Authorization: resellers API-Key <key>`). No password, no admin access.
 */
export const Resellers: CollectionConfig = {
  slug: 'resellers',
  auth: { useAPIKey: true, disableLocalStrategy: true },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'active', 'allowedProducts', 'allowedTypes'],
    group: adminGroups.customers,
  },
  access: {
    admin: () => false,
    read: ({ req }) =>
      isSupport({ req }) ||
      (req.user?.collection === 'resellers' && { id: { equals: req.user.id } }),
    create: isAdmin,
    update: isAdmin,
    delete: isAdmin,
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      admin: { description: "An inactive reseller's API key is refused." },
    },
    {
      name: 'allowedProducts',
      type: 'relationship',
      relationTo: 'products',
      hasMany: true,
      admin: { description: 'Products this reseller may license.' },
    },
    {
      name: 'allowedTypes',
      type: 'select',
      hasMany: true,
      defaultValue: ['trial'],
      options: licenseTypes.map((value) => ({ label: value, value })),
      admin: { description: 'License types this reseller may create.' },
    },
    {
      name: 'contactEmail',
      type: 'email',
      admin: { description: 'Who we write to about this reseller account.' },
    },
  ],
}
