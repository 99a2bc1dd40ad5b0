import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createFreshDatabase, postgresAdminUrl } from '../helpers/testDatabase'
import { startNextServer, type NextServer } from './helpers/startNextServer'

const postgresReachable = async (): Promise<boolean> => {
  const { default: pg } = await import('pg')
  const client = new pg.Client({
    connectionString: postgresAdminUrl,
    connectionTimeoutMillis: 3000,
  })
  try {
    await client.connect()
    await client.end()
    return true
  } catch {
    return false
  }
}

const reachable = await postgresReachable()
if (!reachable) console.warn(`SKIPPED: PostgreSQL is not reachable at ${postgresAdminUrl}`)

/**
 * Production on PostgreSQL: `npm start` applies the repo's migrations to an empty database, then
 * seeds it.
 */
describe.skipIf(!reachable)('the production build on PostgreSQL', () => {
  let server: NextServer

  beforeAll(async () => {
    const { url } = await createFreshDatabase('postgres')
    server = await startNextServer({ DATABASE_URL: url })
  })
  afterAll(async () => server?.stop())

  it('migrates an empty database and serves the seeded catalogue and a signed manifest', async () => {
    const products = (await (await fetch(`${server.url}/api/products?sort=slug`)).json()) as {
      docs: Array<{ slug: string }>
    }
    expect(products.docs.map((product) => product.slug)).toEqual([
      'cockpit',
      'collector',
      'promonitor',
    ])
    const manifest = await fetch(
      `${server.url}/api/v1/updates/manifest?product=promonitor&line=v6&channel=stable&platform=windows-x64`,
    )
    expect(manifest.status).toBe(200)
    expect(
      ((await manifest.json()) as { releases: Array<{ version: string }> }).releases[0].version,
    ).toBe('6.9.2')
  })
})
