import type { CollectionConfig } from 'payload'

import { isStaffUser, userHasRole } from './access/hasRole'
import { isSupport } from './access/isSupport'
import { companyIdsOf } from './access/ownCompanies'
import { staffOrCustomer } from './access/staffOr'
import { refuseDeleteWhileReferenced } from './hooks/refuseDeleteWhileReferenced'

/** How a company came to be: made by staff, by an anonymous trial, or by a reseller. */
export const customerOrigins = ['staff', 'trial', 'reseller'] as const
export type CustomerOrigin = (typeof customerOrigins)[number]

type FieldAccessArgs = { req: { user: Parameters<typeof isStaffUser>[0] } }
const staffReads = ({ req }: FieldAccessArgs) => isStaffUser(req.user)
const supportWrites = ({ req }: FieldAccessArgs) => userHasRole(req.user, ['support'])

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
      name: 'origin',
      type: 'select',
      defaultValue: 'staff',
      index: true,
      options: customerOrigins.map((value) => ({ label: value, value })),
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: 'Who made this company: staff, an in-app trial (unclaimed until the mailbox owner registers), or a reseller.',
      },
      // Written by the system when it creates the company, never by hand.
      access: { read: staffReads, create: () => false, update: () => false },
    },
    {
      name: 'reseller',
      type: 'relationship',
      relationTo: 'resellers',
      index: true,
      admin: { position: 'sidebar', description: 'The reseller this company belongs to: only it may create licenses here through the reseller API.' },
      access: { read: staffReads, create: supportWrites, update: supportWrites },
    },
    {
      name: 'notes',
      type: 'textarea',
      access: { read: ({ req }) => isStaffUser(req.user) },
    },
  ],
}
