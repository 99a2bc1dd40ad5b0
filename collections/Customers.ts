import type { CollectionConfig } from 'payload'

import { rolesField, systemField } from './access/fieldAccess'
import { userHasRole } from './access/hasRole'
import { isSupport } from './access/isSupport'
import { companyIdsOf } from './access/ownCompanies'
import { customerCollectionSlug } from './access/roles'
import { refuseDeleteWhileReferenced } from './hooks/refuseDeleteWhileReferenced'
import { adminGroups } from './adminGroups'

/** How a company came to be: made by staff, by an anonymous trial, or by a reseller. */
export const customerOrigins = ['staff', 'trial', 'reseller'] as const
export type CustomerOrigin = (typeof customerOrigins)[number]

/** Support's own bookkeeping: how the company came to be, its reseller, internal notes. */
const supportOnly = rolesField('support')

/** Companies that own licenses. */
export const Customers: CollectionConfig = {
  slug: 'customers',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'contacts', 'updatedAt'],
    listSearchableFields: ['name'],
    group: adminGroups.customers,
  },
  access: {
    // Support manages companies; release managers read who is mailed; editors never see customers.
    read: ({ req }) => {
      if (userHasRole(req.user, ['support', 'release-manager'])) return true
      return req.user?.collection === customerCollectionSlug
        ? { id: { in: companyIdsOf(req.user) } }
        : false
    },
    create: isSupport,
    update: isSupport,
    delete: isSupport,
  },
  hooks: {
    beforeDelete: [
      refuseDeleteWhileReferenced('customer', [
        { collection: 'licenses', field: 'customer', label: ['license', 'licenses'] },
      ]),
    ],
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
        description:
          'Who made this company: staff, an in-app trial (unclaimed until the mailbox owner registers), or a reseller.',
      },
      // Written by the system when it creates the company, never by hand.
      access: { read: supportOnly, create: systemField, update: systemField },
    },
    {
      name: 'reseller',
      type: 'relationship',
      relationTo: 'resellers',
      index: true,
      admin: {
        position: 'sidebar',
        description:
          'The reseller this company belongs to: only it may create licenses here through the reseller API.',
      },
      access: { read: supportOnly, create: supportOnly, update: supportOnly },
    },
    {
      name: 'notes',
      type: 'textarea',
      access: { read: supportOnly },
    },
  ],
}
