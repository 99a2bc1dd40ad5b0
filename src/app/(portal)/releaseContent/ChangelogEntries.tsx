import type { Changelog } from '../../../../payload-types'
import styles from './releaseContent.module.css'

const kindLabels: Record<string, string> = {
  added: 'Added',
  changed: 'Changed',
  fixed: 'Fixed',
  security: 'Security',
}

/** The changelog's entries, each with its kind (Keep a Changelog's words). */
export const ChangelogEntries = ({ changelog }: { changelog: Changelog | null }) => {
  const entries = changelog?.entries ?? []
  if (entries.length === 0) return null
  return (
    <section aria-labelledby="release-changelog" className="panel">
      <h2 id="release-changelog">Changelog</h2>
      <ul className={styles.changelog}>
        {entries.map((entry, index) => (
          <li key={entry.id ?? index}>
            <span
              className={entry.kind === 'security' ? 'badge badge-danger' : 'badge'}
              data-kind={entry.kind}
            >
              {kindLabels[entry.kind] ?? entry.kind}
            </span>{' '}
            {entry.text}
          </li>
        ))}
      </ul>
    </section>
  )
}
