import type { CollectionConfig } from 'payload'

import { isSupport } from '../../../collections/access/isSupport'
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

/** A license's history: who changed what, when. Written by the licensing code only. */
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
    read: isSupport,
    create: () => false,
    update: () => false,
    delete: () => false,
  },
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
          admin: {
            description: 'Staff user, reseller or customer account id; the fingerprint of an app.',
          },
        },
        { name: 'label', type: 'text' },
      ],
    },
    { name: 'details', type: 'json' },
  ],
}
