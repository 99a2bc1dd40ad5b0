import type { CollectionConfig } from 'payload'

import { isEditor } from './access/isEditor'
import { adminGroups } from './adminGroups'

export const faqTopics = ['licensing', 'install', 'updates', 'billing', 'other'] as const

export const Faqs: CollectionConfig = {
  slug: 'faqs',
  labels: { singular: 'FAQ', plural: 'FAQs' },
  admin: {
    useAsTitle: 'question',
    defaultColumns: ['question', 'topic', 'order'],
    group: adminGroups.content,
  },
  defaultSort: 'order',
  // Public: the FAQ page helps before signing in too (how to sign in, install a license).
  access: { read: () => true, create: isEditor, update: isEditor, delete: isEditor },
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
