import type { CollectionConfig } from 'payload'

import { hasRole } from '../../../collections/access/hasRole'
import { adminGroups } from '../../../collections/adminGroups'

/**
 * The signed manifest of each product, line, channel, platform and sequence, exactly as served:
 * built once per change by whichever instance first needs it, then read by every instance, so all
 * of them answer with the same bytes and the same ETag.
 */
export const SignedManifests: CollectionConfig = {
  slug: 'signed-manifests',
  admin: {
    useAsTitle: 'etag',
    defaultColumns: ['product', 'line', 'channel', 'platform', 'sequence', 'issuedAt', 'expiresAt'],
    group: adminGroups.releases,
  },
  access: {
    read: hasRole('admin'),
    create: () => false,
    update: () => false,
    delete: hasRole('admin'),
  },
  indexes: [{ fields: ['product', 'line', 'channel', 'platform', 'sequence'], unique: true }],
  fields: [
    { name: 'product', type: 'relationship', relationTo: 'products', required: true },
    { name: 'line', type: 'text', required: true },
    { name: 'channel', type: 'text', required: true },
    { name: 'platform', type: 'text', required: true },
    { name: 'sequence', type: 'number', required: true },
    {
      name: 'issuedAt',
      type: 'date',
      required: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'expiresAt',
      type: 'date',
      required: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'etag', type: 'text', required: true },
    {
      name: 'body',
      type: 'textarea',
      required: true,
      admin: { description: 'The HTTP body: `{ signed, ...manifest }`.' },
    },
  ],
}
