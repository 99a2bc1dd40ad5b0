import type { CollectionConfig } from 'payload'

import { rolesField, staffField } from '../access/fieldAccess'
import { isEditor } from '../access/isEditor'
import { isReleaseManager } from '../access/isReleaseManager'
import { staffOrPublishedRelease } from '../access/published'
import { deleteReferencing } from '../hooks/deleteReferencing'
import { releaseMailTemplate } from './defaults/releaseMailTemplate'
import { setTitle } from './hooks/setTitle'
import { stampReleasedAt } from './hooks/stampReleasedAt'
import { validateLineOfProduct } from '../validation/validateLineOfProduct'
import { validateSemver, validateSemverRange } from '../validation/validateSemver'

/** Only release managers decide what ships and who is mailed; editors may still write the notes. */
const releaseManagersOnly = rolesField('release-manager')

export const releaseChannels = ['stable', 'beta', 'alpha'] as const
export const releaseStatuses = ['draft', 'published', 'pulled'] as const

export const Releases: CollectionConfig = {
  slug: 'releases',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'channel', 'status', 'releasedAt', 'rolloutPercent', 'critical'],
    listSearchableFields: ['version', 'title'],
    group: 'Releases',
  },
  versions: { drafts: true, maxPerDoc: 50 },
  indexes: [{ fields: ['product', 'line', 'version'], unique: true }],
  access: {
    read: staffOrPublishedRelease,
    // Drafts and history are for the staff who write and ship releases, never for customers.
    readVersions: isEditor,
    create: isReleaseManager,
    update: isEditor,
    delete: isReleaseManager,
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      admin: { readOnly: true, description: 'Set from product, line and version.' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'product',
          type: 'relationship',
          relationTo: 'products',
          required: true,
          index: true,
          access: { update: releaseManagersOnly },
        },
        {
          name: 'line',
          type: 'text',
          required: true,
          index: true,
          validate: validateLineOfProduct,
          access: { update: releaseManagersOnly },
        },
        {
          name: 'version',
          type: 'text',
          required: true,
          validate: validateSemver,
          access: { update: releaseManagersOnly },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'channel',
          type: 'select',
          required: true,
          defaultValue: 'stable',
          index: true,
          options: releaseChannels.map((value) => ({ label: value, value })),
          access: { update: releaseManagersOnly },
        },
        {
          name: 'status',
          type: 'select',
          // Its own enum: Payload's draft `_status` would otherwise claim `enum_releases_status` on
          // PostgreSQL.
          enumName: ({ tableName }) => `enum_${tableName}_release_status`,
          required: true,
          defaultValue: 'draft',
          index: true,
          options: releaseStatuses.map((value) => ({ label: value, value })),
          access: { create: releaseManagersOnly, update: releaseManagersOnly },
        },
        {
          name: 'releasedAt',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayAndTime' } },
          access: { update: releaseManagersOnly },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'critical',
          type: 'checkbox',
          defaultValue: false,
          access: { update: releaseManagersOnly },
        },
        {
          name: 'minimumUpgradeFrom',
          type: 'text',
          validate: (value: unknown) => (value ? validateSemver(value) : true),
          admin: {
            description:
              'Older installs must not update automatically (Sparkle’s minimumAutoupdateVersion).',
          },
          access: { update: releaseManagersOnly },
        },
        {
          name: 'rolloutPercent',
          type: 'number',
          required: true,
          defaultValue: 100,
          min: 0,
          max: 100,
          admin: {
            description:
              'Share of installs offered this release; the rest keep getting the previous one.',
          },
          access: { update: releaseManagersOnly },
        },
      ],
    },
    {
      name: 'requires',
      type: 'array',
      admin: { description: 'Other products that must be updated first, e.g. collector >=7.3.0.' },
      access: { update: releaseManagersOnly },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'product',
              type: 'text',
              required: true,
              admin: { description: 'Product slug, e.g. collector' },
            },
            { name: 'range', type: 'text', required: true, validate: validateSemverRange },
          ],
        },
      ],
    },
    {
      name: 'summary',
      type: 'textarea',
      admin: { description: 'One paragraph shown in apps and mails.' },
    },
    { name: 'notes', type: 'richText' },
    {
      type: 'row',
      fields: [
        { name: 'changelog', type: 'relationship', relationTo: 'changelogs' },
        { name: 'videoTeaser', type: 'relationship', relationTo: 'video-teasers' },
      ],
    },
    { name: 'docLinks', type: 'relationship', relationTo: 'doc-links', hasMany: true },
    { name: 'artifacts', type: 'join', collection: 'artifacts', on: 'release' },
    {
      type: 'collapsible',
      label: 'Pull (roll back)',
      admin: { initCollapsed: true },
      fields: [
        {
          name: 'rollbackTo',
          type: 'text',
          admin: { readOnly: true, description: 'Version apps on this release go back to.' },
          access: { read: staffField },
        },
        { name: 'pulledAt', type: 'date', admin: { readOnly: true }, access: { read: staffField } },
        {
          name: 'archived',
          type: 'checkbox',
          defaultValue: false,
          index: true,
          admin: { readOnly: true, description: 'Artifact files deleted by retention.' },
        },
      ],
    },
    {
      type: 'collapsible',
      label: 'Release mail',
      fields: [
        {
          name: 'notifyByEmail',
          type: 'checkbox',
          defaultValue: false,
          access: { read: staffField, update: releaseManagersOnly },
        },
        {
          name: 'emailTemplate',
          type: 'relationship',
          relationTo: 'email-templates',
          defaultValue: releaseMailTemplate,
          admin: { condition: (data) => Boolean(data?.notifyByEmail) },
          access: { read: staffField, create: releaseManagersOnly, update: releaseManagersOnly },
        },
        {
          name: 'recipients',
          type: 'array',
          // Every licensed company's contacts: for whoever sends the mail, not for editors or
          // customers.
          access: {
            read: releaseManagersOnly,
            create: releaseManagersOnly,
            update: releaseManagersOnly,
          },
          admin: {
            condition: (data) => Boolean(data?.notifyByEmail),
            components: { RowLabel: '/src/admin/releases/RecipientRowLabel#RecipientRowLabel' },
            description:
              'Every contact of every customer with a usable license for this product and line, listed when the release is created and brought up to date each time it is opened; untick to leave someone out, add extra addresses.',
          },
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'email', type: 'email', required: true },
                { name: 'include', type: 'checkbox', defaultValue: true },
                {
                  name: 'source',
                  type: 'select',
                  defaultValue: 'extra',
                  options: ['global', 'extra'],
                  admin: { readOnly: true },
                },
              ],
            },
          ],
        },
      ],
    },
  ],
  hooks: {
    beforeChange: [setTitle, stampReleasedAt],
    // A deleted release takes its artifacts (records and files) with it.
    beforeDelete: [deleteReferencing('artifacts', 'release')],
  },
}
