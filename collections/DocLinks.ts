import type { CollectionConfig } from 'payload'

import { isEditor } from './access/isEditor'
import { staffOrOnPublishedRelease } from './access/published'
import { validateHttpUrl } from './validation/validateHttpUrl'
import { adminGroups } from './adminGroups'

/** Links to the documentation site and the wiki, per product or release. */
export const DocLinks: CollectionConfig = {
  slug: 'doc-links',
  labels: { singular: 'Doc link', plural: 'Doc links' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'product', 'release'],
    group: adminGroups.content,
  },
  access: { read: staffOrOnPublishedRelease, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'url', type: 'text', required: true, validate: validateHttpUrl },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'doc',
      options: [
        { label: 'Documentation', value: 'doc' },
        { label: 'Wiki', value: 'wiki' },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'product', type: 'relationship', relationTo: 'products', index: true },
        { name: 'release', type: 'relationship', relationTo: 'releases', index: true },
      ],
    },
  ],
}
