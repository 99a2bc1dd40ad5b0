import type { Payload } from 'payload'

import type { Customer, License, Product, Release, User } from '../../payload-types'
import {
  createCatalogue,
  createCustomer,
  createCustomerAccount,
  createLicense,
  createRelease,
} from '../helpers/fixtures'
import type { HttpClient } from '../helpers/httpClient'

export type StaffRoleName = NonNullable<User['roles']>[number]

export const staffRoleNames: StaffRoleName[] = ['admin', 'support', 'release-manager', 'editor']

/**
 * Two companies, each with a contact, a portal account, a license with staff notes, and one
 * published release whose mail goes to both companies' contacts: what every security test needs
 * to show that one company never sees the other's data, and each staff role only its own part.
 */
export type TwoCompanies = {
  promonitor: Product
  acme: Customer
  globex: Customer
  acmeLicense: License
  globexLicense: License
  release: Release
  /** Authorization headers: `alice` (Acme), `gina` (Globex) and one per staff role. */
  as: Record<'alice' | 'gina' | StaffRoleName, Record<string, string>>
}

export const acmeContact = 'buyer@acme.test'
export const globexContact = 'cfo@globex.test'
export const extraRecipient = 'press@partner.test'
export const staffNote = 'Staff only: renewal discount 40%'

const portalPassword = 'portal-password-1'
const staffPassword = 'staff-password-1'

const loginOver = async (
  api: HttpClient,
  collection: 'users' | 'customer-users',
  email: string,
  password: string,
) => {
  const answer = await api.post(`/api/${collection}/login`, { email, password })
  if (answer.status !== 200) throw new Error(`Login of ${email} failed: ${answer.status}`)
  return { Authorization: `JWT ${answer.json().token}` }
}

export const createTwoCompanies = async (
  payload: Payload,
  api: HttpClient,
): Promise<TwoCompanies> => {
  const { promonitor } = await createCatalogue(payload)
  const acme = await createCustomer(payload, 'Acme Industrial', [{ email: acmeContact }])
  const globex = await createCustomer(payload, 'Globex Energy', [{ email: globexContact }])
  await payload.update({ collection: 'customers', id: acme.id, data: { notes: staffNote } })
  await payload.update({ collection: 'customers', id: globex.id, data: { notes: staffNote } })
  const acmeLicense = await createLicense(payload, {
    customer: acme,
    product: promonitor,
    notes: staffNote,
  })
  const globexLicense = await createLicense(payload, {
    customer: globex,
    product: promonitor,
    notes: staffNote,
  })
  await createCustomerAccount(
    payload,
    'alice@acme.test',
    [acme.id],
    'alice-api-key-0000000000000001',
  )
  await createCustomerAccount(
    payload,
    'gina@globex.test',
    [globex.id],
    'gina-api-key-00000000000000001',
  )
  const template = await payload.create({
    collection: 'email-templates',
    data: {
      name: 'Release',
      key: 'release-published',
      subject: 'New release',
      body: 'Hello',
    } as never,
  })
  const release = await createRelease(payload, {
    product: promonitor,
    version: '7.3.0',
    notifyByEmail: false,
    emailTemplate: template.id,
    recipients: [
      { email: acmeContact, include: true, source: 'global' },
      { email: globexContact, include: true, source: 'global' },
      { email: extraRecipient, include: true, source: 'extra' },
    ],
  })
  const as: Partial<TwoCompanies['as']> = {
    alice: await loginOver(api, 'customer-users', 'alice@acme.test', portalPassword),
    gina: await loginOver(api, 'customer-users', 'gina@globex.test', portalPassword),
  }
  for (const role of staffRoleNames) {
    const email = `${role}@hub.test`
    await payload.create({
      collection: 'users',
      data: { email, password: staffPassword, roles: [role] },
    })
    as[role] = await loginOver(api, 'users', email, staffPassword)
  }
  return {
    promonitor,
    acme,
    globex,
    acmeLicense,
    globexLicense,
    release,
    as: as as TwoCompanies['as'],
  }
}
