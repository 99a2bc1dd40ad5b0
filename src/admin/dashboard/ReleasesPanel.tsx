import { CountTiles } from './CountTiles'
import { editUrl } from './listUrl'
import type { ReleaseSummary } from './releaseSummary'

const utcDate = (value: string | null) => (value ? value.slice(0, 10) : '—')

/** Releases per status and the last five published. */
export const ReleasesPanel = ({
  adminRoute,
  summary,
}: {
  adminRoute: string
  summary: ReleaseSummary
}) => (
  <>
    <CountTiles adminRoute={adminRoute} counts={summary.byStatus} />
    <h4>Last published</h4>
    {summary.lastPublished.length === 0 ? (
      <p>None yet.</p>
    ) : (
      <ul className="hub-dashboard__list">
        {summary.lastPublished.map((release) => (
          <li key={release.id}>
            <a href={editUrl(adminRoute, 'releases', release.id)}>{release.title}</a> ·{' '}
            {release.version} · {release.channel} · {utcDate(release.releasedAt)}
          </li>
        ))}
      </ul>
    )}
  </>
)
