import type { CollectionConfig } from 'payload'

import { isEditor } from './access/isEditor'
import { staffOrOnPublishedRelease } from './access/published'
import { validateHttpUrl } from './validation/validateHttpUrl'
import { adminGroups } from './adminGroups'

/** A short video that shows what a release brings: an uploaded file or a hosted URL. */
export const VideoTeasers: CollectionConfig = {
  slug: 'video-teasers',
  labels: { singular: 'Video teaser', plural: 'Video teasers' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'product', 'release'],
    group: adminGroups.content,
  },
  access: { read: staffOrOnPublishedRelease, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'description', type: 'textarea' },
    {
      name: 'video',
      type: 'upload',
      relationTo: 'media',
      admin: { description: 'Upload a file, or give a URL below.' },
    },
    {
      name: 'url',
      type: 'text',
      validate: (value: unknown, { siblingData }: { siblingData: { video?: unknown } }) => {
        if (!value) return siblingData.video ? true : 'Give a video file or a URL'
        return validateHttpUrl(value)
      },
    },
    { name: 'poster', type: 'upload', relationTo: 'media' },
    {
      type: 'row',
      fields: [
        { name: 'product', type: 'relationship', relationTo: 'products' },
        { name: 'release', type: 'relationship', relationTo: 'releases' },
      ],
    },
  ],
}
