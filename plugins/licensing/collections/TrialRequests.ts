import type { CollectionConfig } from 'payload'

import { isSupport } from '../../../collections/access/isSupport'
import { adminGroups } from '../../../collections/adminGroups'

/**
 * Every in-app trial request, counted per email over a day so the budget holds across instances
 * (an in-memory limiter would give each instance its own).
 */
export const TrialRequests: CollectionConfig = {
  slug: 'trial-requests',
  admin: { hidden: true, useAsTitle: 'email', group: adminGroups.customers },
  access: {
    read: isSupport,
    create: () => false,
    update: () => false,
    delete: isSupport,
  },
  fields: [
    { name: 'email', type: 'email', required: true, index: true },
    { name: 'product', type: 'text' },
    { name: 'address', type: 'text' },
  ],
}
