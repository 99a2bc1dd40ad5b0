import { listUrl } from './listUrl'
import type { DashboardCount } from './dashboardCount'

/** Numbers in a row, each opening the list view of the records it counts. */
export const CountTiles = ({
  adminRoute,
  counts,
}: {
  adminRoute: string
  counts: DashboardCount[]
}) => (
  <ul className="hub-dashboard__tiles">
    {counts.map((count) => {
      const body = (
        <>
          <span className="hub-dashboard__count">{count.count}</span>
          <span className="hub-dashboard__label">{count.label}</span>
        </>
      )
      return (
        <li key={count.label} className="hub-dashboard__tile">
          {count.where ? (
            <a href={listUrl(adminRoute, count.collection, count.where)} data-count={count.count}>
              {body}
            </a>
          ) : (
            <span data-count={count.count}>{body}</span>
          )}
        </li>
      )
    })}
  </ul>
)
