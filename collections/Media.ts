import type { CollectionConfig } from 'payload'

import { isEditor } from './access/isEditor'
import { isLoggedIn } from './access/isLoggedIn'
import { mediaUploadsDir } from './storagePaths'
import { adminGroups } from './adminGroups'

/** Images and videos for teasers, posters and notes. */
export const Media: CollectionConfig = {
  slug: 'media',
  admin: { group: adminGroups.content },
  access: { read: isLoggedIn, create: isEditor, update: isEditor, delete: isEditor },
  upload: {
    staticDir: mediaUploadsDir,
    mimeTypes: ['image/*', 'video/*'],
  },
  fields: [{ name: 'alt', type: 'text' }],
}
