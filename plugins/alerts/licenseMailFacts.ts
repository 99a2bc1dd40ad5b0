import type { Payload, PayloadRequest } from 'payload'

import type { Customer } from '../../payload-types'

export type LicenseMailFacts = { customerName: string; contacts: string[]; productName: string }

/**
 * What every mail about a license names: the company, its contacts that receive license mail,
 * and the product. Read with `req` so a caller's transaction sees its own writes.
 */
export const licenseMailFacts = async (
  payload: Payload,
  license: { customer: number | string; product: number | string },
  req?: Partial<PayloadRequest>,
): Promise<LicenseMailFacts> => {
  const [customer, product] = await Promise.all([
    payload.findByID({
      collection: 'customers',
      id: license.customer,
      depth: 0,
      disableErrors: true,
      req,
      select: { name: true, contacts: true },
    }),
    payload.findByID({
      collection: 'products',
      id: license.product,
      depth: 0,
      disableErrors: true,
      req,
      select: { name: true },
    }),
  ])
  return {
    customerName: customer?.name ?? '',
    contacts: licenseContactsOf(customer as Pick<Customer, 'contacts'> | null),
    productName: product?.name ?? '',
  }
}

/** The contacts of a company that receive `licenses` mail, lower-cased, each once. */
export const licenseContactsOf = (
  customer: Pick<Customer, 'contacts'> | null | undefined,
): string[] => [
  ...new Set(
    (customer?.contacts ?? [])
      .filter((contact) => (contact.receives ?? []).includes('licenses'))
      .map((contact) => contact.email.trim().toLowerCase()),
  ),
]
