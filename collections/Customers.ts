import type { CollectionConfig } from 'payload'

import { isStaffUser } from './access/hasRole'
import { isSupport } from './access/isSupport'
import { companyIdsOf } from './access/ownCompanies'
import { staffOrCustomer } from './access/staffOr'
import { refuseDeleteWhileReferenced } from './hooks/refuseDeleteWhileReferenced'

/** Companies that own licenses. */
export const Customers: CollectionConfig = {
  slug: 'customers',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'contacts', 'updatedAt'],
    listSearchableFields: ['name'],
    group: 'Customers',
  },
  access: {
    read: staffOrCustomer((user) => ({ id: { in: companyIdsOf(user) } })),
    create: isSupport,
    update: isSupport,
    delete: isSupport,
  },
  hooks: {
    beforeDelete: [refuseDeleteWhileReferenced('customer', [{ collection: 'licenses', field: 'customer', label: ['license', 'licenses'] }])],
  },
  fields: [
    { name: 'name', type: 'text', required: true, index: true },
    {
      name: 'contacts',
      type: 'array',
      admin: { description: 'Who is mailed about licenses, renewals and releases.' },
      fields: [
        { name: 'email', type: 'email', required: true },
        { name: 'name', type: 'text' },
        {
          name: 'receives',
          type: 'select',
          hasMany: true,
          defaultValue: ['licenses', 'releases'],
          options: [
            { label: 'License & renewal mails', value: 'licenses' },
            { label: 'Release mails', value: 'releases' },
          ],
        },
      ],
    },
    {
      name: 'notes',
      type: 'textarea',
      access: { read: ({ req }) => isStaffUser(req.user) },
    },
  ],
}
