import type { ReleaseOnView } from './findRelease'
import { embedOf } from './embedOf'
import styles from './releaseContent.module.css'

/**
 * The video teaser: an uploaded file in `<video>`, a YouTube or Vimeo address in their player, any
 * other video address in `<video>`.
 */
export const TeaserPlayer = ({ teaser }: { teaser: ReleaseOnView['videoTeaser'] }) => {
  if (!teaser) return null
  const uploaded = teaser.video?.url
  const embed = uploaded ? ({ kind: 'video', src: uploaded } as const) : embedOf(teaser.url ?? '')
  return (
    <section aria-labelledby="release-teaser" className="panel">
      <h2 id="release-teaser">{teaser.title}</h2>
      {teaser.description && <p>{teaser.description}</p>}
      {embed?.kind === 'iframe' && (
        <div className={styles.player}>
          <iframe
            src={embed.src}
            title={teaser.title}
            loading="lazy"
            allow="encrypted-media; picture-in-picture; fullscreen"
            allowFullScreen
            referrerPolicy="strict-origin-when-cross-origin"
          />
        </div>
      )}
      {embed?.kind === 'video' && (
        <video
          className={styles.video}
          controls
          preload="metadata"
          poster={teaser.poster?.url ?? undefined}
          aria-label={teaser.title}
        >
          <source src={embed.src} type={teaser.video?.mimeType ?? undefined} />
          <a href={embed.src}>Watch the video</a>
        </video>
      )}
      {!embed && <p className="empty">Sign in to the portal to watch this video.</p>}
    </section>
  )
}
