import type { Metadata } from 'next'

import { requireCustomer } from '../session/currentCustomer'
import { findLicensedLines } from './findLicensedLines'
import { LineReleases } from './LineReleases'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: 'Updates · ProMonitor portal' }

/** The releases of every product and line the account holds licenses for, newest first. */
export default async function UpdatesPage() {
  const { payload, user } = await requireCustomer('/portal/updates')
  const lines = await findLicensedLines(payload, user)
  return (
    <main className="portal-page">
      <h1>Updates</h1>
      <p className="lead">
        Every release of the products and lines your licenses cover, old versions included. Open a
        version for its notes, changelog and downloads.
      </p>
      {lines.length === 0 ? (
        <p className="empty">
          Your account holds no license yet, so there are no updates to show. Ask your company’s
          administrator, or contact us for a trial.
        </p>
      ) : (
        lines.map((licensed) => (
          <LineReleases
            key={`${licensed.product.id}|${licensed.line}`}
            payload={payload}
            user={user}
            licensed={licensed}
          />
        ))
      )}
    </main>
  )
}
