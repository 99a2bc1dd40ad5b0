import type { CollectionConfig } from 'payload'

import { isStaff } from '../../../collections/access/isStaff'
import { adminGroups } from '../../../collections/adminGroups'

export const releaseEventActions = ['pulled', 'restored'] as const

/**
 * What was done to a release after it shipped, by whom: pulls (with where apps go back to) and
 * restores.
 */
export const ReleaseEvents: CollectionConfig = {
  slug: 'release-events',
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['summary', 'action', 'actor', 'createdAt'],
    group: adminGroups.releases,
  },
  defaultSort: '-createdAt',
  access: { read: isStaff, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'release', type: 'relationship', relationTo: 'releases', required: true, index: true },
    {
      name: 'action',
      type: 'select',
      required: true,
      options: releaseEventActions.map((value) => ({ label: value, value })),
    },
    { name: 'version', type: 'text', required: true },
    {
      name: 'rollbackTo',
      type: 'text',
      admin: { description: 'Version apps on the pulled release go back to.' },
    },
    { name: 'actor', type: 'relationship', relationTo: 'users' },
    { name: 'summary', type: 'text' },
  ],
}
