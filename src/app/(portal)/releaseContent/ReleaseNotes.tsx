import { RichText } from '@payloadcms/richtext-lexical/react'

import type { ReleaseOnView } from './findRelease'
import styles from './releaseContent.module.css'

/** The release notes, Lexical rendered by Payload's React converter. */
export const ReleaseNotes = ({ notes }: { notes: ReleaseOnView['notes'] }) => {
  if (!notes?.root?.children?.length) return null
  return (
    <section aria-labelledby="release-notes" className="panel">
      <h2 id="release-notes">Release notes</h2>
      <RichText data={notes} className={styles.richText} />
    </section>
  )
}
