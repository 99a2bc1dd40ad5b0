import type { CollectionConfig } from 'payload'

import { isSupport } from '../../../collections/access/isSupport'
import { customerCollectionSlug } from '../../../collections/access/roles'
import { ownCompaniesWhere } from '../../../collections/access/ownCompanies'
import { adminGroups } from '../../../collections/adminGroups'

/**
 * One metered use that spent credits: written by `POST /api/v1/usage` in the same transaction as
 * the deduction, never through REST. The idempotency key is unique per license, so a retried use
 * is answered from here instead of being counted twice.
 */
export const UsageRecords: CollectionConfig = {
  slug: 'usage-records',
  admin: {
    useAsTitle: 'idempotencyKey',
    defaultColumns: ['occurredAt', 'license', 'quantity', 'remainingAfter', 'activation'],
    group: adminGroups.customers,
  },
  defaultSort: '-occurredAt',
  access: {
    // Support reads all; a customer account its own companies' records (the portal's usage view).
    read: ({ req }) =>
      req.user?.collection === customerCollectionSlug
        ? ownCompaniesWhere(req.user)
        : isSupport({ req }),
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  indexes: [
    { fields: ['license', 'idempotencyKey'], unique: true },
    { fields: ['license', 'occurredAt'] },
  ],
  fields: [
    { name: 'license', type: 'relationship', relationTo: 'licenses', required: true, index: true },
    {
      name: 'customer',
      type: 'relationship',
      relationTo: 'customers',
      required: true,
      index: true,
      admin: { description: 'The license’s company when the use was recorded.' },
    },
    { name: 'activation', type: 'relationship', relationTo: 'activations' },
    { name: 'quantity', type: 'number', required: true, min: 1 },
    { name: 'idempotencyKey', type: 'text', required: true },
    {
      name: 'occurredAt',
      type: 'date',
      required: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'receivedAt',
      type: 'date',
      required: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'remainingAfter',
      type: 'number',
      required: true,
      admin: { description: 'Credits left after this use.' },
    },
  ],
}
