import type { CollectionConfig } from 'payload'

import { hasRole } from '../../../collections/access/hasRole'
import { adminGroups } from '../../../collections/adminGroups'

/**
 * One row per run of a scheduled task and period (`retention:2026-11-28`). The unique run key is
 * the claim: the instance whose insert lands does the work; the others skip it until
 * `claimedUntil`, a lease the running instance renews (see `runOnce`), after which a run that did
 * not finish (its instance died, or it failed) is taken over by the next trigger.
 */
export const ScheduledRuns: CollectionConfig = {
  slug: 'scheduled-runs',
  admin: {
    useAsTitle: 'runKey',
    defaultColumns: ['runKey', 'task', 'status', 'startedAt', 'finishedAt'],
    group: adminGroups.system,
  },
  defaultSort: '-startedAt',
  access: {
    read: hasRole('admin'),
    create: () => false,
    update: () => false,
    delete: hasRole('admin'),
  },
  fields: [
    { name: 'task', type: 'text', required: true, index: true },
    { name: 'runKey', type: 'text', required: true, unique: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'running',
      options: ['running', 'done', 'failed'],
    },
    { name: 'instance', type: 'text' },
    { name: 'startedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'finishedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'claimedUntil',
      type: 'date',
      admin: {
        date: { pickerAppearance: 'dayAndTime' },
        description: 'Another instance may take an unfinished run over after this.',
      },
    },
    { name: 'result', type: 'json' },
    { name: 'error', type: 'textarea' },
  ],
}
