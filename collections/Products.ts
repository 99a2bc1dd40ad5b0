import type { CollectionConfig } from 'payload'

import { isReleaseManager } from './access/isReleaseManager'
import { refuseDeleteWhileReferenced } from './hooks/refuseDeleteWhileReferenced'
import { adminGroups } from './adminGroups'

/** What is sold and shipped: ProMonitor, Collector, Cockpit; each in supported lines (v6, v7). */
export const Products: CollectionConfig = {
  slug: 'products',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'lines', 'keepVersionsDays'],
    group: adminGroups.releases,
  },
  access: {
    // The catalogue is public: apps and the portal name products without logging in.
    read: () => true,
    create: isReleaseManager,
    update: isReleaseManager,
    delete: isReleaseManager,
  },
  hooks: {
    beforeDelete: [
      refuseDeleteWhileReferenced('product', [
        { collection: 'licenses', field: 'product', label: ['license', 'licenses'] },
        { collection: 'releases', field: 'product', label: ['release', 'releases'] },
      ]),
    ],
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      validate: (value: unknown) =>
        (typeof value === 'string' && /^[a-z][a-z0-9-]{1,40}$/.test(value)) ||
        'Lowercase letters, digits and dashes',
    },
    {
      name: 'lines',
      type: 'text',
      hasMany: true,
      required: true,
      admin: { description: 'Supported lines, e.g. v6 and v7.' },
    },
    {
      name: 'platforms',
      type: 'text',
      hasMany: true,
      defaultValue: ['windows-x64', 'linux-x64'],
      admin: {
        description: 'Platforms artifacts are built for, e.g. windows-x64, linux-x64, linux-arm64.',
      },
    },
    {
      name: 'modules',
      type: 'text',
      hasMany: true,
      admin: { description: 'Modules a license of this product can unlock.' },
    },
    {
      name: 'keepVersionsDays',
      type: 'number',
      required: true,
      defaultValue: 730,
      min: 1,
      admin: {
        description:
          'Artifact files of releases older than this are deleted (the release record stays).',
      },
    },
  ],
}
