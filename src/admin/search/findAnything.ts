import type { CollectionSlug, Where } from 'payload'

import { canonicalLicenseKey } from '../../lib/licenseKey'
import type { StaffReader } from '../dashboard/staffReader'

export type SearchHit = {
  collection: CollectionSlug
  id: number
  title: string
  detail: string
}

export type SearchResults = {
  query: string
  licenses: SearchHit[]
  customers: SearchHit[]
  customerAccounts: SearchHit[]
  installations: SearchHit[]
}

const hitsPerKind = 20

const relatedName = (related: unknown, field: 'name' | 'key'): string | null => {
  if (typeof related !== 'object' || related === null) return null
  const value = (related as Record<string, unknown>)[field]
  return typeof value === 'string' ? value : null
}

/** A license by its key, pasted with or without dashes (any case, look-alikes forgiven). */
const findLicenses = async (reader: StaffReader, query: string): Promise<SearchHit[]> => {
  const key = canonicalLicenseKey(query)
  if (key === null || !reader.canReadField('licenses', 'key')) return []
  const { docs } = await reader.payload.find({
    collection: 'licenses',
    where: { key: { equals: key } },
    limit: hitsPerKind,
    depth: 1,
    select: { key: true, customer: true, product: true, line: true, type: true, status: true },
    populate: { customers: { name: true }, products: { name: true } },
    overrideAccess: false,
    user: reader.user,
  })
  return docs.map((license) => ({
    collection: 'licenses',
    id: license.id,
    title: license.key ?? `License ${license.id}`,
    detail: [
      relatedName(license.customer, 'name'),
      relatedName(license.product, 'name'),
      license.line,
      license.type,
      license.status,
    ]
      .filter(Boolean)
      .join(' · '),
  }))
}

/** A customer by name or by one of its contacts' email addresses. */
const findCustomers = async (reader: StaffReader, query: string): Promise<SearchHit[]> => {
  if (!reader.canRead('customers')) return []
  const matches: Where[] = [{ name: { like: query } }]
  if (reader.canReadField('customers', 'contacts'))
    matches.push({ 'contacts.email': { like: query } })
  const { docs } = await reader.payload.find({
    collection: 'customers',
    where: { or: matches },
    limit: hitsPerKind,
    depth: 0,
    select: { name: true, contacts: true },
    overrideAccess: false,
    user: reader.user,
  })
  return docs.map((customer) => ({
    collection: 'customers',
    id: customer.id,
    title: customer.name,
    detail: (customer.contacts ?? []).map((contact) => contact.email).join(', '),
  }))
}

/** A customer's portal account by its email address. */
const findCustomerAccounts = async (reader: StaffReader, query: string): Promise<SearchHit[]> => {
  if (!reader.canRead('customer-users')) return []
  const { docs } = await reader.payload.find({
    collection: 'customer-users',
    where: { email: { like: query } },
    limit: hitsPerKind,
    depth: 1,
    select: { email: true, name: true, customers: true },
    populate: { customers: { name: true } },
    overrideAccess: false,
    user: reader.user,
  })
  return docs.map((account) => ({
    collection: 'customer-users',
    id: account.id,
    title: account.email,
    detail: [
      account.name,
      ...(account.customers ?? []).map((customer) => relatedName(customer, 'name')),
    ]
      .filter(Boolean)
      .join(' · '),
  }))
}

/** An installation (activation) by its fingerprint or hostname. */
const findInstallations = async (reader: StaffReader, query: string): Promise<SearchHit[]> => {
  if (!reader.canRead('activations')) return []
  const { docs } = await reader.payload.find({
    collection: 'activations',
    where: { or: [{ fingerprint: { like: query } }, { hostname: { like: query } }] },
    limit: hitsPerKind,
    depth: 0,
    select: { fingerprint: true, hostname: true, role: true, appVersion: true },
    overrideAccess: false,
    user: reader.user,
  })
  return docs.map((activation) => ({
    collection: 'activations',
    id: activation.id,
    title: activation.fingerprint,
    detail: [activation.hostname, activation.role, activation.appVersion]
      .filter(Boolean)
      .join(' · '),
  }))
}

/**
 * Everything the staff member may read that matches `query`: licenses by key, customers by name
 * or contact email, customer accounts by email, installations by fingerprint or hostname. Queries
 * shorter than two characters find nothing.
 */
export const findAnything = async (
  reader: StaffReader,
  rawQuery: string,
): Promise<SearchResults> => {
  const query = rawQuery.trim()
  if (query.length < 2)
    return { query, licenses: [], customers: [], customerAccounts: [], installations: [] }
  const [licenses, customers, customerAccounts, installations] = await Promise.all([
    findLicenses(reader, query),
    findCustomers(reader, query),
    findCustomerAccounts(reader, query),
    findInstallations(reader, query),
  ])
  return { query, licenses, customers, customerAccounts, installations }
}
