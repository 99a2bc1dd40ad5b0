import type { CollectionConfig } from 'payload'

import { hasRole } from '../../../collections/access/hasRole'
import { emailTemplateKeys } from '../../../collections/EmailTemplates/templateKeys'
import { adminGroups } from '../../../collections/adminGroups'

export const outboxStatuses = ['queued', 'sending', 'sent', 'failed'] as const

/**
 * Every mail the system sends, rendered and waiting or done. The idempotency key is unique, so a
 * mail that was queued once (a release mail to one recipient, one expiry reminder) never goes
 * twice.
 */
export const Outbox: CollectionConfig = {
  slug: 'outbox',
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'to', 'templateKey', 'status', 'attempts', 'sentAt'],
    group: adminGroups.mail,
    // Support runs the scheduled tasks now from here: the scheduled runs themselves are admins'.
    components: { beforeListTable: ['/plugins/scheduler/components/RunNow#RunNow'] },
  },
  defaultSort: '-createdAt',
  access: {
    // Mails carry license keys and single-use register and reset links: support and admins only.
    read: hasRole('support'),
    // Mail is queued by the system; staff may only retry or cancel (update).
    create: () => false,
    update: hasRole('support'),
    delete: hasRole('admin'),
  },
  fields: [
    { name: 'to', type: 'email', required: true, index: true },
    {
      name: 'templateKey',
      type: 'select',
      options: emailTemplateKeys.map((value) => ({ label: value, value })),
      index: true,
    },
    { name: 'template', type: 'relationship', relationTo: 'email-templates' },
    { name: 'subject', type: 'text', required: true },
    { name: 'text', type: 'textarea', required: true },
    { name: 'html', type: 'code', admin: { language: 'html' } },
    {
      type: 'row',
      fields: [
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'queued',
          index: true,
          options: outboxStatuses.map((value) => ({ label: value, value })),
        },
        { name: 'attempts', type: 'number', defaultValue: 0, admin: { readOnly: true } },
        {
          name: 'nextAttemptAt',
          type: 'date',
          index: true,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
    {
      name: 'idempotencyKey',
      type: 'text',
      required: true,
      unique: true,
      admin: { readOnly: true },
    },
    {
      type: 'row',
      fields: [
        { name: 'claimedAt', type: 'date', admin: { readOnly: true } },
        { name: 'sentAt', type: 'date', admin: { readOnly: true } },
        { name: 'messageId', type: 'text', admin: { readOnly: true } },
      ],
    },
    { name: 'lastError', type: 'textarea', admin: { readOnly: true } },
    {
      name: 'context',
      type: 'json',
      admin: { description: 'What the mail is about (license, release, …).' },
    },
    // From `context.license`, so a license's history lists the mails about it with an indexed
    // query.
    {
      name: 'license',
      type: 'relationship',
      relationTo: 'licenses',
      index: true,
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}
