import { formatDay } from '../../../lib/time'
import type { ReleaseView } from './findRelease'
import styles from './releaseContent.module.css'

/** The release's title line: product, line, version, then date, channel, critical and pulled marks. */
export const ReleaseHeading = ({ product, release }: ReleaseView) => (
  <header className={styles.heading}>
    <p className={styles.kicker}>
      {product.name} · {release.line.toUpperCase()}
    </p>
    <h1>Version {release.version}</h1>
    <p className={styles.facts}>
      <span>
        Released{' '}
        <time dateTime={release.releasedAt ?? release.createdAt}>
          {formatDay(release.releasedAt ?? release.createdAt)}
        </time>
      </span>
      <span className={release.channel === 'stable' ? 'badge badge-ok' : 'badge badge-warning'}>
        {release.channel}
      </span>
      {release.critical && <span className="badge badge-danger">critical update</span>}
      {release.status === 'pulled' && <span className="badge badge-danger">pulled</span>}
    </p>
    {release.summary && <p className="lead">{release.summary}</p>}
  </header>
)
