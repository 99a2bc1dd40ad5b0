import type { CollectionConfig, FieldAccess } from 'payload'

import { rolesField, systemField } from '../access/fieldAccess'
import { hasRole, userHasRole } from '../access/hasRole'
import { isSupport } from '../access/isSupport'
import { ownCompaniesWhere } from '../access/ownCompanies'
import { customerCollectionSlug } from '../access/roles'
import { validateLineOfProduct } from '../validation/validateLineOfProduct'
import { assignKey } from './hooks/assignKey'
import { checkTerms } from './hooks/checkTerms'
import { findByKeyIndex } from './hooks/findByKeyIndex'
import { openKey, sealKey, withoutKeyIndex } from './hooks/sealKey'
import { derivedLicenseFields } from './fields/derivedFields'
import { licenseListNames } from './fields/listNames'

export const licenseTypes = ['trial', 'subscription', 'perpetual', 'on-usage'] as const
export const licenseStatuses = ['active', 'suspended'] as const

/** Counters kept by the licensing code (which writes with overrideAccess), never by hand. */
const systemOnly = { create: systemField, update: systemField }

/** Support's own bookkeeping, for no other staff role and no customer. */
const supportOnly = { read: rolesField('support') }

/**
 * The key is the secret an app activates with: support and the owning customer (read access
 * already keeps a customer to its own licenses) read it; release managers see the rest, not this.
 */
const keyReaders: FieldAccess = ({ req }) =>
  userHasRole(req.user, ['support']) || req.user?.collection === customerCollectionSlug

/**
 * A customer's right to run one product line. Its current status, days left and seats in use are
 * derived when read (never stored, so never stale).
 */
export const Licenses: CollectionConfig = {
  slug: 'licenses',
  admin: {
    useAsTitle: 'key',
    // The key first: it is the title, the link to the license.
    defaultColumns: [
      'key',
      'customerName',
      'productName',
      'line',
      'type',
      'currentStatus',
      'timeLeft',
      'clientsInUse',
    ],
    listSearchableFields: ['key'],
    components: { beforeListTable: ['/src/admin/search/LicensesListSearch#LicensesListSearch'] },
    group: 'Customers & licenses',
  },
  access: {
    // Release managers read licenses to know who to mail; editors never see them.
    read: (args) =>
      hasRole('support', 'release-manager')(args) ||
      (args.req.user?.collection === customerCollectionSlug
        ? ownCompaniesWhere(args.req.user)
        : false),
    create: isSupport,
    update: isSupport,
    delete: hasRole('admin'),
  },
  hooks: {
    beforeOperation: [findByKeyIndex],
    beforeValidate: [assignKey],
    beforeChange: [checkTerms, sealKey],
    afterRead: [withoutKeyIndex],
  },
  fields: [
    {
      // Stored sealed (src/lib/licenseKeyAtRest.ts), read in the clear; found through keyIndex.
      name: 'key',
      type: 'text',
      admin: { readOnly: true, description: 'Generated when the license is created.' },
      access: { read: keyReaders, update: systemField },
      hooks: { afterRead: [openKey] },
    },
    {
      // The HMAC of the canonical key: what a `where` on `key` is turned into.
      name: 'keyIndex',
      type: 'text',
      unique: true,
      index: true,
      admin: { hidden: true },
      access: { read: keyReaders, create: systemField, update: systemField },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'customer',
          type: 'relationship',
          relationTo: 'customers',
          required: true,
          index: true,
        },
        {
          name: 'product',
          type: 'relationship',
          relationTo: 'products',
          required: true,
          index: true,
        },
        { name: 'line', type: 'text', required: true, validate: validateLineOfProduct },
      ],
    },
    ...licenseListNames,
    {
      type: 'row',
      fields: [
        {
          name: 'type',
          type: 'select',
          required: true,
          defaultValue: 'subscription',
          index: true,
          options: licenseTypes.map((value) => ({ label: value, value })),
        },
        {
          name: 'status',
          label: 'Set status',
          type: 'select',
          required: true,
          defaultValue: 'active',
          index: true,
          admin: { description: 'Suspend or reinstate; Status below says what it is today.' },
          options: licenseStatuses.map((value) => ({ label: value, value })),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'startsAt',
          type: 'date',
          required: true,
          defaultValue: () => new Date().toISOString(),
        },
        {
          name: 'expiresAt',
          type: 'date',
          index: true,
          admin: {
            description: 'None for a perpetual license.',
            condition: (data) => data?.type !== 'perpetual',
          },
        },
      ],
    },
    { name: 'modules', type: 'text', hasMany: true },
    {
      type: 'row',
      fields: [
        {
          name: 'maxClients',
          type: 'number',
          required: true,
          defaultValue: 1,
          min: 0,
          admin: { description: 'Activated machines (apps, collectors, slaves).' },
        },
        { name: 'maxUsers', type: 'number', required: true, defaultValue: 5, min: 0 },
        {
          name: 'credits',
          type: 'number',
          min: 0,
          admin: {
            description: 'Usage credits left (on-usage licenses).',
            condition: (data) => data?.type === 'on-usage',
          },
        },
      ],
    },
    ...derivedLicenseFields,
    {
      type: 'collapsible',
      label: 'Usage',
      admin: { initCollapsed: true },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'activeClients',
              type: 'number',
              defaultValue: 0,
              admin: { readOnly: true },
              access: systemOnly,
            },
            {
              name: 'limitReachedCount',
              type: 'number',
              defaultValue: 0,
              admin: { readOnly: true, description: 'Activations refused for the client limit.' },
              access: systemOnly,
            },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'usersInUse',
              type: 'number',
              defaultValue: 0,
              admin: {
                readOnly: true,
                description:
                  'Users its active installations report, summed (a soft limit against maxUsers).',
              },
              access: systemOnly,
            },
            // The UTC day of the last staff alert per limit, so each goes at most once a day.
            {
              name: 'usersLimitAlertedOn',
              type: 'text',
              admin: { readOnly: true },
              access: systemOnly,
            },
            {
              name: 'clientsLimitAlertedOn',
              type: 'text',
              admin: { readOnly: true },
              access: systemOnly,
            },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'validationCount',
              type: 'number',
              defaultValue: 0,
              admin: { readOnly: true },
              access: systemOnly,
            },
            {
              name: 'lastValidatedAt',
              type: 'date',
              admin: { readOnly: true },
              access: systemOnly,
            },
          ],
        },
      ],
    },
    { name: 'notes', type: 'textarea', access: supportOnly },
    {
      name: 'reseller',
      type: 'relationship',
      relationTo: 'resellers',
      index: true,
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: 'The reseller that created this license through the reseller API.',
      },
      access: { ...supportOnly, ...systemOnly },
    },
    {
      name: 'creationKey',
      type: 'text',
      unique: true,
      index: true,
      admin: { hidden: true },
      // One trial per email and product, one license per reseller request: a unique claim, so a
      // retry or a second instance racing the first cannot create a second license.
      access: { ...supportOnly, ...systemOnly },
    },
  ],
}
