import type { ServerProps } from 'payload'

import { SearchForm } from './SearchForm'

/**
 * The "find anything" box above the licenses list: the list's own search matches only what its
 * columns hold, while support arrives with a pasted key, an email or a fingerprint.
 */
export const LicensesListSearch = ({ payload }: ServerProps) => (
  <div style={{ marginBottom: 'var(--base)' }}>
    <SearchForm adminRoute={payload.config.routes.admin} />
  </div>
)
