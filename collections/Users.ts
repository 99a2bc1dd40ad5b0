import type { CollectionConfig } from 'payload'

import { hasRole, isStaffUser, userHasRole } from './access/hasRole'
import { isStaff } from './access/isStaff'
import { staffRoles } from './access/roles'
import { adminGroups } from './adminGroups'

/** Staff accounts: they log into /admin. Roles decide what each one can touch. */
export const Users: CollectionConfig = {
  slug: 'users',
  auth: true,
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'roles'],
    group: adminGroups.system,
  },
  access: {
    admin: ({ req }) => isStaffUser(req.user),
    read: isStaff,
    create: hasRole('admin'),
    delete: hasRole('admin'),
    update: ({ req, id }) =>
      userHasRole(req.user, ['admin']) || (req.user?.collection === 'users' && req.user.id === id),
  },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['support'],
      options: staffRoles.map((role) => ({ label: role, value: role })),
      saveToJWT: true,
      access: {
        // Only an admin can hand out roles; nobody promotes themself.
        create: ({ req }) => userHasRole(req.user, ['admin']),
        update: ({ req }) => userHasRole(req.user, ['admin']),
      },
      admin: {
        description:
          'admin: everything · support: licenses & customers · release-manager: releases · editor: docs & marketing',
      },
    },
  ],
}
