import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../../collections/access/isAdmin'
import { adminGroups } from '../../../collections/adminGroups'

export const signingKeyStatuses = ['active', 'retired'] as const

/**
 * The public half of every signing key the server has used. Private keys never reach the
 * database. Rows are written by the signing plugin only (boot and rotation), never by hand.
 */
export const SigningKeys: CollectionConfig = {
  slug: 'signing-keys',
  admin: {
    useAsTitle: 'kid',
    defaultColumns: ['kid', 'status', 'createdAt', 'retiredAt'],
    group: adminGroups.system,
    description: 'Public signing keys published at /api/v1/keys. Managed by the server; read-only.',
  },
  access: {
    read: isAdmin,
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  fields: [
    {
      name: 'kid',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { readOnly: true, description: 'RFC 7638 thumbprint of the public key.' },
    },
    { name: 'publicJwk', type: 'json', required: true, admin: { readOnly: true } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'active',
      index: true,
      options: signingKeyStatuses.map((value) => ({ label: value, value })),
      admin: { readOnly: true },
    },
    {
      name: 'statement',
      type: 'textarea',
      admin: {
        readOnly: true,
        description:
          'key+jws statement "this kid is trusted", signed by the key it replaced (empty for the first key).',
      },
    },
    { name: 'retiredAt', type: 'date', admin: { readOnly: true } },
  ],
}
