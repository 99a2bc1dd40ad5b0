import type { Payload } from 'payload'

import { badRequest, ClientError } from '../../clientApi'
import type { Actor } from '../history/actors'
import { createLicense } from '../createLicense'
import { productById, productBySlug, resolveLine } from '../../catalogue'
import { licensingSettings } from '../settings'

/**
 * "Create trial" for a customer: a trial of `product` (all its modules) for `days` (default from
 * config).
 */
export const createTrialForCustomer = async (
  payload: Payload,
  {
    customerId,
    product: productRef,
    line,
    days,
  }: { customerId: number | string; product: string | number; line?: string; days?: number },
  actor: Actor,
) => {
  const customer = await payload.findByID({
    collection: 'customers',
    id: customerId,
    depth: 0,
    disableErrors: true,
    select: { name: true },
  })
  if (!customer) throw new ClientError(404, 'NOT_FOUND', `No customer ${customerId}`)
  const product =
    (await productBySlug(payload, String(productRef))) ?? (await productById(payload, productRef))
  if (!product) throw badRequest(`product: unknown product "${productRef}"`)
  const resolvedLine = resolveLine(product, line)
  if (!resolvedLine)
    throw badRequest(`line: ${product.name} has the lines ${product.lines.join(', ')}`)
  const { license } = await createLicense(
    payload,
    {
      customer: customer.id,
      product,
      line: resolvedLine,
      type: 'trial',
      days: days ?? licensingSettings(payload).trialDays,
      maxClients: 1,
      maxUsers: 5,
      modules: product.modules,
    },
    actor,
  )
  return license
}
