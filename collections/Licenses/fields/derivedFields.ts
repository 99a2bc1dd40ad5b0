import type { Field } from 'payload'

import { derivedLicenseStatuses, deriveLicenseStatus } from '../../../src/lib/licenseStatus'
import { daysLeft, describeTimeLeft, isExpired } from '../../../src/lib/time'

/** Computed when read, never stored: no column, no migration, never stale. */
const derived = { virtual: true, admin: { readOnly: true, disableListFilter: true } } as const

/**
 * What a license is now (status), how long it has left and how many of its client seats are in
 * use, for people; `daysLeft` and `isExpired` for programs (the API). All derived when read.
 */
export const derivedLicenseFields: Field[] = [
  {
    type: 'row',
    fields: [
      {
        name: 'currentStatus',
        label: 'Status',
        type: 'select',
        ...derived,
        admin: {
          ...derived.admin,
          description: 'From the status support set, the start and the expiry.',
        },
        options: derivedLicenseStatuses.map((value) => ({
          label: value.replace('-', ' '),
          value,
        })),
        hooks: { afterRead: [({ siblingData }) => deriveLicenseStatus(siblingData)] },
      },
      {
        name: 'timeLeft',
        label: 'Days left',
        type: 'text',
        ...derived,
        hooks: { afterRead: [({ siblingData }) => describeTimeLeft(siblingData.expiresAt)] },
      },
      {
        name: 'clientsInUse',
        label: 'Clients in use / max',
        type: 'text',
        ...derived,
        hooks: {
          afterRead: [
            ({ siblingData }) =>
              `${siblingData.activeClients ?? 0} / ${siblingData.maxClients ?? 0}`,
          ],
        },
      },
    ],
  },
  {
    name: 'daysLeft',
    type: 'number',
    ...derived,
    admin: { ...derived.admin, hidden: true },
    hooks: { afterRead: [({ siblingData }) => daysLeft(siblingData.expiresAt)] },
  },
  {
    name: 'isExpired',
    type: 'checkbox',
    ...derived,
    admin: { ...derived.admin, hidden: true },
    hooks: { afterRead: [({ siblingData }) => isExpired(siblingData.expiresAt)] },
  },
]
