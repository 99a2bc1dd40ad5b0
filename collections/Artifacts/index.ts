import type { CollectionConfig } from 'payload'

import { isReleaseManager } from '../access/isReleaseManager'
import { isStaff } from '../access/isStaff'
import { artifactsDir } from '../storagePaths'
import { computeChecksum } from './hooks/computeChecksum'
import { adminGroups } from '../adminGroups'

/**
 * Release binaries, one per platform. Customers and apps never read this collection directly:
 * they download through short-lived signed links that check their license.
 */
export const Artifacts: CollectionConfig = {
  slug: 'artifacts',
  admin: {
    useAsTitle: 'filename',
    defaultColumns: ['filename', 'release', 'platform', 'size', 'sha256'],
    group: adminGroups.releases,
  },
  access: {
    read: isStaff,
    create: isReleaseManager,
    update: isReleaseManager,
    delete: isReleaseManager,
  },
  upload: {
    staticDir: artifactsDir,
    disableLocalStorage: false,
  },
  hooks: { beforeChange: [computeChecksum] },
  // One build per platform and release: the manifest names exactly one artifact for each.
  indexes: [{ fields: ['release', 'platform'], unique: true }],
  fields: [
    { name: 'release', type: 'relationship', relationTo: 'releases', index: true },
    {
      name: 'platform',
      type: 'text',
      required: true,
      index: true,
      admin: { description: 'e.g. windows-x64, linux-x64, linux-arm64' },
      validate: (value: unknown) =>
        (typeof value === 'string' && /^[a-z0-9]+-[a-z0-9_]+$/.test(value)) || 'Like windows-x64',
    },
    {
      type: 'row',
      fields: [
        { name: 'sha256', type: 'text', index: true, admin: { readOnly: true } },
        { name: 'size', type: 'number', admin: { readOnly: true } },
      ],
    },
    {
      name: 'fileDeletedAt',
      type: 'date',
      admin: {
        readOnly: true,
        description: 'When retention deleted the file; the record (checksum, size) stays.',
      },
    },
  ],
}
