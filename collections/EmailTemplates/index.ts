import type { CollectionConfig } from 'payload'

import { isEditor } from '../access/isEditor'
import { isStaff } from '../access/isStaff'
import {
  emailTemplateKeys,
  emailTemplateVariables,
  variablesUsedIn,
  type EmailTemplateKey,
} from './templateKeys'
import { adminGroups } from '../adminGroups'

const onlyOfferedVariables = (
  value: unknown,
  { siblingData }: { siblingData: unknown },
): string | true => {
  if (typeof value !== 'string') return true
  const key = (siblingData as { key?: EmailTemplateKey }).key
  if (!key || !(key in emailTemplateVariables)) return true
  const offered: readonly string[] = emailTemplateVariables[key]
  const unknown = variablesUsedIn(value).filter((name) => !offered.includes(name))
  return (
    unknown.length === 0 ||
    `Not offered by ${key}: ${unknown.map((name) => `{{${name}}}`).join(', ')}`
  )
}

/** Subject and body of every mail, with {{variables}} filled in when the mail is queued. */
export const EmailTemplates: CollectionConfig = {
  slug: 'email-templates',
  labels: { singular: 'Email template', plural: 'Email templates' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'key', 'subject'],
    group: adminGroups.mail,
  },
  access: { read: isStaff, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'key',
      type: 'select',
      required: true,
      index: true,
      options: emailTemplateKeys.map((value) => ({ label: value, value })),
      admin: {
        description:
          'Which mail this template is for. Several templates may share a key (release mails let staff pick one); the first one is the default.',
      },
    },
    { name: 'subject', type: 'text', required: true, validate: onlyOfferedVariables },
    {
      name: 'body',
      type: 'textarea',
      required: true,
      validate: onlyOfferedVariables,
      admin: { rows: 14 },
    },
    {
      name: 'variables',
      type: 'text',
      hasMany: true,
      virtual: true,
      admin: { readOnly: true, description: 'Variables this key offers, as {{name}}.' },
      hooks: {
        afterRead: [
          ({ siblingData }) => [
            ...(emailTemplateVariables[(siblingData as { key: EmailTemplateKey }).key] ?? []),
          ],
        ],
      },
    },
  ],
}
