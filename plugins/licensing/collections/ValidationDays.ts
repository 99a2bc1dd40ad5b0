import type { CollectionConfig } from 'payload'

import { hasRole } from '../../../collections/access/hasRole'
import { adminGroups } from '../../../collections/adminGroups'

/**
 * How many validations the service answered on each UTC day, for the back office's chart.
 * Written only by the validation-count flush, one atomic `count = count + n` per day, so the
 * counts of several instances add up.
 */
export const ValidationDays: CollectionConfig = {
  slug: 'validation-days',
  labels: { singular: 'Validation day', plural: 'Validations per day' },
  admin: {
    useAsTitle: 'day',
    defaultColumns: ['day', 'count'],
    group: adminGroups.system,
    hidden: true,
  },
  defaultSort: '-day',
  access: {
    // Who reads licenses sees how often they are validated.
    read: hasRole('support', 'release-manager'),
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  fields: [
    {
      name: 'day',
      type: 'text',
      required: true,
      unique: true,
      admin: { description: 'The UTC day, as YYYY-MM-DD.' },
    },
    { name: 'count', type: 'number', required: true, defaultValue: 0, min: 0 },
  ],
}
