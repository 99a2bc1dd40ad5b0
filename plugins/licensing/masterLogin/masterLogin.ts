import type { Payload, PayloadRequest } from 'payload'

import { companyIdsOf } from '../../../collections/access/ownCompanies'
import { customerCollectionSlug } from '../../../collections/access/roles'
import { ClientError } from '../../clientApi'
import {
  activateFoundLicense,
  type ActivationAnswer,
  type Installation,
} from '../activation/activateLicense'
import { actorOf } from '../history/actors'
import { chooseCompanyLicense } from './chooseCompanyLicense'
import { productBySlug, resolveLine } from '../../catalogue'

export type CustomerAccount = NonNullable<PayloadRequest['user']> & {
  collection: typeof customerCollectionSlug
}

/** The customer account the request authenticated as (`customer-users API-Key <key>`), else 401. */
export const requireCustomerAccount = (req: PayloadRequest): CustomerAccount => {
  if (req.user?.collection !== customerCollectionSlug) {
    throw new ClientError(
      401,
      'UNAUTHORIZED',
      'Send a customer account API key: Authorization: customer-users API-Key <key>',
    )
  }
  return req.user as CustomerAccount
}

/** The companies a customer account acts for. */
export const listAccountCompanies = async (
  payload: Payload,
  account: CustomerAccount,
): Promise<Array<{ id: number | string; name: string }>> => {
  const ids = companyIdsOf(account)
  if (ids.length === 0) return []
  const { docs } = await payload.find({
    collection: 'customers',
    where: { id: { in: ids } },
    select: { name: true },
    depth: 0,
    pagination: false,
    sort: 'name',
  })
  return docs.map((doc) => ({ id: doc.id, name: doc.name }))
}

/**
 * Master login: activates this machine under the company's license of `product`, chosen by best
 * state. A company the account is not linked to is 403; no such license answers `NOT_FOUND`.
 */
export const activateCompanyLicense = async (
  payload: Payload,
  account: CustomerAccount,
  {
    company,
    product: productSlug,
    line,
    ...installation
  }: { company: number | string; product: string; line?: string } & Installation,
): Promise<ActivationAnswer> => {
  const companyId = companyIdsOf(account).find((id) => String(id) === String(company))
  if (companyId === undefined)
    throw new ClientError(403, 'FORBIDDEN', 'This account is not linked to that company')
  const product = await productBySlug(payload, productSlug)
  if (!product) return { code: 'NOT_FOUND' }
  const resolvedLine = line ? resolveLine(product, line) : undefined
  if (line && !resolvedLine) return { code: 'NOT_FOUND' }
  const license = await chooseCompanyLicense(payload, {
    companyId,
    product,
    line: resolvedLine,
    fingerprint: installation.fingerprint,
  })
  if (!license) return { code: 'NOT_FOUND' }
  return activateFoundLicense(payload, license, installation, actorOf(account))
}

/**
 * Master relay: the key of the company's license of `product` (and `line`) for the master to lend
 * seats of to its nodes (collectors, slaves of another line), chosen by best state as
 * `activateCompanyLicense` does but without taking a seat. A company the account is not linked to
 * is 403; no such license answers `NOT_FOUND`.
 */
export const findCompanyLicenseKey = async (
  payload: Payload,
  account: CustomerAccount,
  {
    company,
    product: productSlug,
    line,
    fingerprint,
  }: { company: number | string; product: string; line?: string; fingerprint: string },
): Promise<
  | { code: 'FOUND'; licenseId: number | string; key: string; product: string; line: string }
  | { code: 'NOT_FOUND' }
> => {
  const companyId = companyIdsOf(account).find((id) => String(id) === String(company))
  if (companyId === undefined)
    throw new ClientError(403, 'FORBIDDEN', 'This account is not linked to that company')
  const product = await productBySlug(payload, productSlug)
  if (!product) return { code: 'NOT_FOUND' }
  const resolvedLine = line ? resolveLine(product, line) : undefined
  if (line && !resolvedLine) return { code: 'NOT_FOUND' }
  const license = await chooseCompanyLicense(payload, {
    companyId,
    product,
    line: resolvedLine,
    fingerprint,
  })
  if (!license?.key) return { code: 'NOT_FOUND' }
  return {
    code: 'FOUND',
    licenseId: license.id,
    key: license.key,
    product: product.slug,
    line: license.line,
  }
}
