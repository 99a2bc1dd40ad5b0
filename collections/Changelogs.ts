import type { CollectionConfig } from 'payload'

import { isEditor } from './access/isEditor'
import { staffOrOnPublishedRelease } from './access/published'
import { adminGroups } from './adminGroups'

export const changeKinds = ['added', 'changed', 'fixed', 'security'] as const

/** What changed in one release, entry by entry (Keep a Changelog's kinds). */
export const Changelogs: CollectionConfig = {
  slug: 'changelogs',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'release', 'updatedAt'],
    group: adminGroups.content,
  },
  access: { read: staffOrOnPublishedRelease, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'release', type: 'relationship', relationTo: 'releases', index: true },
    {
      name: 'entries',
      type: 'array',
      minRows: 1,
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'kind',
              type: 'select',
              required: true,
              defaultValue: 'changed',
              options: changeKinds.map((value) => ({ label: value, value })),
            },
            { name: 'text', type: 'text', required: true },
          ],
        },
      ],
    },
  ],
}
