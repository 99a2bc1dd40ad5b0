import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../../collections/access/isAdmin'
import { adminGroups } from '../../../collections/adminGroups'

export const signInFailuresSlug = 'sign-in-failures'

/**
 * Failed sign-ins counted in the database, so a budget holds across app instances and API host
 * workers. One row per counted key (an address, or an account+address), written only by the
 * limiter's atomic upsert; an admin may delete a row to lift a limit early.
 */
export const SignInFailures: CollectionConfig = {
  slug: signInFailuresSlug,
  admin: { hidden: true, useAsTitle: 'key', group: adminGroups.system },
  access: {
    read: isAdmin,
    create: () => false,
    update: () => false,
    delete: isAdmin,
  },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    {
      name: 'account',
      type: 'text',
      index: true,
      admin: {
        description:
          '`<collection>:<email>` for an account+address count; empty for an address count.',
      },
    },
    { name: 'failures', type: 'number', required: true, defaultValue: 0 },
    { name: 'windowStartedAt', type: 'date', required: true },
  ],
}
