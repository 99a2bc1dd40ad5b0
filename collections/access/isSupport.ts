import { hasRole } from './hasRole'

/** Support staff (and admins): licenses, customers, customer accounts. */
export const isSupport = hasRole('support')
