import type { CollectionBeforeReadHook, CollectionConfig } from 'payload'

import { staffField } from '../../../collections/access/fieldAccess'
import { isSupport } from '../../../collections/access/isSupport'
import { isCustomerUser, ownLicensesWhere } from '../../../collections/access/ownLicenses'
import {
  actorNameForCustomers,
  customerVisibleEventTypes,
  summaryForCustomers,
} from '../history/customerView'
import { adminGroups } from '../../../collections/adminGroups'

export const licenseEventTypes = [
  'created',
  'updated',
  'trial-started',
  'extended',
  'converted',
  'modules-added',
  'pack-added',
  'suspended',
  'reinstated',
  'activated',
  'deactivated',
  'limit-reached',
  'trial-mail-resent',
  'credit-low',
  'credit-exhausted',
] as const

export type LicenseEventType = (typeof licenseEventTypes)[number]

export const actorKinds = ['staff', 'reseller', 'app', 'customer', 'system'] as const

/** Staff-only: who acted (account id, e-mail) and the raw details (support's reasons, addresses). */
const staffOnly = { read: staffField }

/** Computed when read from the stored actor and details, before field access hides them. */
const describeForCustomers: CollectionBeforeReadHook = ({ doc }) => ({
  ...doc,
  actorName: actorNameForCustomers(doc.actor),
  summary: summaryForCustomers(doc.type, doc.details),
})

/**
 * A license's history: who changed what, when. Written by the licensing code only. Customers read
 * the customer-visible entries of their companies' licenses, with `actorName` and `summary`
 * instead of the actor's id and label and the raw details.
 */
export const LicenseEvents: CollectionConfig = {
  slug: 'license-events',
  admin: {
    useAsTitle: 'type',
    defaultColumns: ['createdAt', 'license', 'type', 'actor'],
    // The list's search box matches who acted: `like` on the `type` select is refused (400
    // INVALID_QUERY).
    listSearchableFields: ['actor.label', 'actor.ref'],
    group: adminGroups.customers,
  },
  defaultSort: '-createdAt',
  access: {
    read: ({ req }) =>
      isCustomerUser(req.user)
        ? {
            and: [ownLicensesWhere(req.user), { type: { in: [...customerVisibleEventTypes] } }],
          }
        : isSupport({ req }),
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  hooks: { beforeRead: [describeForCustomers] },
  fields: [
    { name: 'license', type: 'relationship', relationTo: 'licenses', required: true, index: true },
    {
      name: 'type',
      type: 'select',
      required: true,
      index: true,
      options: licenseEventTypes.map((value) => ({ label: value, value })),
    },
    {
      name: 'actor',
      type: 'group',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          options: actorKinds.map((value) => ({ label: value, value })),
        },
        {
          name: 'ref',
          type: 'text',
          label: 'Id',
          access: staffOnly,
          admin: {
            description: 'Staff user, reseller or customer account id; the fingerprint of an app.',
          },
        },
        { name: 'label', type: 'text', access: staffOnly },
      ],
    },
    { name: 'details', type: 'json', access: staffOnly },
    {
      name: 'actorName',
      type: 'text',
      virtual: true,
      admin: { hidden: true },
    },
    {
      name: 'summary',
      type: 'text',
      virtual: true,
      admin: { hidden: true },
    },
  ],
}
