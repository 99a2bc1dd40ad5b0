import type { Payload } from 'payload'

import type { License } from '../../../payload-types'
import { addDays } from '../../../src/lib/time'
import { TrustStore } from '../../../src/sdk'

export const createCatalogue = async (payload: Payload) => {
  const promonitor = await payload.create({ collection: 'products', data: { slug: 'promonitor', name: 'ProMonitor', lines: ['v6', 'v7'], modules: ['reporting', 'sla', 'topology'], keepVersionsDays: 730 } })
  const collector = await payload.create({ collection: 'products', data: { slug: 'collector', name: 'Collector', lines: ['v6', 'v7'], modules: ['snmp'], keepVersionsDays: 730 } })
  return { promonitor, collector }
}

export const createCustomer = (payload: Payload, name: string, email = `${name.toLowerCase().replace(/\W+/g, '-')}@example.com`) =>
  payload.create({ collection: 'customers', data: { name, contacts: [{ email, name }] } })

type LicenseTerms = Partial<Pick<License, 'line' | 'type' | 'status' | 'startsAt' | 'expiresAt' | 'modules' | 'maxClients' | 'maxUsers' | 'credits'>> & { customer: number; product: number }

/** A license that is usable now unless the terms say otherwise. */
export const createLicense = (payload: Payload, terms: LicenseTerms) =>
  payload.create({
    collection: 'licenses',
    data: {
      line: 'v7',
      type: 'subscription',
      status: 'active',
      startsAt: addDays(new Date(), -10).toISOString(),
      expiresAt: addDays(new Date(), 100).toISOString(),
      maxClients: 2,
      maxUsers: 5,
      ...terms,
    },
  })

/** An SDK trust store pinned to the keys the server publishes now (as an app ships them). */
export const pinnedTrust = async (call: (method: string, path: string) => Promise<{ body: { keys: unknown[] } }>) =>
  new TrustStore((await call('GET', '/api/v1/keys')).body.keys as never)

/** A customer portal account with an API key (what the app's master login sends). */
export const createCustomerAccount = (payload: Payload, email: string, customers: number[], apiKey: string) =>
  payload.create({ collection: 'customer-users', data: { email, password: 'portal-password-1', customers, enableAPIKey: true, apiKey } })

/** A staff member of `role`; returns the Authorization header of their login over HTTP. */
export const staffLogin = async (
  payload: Payload,
  call: (method: string, path: string, options?: { body?: unknown }) => Promise<{ status: number; body: Record<string, any> }>,
  email: string,
  role: 'admin' | 'support' | 'release-manager' | 'editor',
): Promise<Record<string, string>> => {
  await payload.create({ collection: 'users', data: { email, password: 'staff-password-1', roles: [role] } as never })
  const answer = await call('POST', '/api/users/login', { body: { email, password: 'staff-password-1' } })
  if (answer.status !== 200) throw new Error(`Login of ${email} failed: ${answer.status}`)
  return { Authorization: `JWT ${answer.body.token}` }
}
