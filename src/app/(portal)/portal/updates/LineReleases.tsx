import type { Payload } from 'payload'

import { formatDay } from '../../../../lib/time'
import type { CustomerSession } from '../session/currentCustomer'
import type { LicensedLine } from './findLicensedLines'

type Props = { payload: Payload; user: CustomerSession['user']; licensed: LicensedLine }

/** One licensed line's releases, newest first, as far as retention keeps them. */
export const LineReleases = async ({ payload, user, licensed: { product, line } }: Props) => {
  const { docs: releases } = await payload.find({
    collection: 'releases',
    user,
    overrideAccess: false,
    depth: 0,
    limit: 200,
    joins: false,
    sort: '-releasedAt',
    where: { and: [{ product: { equals: product.id } }, { line: { equals: line } }] },
    select: {
      version: true,
      releasedAt: true,
      createdAt: true,
      channel: true,
      critical: true,
      status: true,
      archived: true,
    },
  })
  const headingId = `line-${product.slug}-${line}`
  return (
    <section aria-labelledby={headingId} className="panel" data-line={`${product.slug}/${line}`}>
      <h2 id={headingId}>
        {product.name} {line.toUpperCase()}
      </h2>
      {releases.length === 0 ? (
        <p className="empty">No release of this line has been published yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Released</th>
                <th scope="col">Channel</th>
                <th scope="col">Download</th>
              </tr>
            </thead>
            <tbody>
              {releases.map((release) => (
                <tr key={release.id} data-version={release.version}>
                  <th scope="row">
                    <a
                      href={`/portal/releases/${[product.slug, line, release.version].map(encodeURIComponent).join('/')}`}
                    >
                      {release.version}
                    </a>{' '}
                    {release.critical && <span className="badge badge-danger">critical</span>}
                  </th>
                  <td>{formatDay(release.releasedAt ?? release.createdAt)}</td>
                  <td>{release.channel}</td>
                  <td>
                    {release.status === 'pulled' ? (
                      <span className="badge badge-danger">pulled: not downloadable</span>
                    ) : release.archived ? (
                      <span className="badge">files removed by retention</span>
                    ) : (
                      <span className="badge badge-ok">on its page</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
