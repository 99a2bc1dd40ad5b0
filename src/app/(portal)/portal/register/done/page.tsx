import config from '@payload-config'
import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { getPayload } from 'payload'

import { customerCollectionSlug } from '../../../../../../collections/access/roles'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Signed in · ProMonitor',
  robots: { index: false, follow: false },
}

/**
 * Where a claimed register link lands: who is signed in and what they now see. Stands in for
 * the portal's home (`/portal`) until the portal pages exist.
 */
export default async function RegisteredPage() {
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: await headers() })
  if (!user || user.collection !== customerCollectionSlug) {
    return (
      <main className="register">
        <h1>You are not signed in</h1>
        <p>
          <a href="/">ProMonitor License &amp; Update Hub</a>
        </p>
      </main>
    )
  }
  const licenses = await payload.find({
    collection: 'licenses',
    user,
    overrideAccess: false,
    depth: 1,
    sort: 'expiresAt',
    limit: 50,
    select: { product: true, line: true, type: true, expiresAt: true, customer: true },
  })
  return (
    <main className="register">
      <h1>You are signed in</h1>
      <p className="lead">Your portal account is {user.email}. These licenses are yours:</p>
      <ul className="register-licenses">
        {licenses.docs.map((license) => (
          <li key={license.id}>
            {typeof license.product === 'object' ? license.product.name : 'Product'} {license.line}{' '}
            · {license.type}
            {license.expiresAt ? ` · until ${license.expiresAt.slice(0, 10)}` : ''}
            {typeof license.customer === 'object' ? ` · ${license.customer.name}` : ''}
          </li>
        ))}
      </ul>
      <p>
        <a href="/">ProMonitor License &amp; Update Hub</a>
      </p>
    </main>
  )
}
