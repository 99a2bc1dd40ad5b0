import type { CollectionConfig } from 'payload'

import { isEditor } from './access/isEditor'
import { isLoggedIn } from './access/isLoggedIn'

export const faqTopics = ['licensing', 'install', 'updates', 'billing', 'other'] as const

export const Faqs: CollectionConfig = {
  slug: 'faqs',
  admin: {
    useAsTitle: 'question',
    defaultColumns: ['question', 'topic', 'order'],
    group: 'Docs & marketing',
  },
  defaultSort: 'order',
  access: { read: isLoggedIn, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    { name: 'question', type: 'text', required: true },
    { name: 'answer', type: 'richText', required: true },
    {
      type: 'row',
      fields: [
        {
          name: 'topic',
          type: 'select',
          required: true,
          defaultValue: 'other',
          options: faqTopics.map((value) => ({ label: value, value })),
        },
        { name: 'order', type: 'number', defaultValue: 100 },
      ],
    },
  ],
}
