import type { Access } from 'payload'

import { isStaffUser } from './hasRole'

export const isStaff: Access = ({ req }) => isStaffUser(req.user)
