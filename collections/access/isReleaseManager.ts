import { hasRole } from './hasRole'

/** Release managers (and admins): releases, artifacts, products. */
export const isReleaseManager = hasRole('release-manager')
