import type { CollectionConfig } from 'payload'

import { isStaff } from '../../../collections/access/isStaff'
import { releaseChannels } from '../../../collections/Releases'
import { adminGroups } from '../../../collections/adminGroups'

/**
 * One row per product, line and channel: its manifest `sequence`, which only grows. It is bumped
 * (`sequence = sequence + 1`, in the database) by every change that alters what the channel's
 * manifests say, so an app can refuse an older manifest (rollback attack).
 */
export const UpdateChannels: CollectionConfig = {
  slug: 'update-channels',
  admin: {
    useAsTitle: 'line',
    defaultColumns: ['product', 'line', 'channel', 'sequence', 'updatedAt'],
    group: adminGroups.releases,
    description:
      'Manifest sequence per product, line and channel; it grows with every change apps must see.',
  },
  access: { read: isStaff, create: () => false, update: () => false, delete: () => false },
  indexes: [{ fields: ['product', 'line', 'channel'], unique: true }],
  fields: [
    { name: 'product', type: 'relationship', relationTo: 'products', required: true },
    { name: 'line', type: 'text', required: true },
    {
      name: 'channel',
      type: 'select',
      required: true,
      options: releaseChannels.map((value) => ({ label: value, value })),
    },
    { name: 'sequence', type: 'number', required: true, defaultValue: 0 },
  ],
}
