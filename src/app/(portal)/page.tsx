import config from '@payload-config'
import { getPayload } from 'payload'

export const dynamic = 'force-dynamic'

/** The front door: where staff, customers and integrators go from here. */
export default async function HomePage() {
  const payload = await getPayload({ config })
  const { docs: products } = await payload.find({
    collection: 'products',
    depth: 0,
    limit: 10,
    sort: 'name',
  })

  return (
    <main>
      <h1>ProMonitor License &amp; Update Hub</h1>
      <p className="lead">
        Licenses, releases and secure downloads for{' '}
        {products.map((product) => product.name).join(', ') || 'ProMonitor'}.
      </p>
      <div className="cards">
        <a className="card" href="/portal">
          <strong>Customer portal</strong>
          Your company’s licenses and days left, usage, updates and downloads. Sign in with your
          portal account.
        </a>
        <a className="card" href="/admin">
          <strong>Staff back office</strong>
          Licenses, customers, releases, release notes and mail templates.
        </a>
        <a className="card" href="/api/v1/openapi.json">
          <strong>Client API</strong>
          The signed protocol installed apps use (OpenAPI document).
        </a>
        <a className="card" href="/api/v1/keys">
          <strong>Signing keys</strong>
          The public keys that verify license files and update manifests.
        </a>
      </div>
    </main>
  )
}
