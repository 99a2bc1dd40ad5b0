import { editUrl } from '../dashboard/listUrl'
import type { SearchHit } from './findAnything'

/** One kind of result, each hit linking to its edit view by id. */
export const SearchResultsList = ({
  adminRoute,
  heading,
  hits,
}: {
  adminRoute: string
  heading: string
  hits: SearchHit[]
}) =>
  hits.length === 0 ? null : (
    <section data-kind={hits[0].collection}>
      <h2>
        {heading} ({hits.length})
      </h2>
      <ul className="hub-dashboard__list">
        {hits.map((hit) => (
          <li key={`${hit.collection}-${hit.id}`}>
            <a href={editUrl(adminRoute, hit.collection, hit.id)}>{hit.title}</a>
            {hit.detail && <> · {hit.detail}</>}
          </li>
        ))}
      </ul>
    </section>
  )
