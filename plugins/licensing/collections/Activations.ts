import type { CollectionConfig } from 'payload'

import { isSupport } from '../../../collections/access/isSupport'
import { isCustomerUser, ownLicensesWhere } from '../../../collections/access/ownLicenses'
import { releaseSeat } from '../hooks/releaseSeat'
import { adminGroups } from '../../../collections/adminGroups'

export const activationRoles = ['app', 'collector', 'cockpit', 'slave'] as const

/**
 * A client seat: one installation (fingerprint) running under a license. Created only by the
 * activate protocol; support may delete one to free its seat, a customer deactivates one in the
 * portal (`deactivateForCustomer`, limited). Customers read their companies' installations: no
 * field here is staff-only.
 */
export const Activations: CollectionConfig = {
  slug: 'activations',
  admin: {
    useAsTitle: 'fingerprint',
    defaultColumns: ['fingerprint', 'license', 'hostname', 'role', 'appVersion', 'lastSeenAt'],
    group: adminGroups.customers,
  },
  access: {
    read: ({ req }) => (isCustomerUser(req.user) ? ownLicensesWhere(req.user) : isSupport({ req })),
    create: () => false,
    update: () => false,
    delete: isSupport,
  },
  indexes: [{ fields: ['license', 'fingerprint'], unique: true }],
  hooks: { afterDelete: [releaseSeat] },
  fields: [
    { name: 'license', type: 'relationship', relationTo: 'licenses', required: true, index: true },
    { name: 'fingerprint', type: 'text', required: true },
    { name: 'hostname', type: 'text' },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'app',
      options: activationRoles.map((value) => ({ label: value, value })),
    },
    { name: 'appVersion', type: 'text' },
    { name: 'activatedAt', type: 'date', required: true },
    { name: 'lastSeenAt', type: 'date' },
    {
      type: 'row',
      fields: [
        {
          name: 'users',
          type: 'number',
          min: 0,
          admin: { description: 'Users this installation last reported (validate or activate).' },
        },
        {
          name: 'usersReportedAt',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
  ],
}
