import { hasRole } from './hasRole'

/** Docs & marketing (and release managers, admins): notes, changelogs, teasers, docs, templates. */
export const isEditor = hasRole('editor', 'release-manager')
