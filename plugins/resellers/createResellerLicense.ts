import type { Payload } from 'payload'

import type { License, Reseller } from '../../payload-types'
import { productBySlug, resolveLine } from '../catalogue'
import { badRequest, ClientError } from '../clientApi'
import {
  createLicense,
  dropUnusedCompany,
  findLicenseByCreationKey,
  licensingSettings,
  mailLicense,
  recordLicenseEvent,
  resendBucket,
  trialClaim,
  type Actor,
  type NewLicenseTerms,
} from '../licensing'
import { registerPageUrl } from '../registration'
import { findOrCreateResellerCompany } from './resellerCompany'

export type ResellerLicenseRequest = {
  email: string
  company?: string
  product: string
  line?: string
  type: License['type']
  days?: number
  maxClients?: number
  maxUsers?: number
  modules?: string[]
  credits?: number
  /** The reseller's `Idempotency-Key`: the same key again returns the same license, mailed once. */
  idempotencyKey?: string
}

export type ResellerLicenseAnswer = {
  license: { id: number; key: string; type: License['type']; expiresAt: string | null }
  /** The portal's register page, without a token: the subscriber's mail has their own link. */
  registerUrl: string
}

const idOf = (value: unknown): string =>
  String(typeof value === 'object' && value !== null ? (value as { id: unknown }).id : value)

/** The company a license is in (for an earlier license, maybe not the one this request found). */
const companyOf = async (payload: Payload, license: License) => {
  const customer = await payload.findByID({
    collection: 'customers',
    id: idOf(license.customer),
    depth: 0,
    select: { name: true },
  })
  return { id: customer.id, name: customer.name }
}

/**
 * A new license in the reseller's company for the subscriber; when another request with the same
 * claim won the race, its license stands and the company made for nothing goes.
 */
const createInResellerCompany = async (
  payload: Payload,
  reseller: Reseller,
  subscriber: { email: string; company?: string },
  terms: Omit<NewLicenseTerms, 'customer'>,
  actor: Actor,
) => {
  const company = await findOrCreateResellerCompany(payload, reseller, subscriber)
  const made = await createLicense(payload, { ...terms, customer: company.customer.id }, actor)
  if (!made.created) await dropUnusedCompany(payload, company)
  return made
}

/**
 * A license a reseller sells: within its allow-list of products and types, for the subscriber
 * `email`, in one of the reseller's own companies (see findOrCreateResellerCompany; never another
 * customer's, no account made or changed). The subscriber is mailed the key and a register link
 * that lets them claim the company. A trial is one per email and product (409 `TRIAL_EXISTS`, and
 * the mail goes again).
 */
export const createResellerLicense = async (
  payload: Payload,
  reseller: Reseller,
  request: ResellerLicenseRequest,
  { defaultDays }: { defaultDays: number },
): Promise<ResellerLicenseAnswer> => {
  const product = await productBySlug(payload, request.product)
  if (!product) throw badRequest(`product: unknown product "${request.product}"`)
  if (!(reseller.allowedProducts ?? []).some((allowed) => idOf(allowed) === String(product.id))) {
    throw new ClientError(403, 'FORBIDDEN', `This reseller may not license ${product.name}`)
  }
  if (!(reseller.allowedTypes ?? []).includes(request.type))
    throw new ClientError(403, 'FORBIDDEN', `This reseller may not create ${request.type} licenses`)
  const line = resolveLine(product, request.line)
  if (!line) throw badRequest(`line: ${product.name} has the lines ${product.lines.join(', ')}`)
  const unknownModules = (request.modules ?? []).filter(
    (module) => !product.modules.includes(module),
  )
  if (unknownModules.length > 0)
    throw badRequest(`modules: ${product.name} has no module ${unknownModules.join(', ')}`)
  if (request.credits !== undefined && request.type !== 'on-usage')
    throw badRequest('credits: only on-usage licenses carry credits')

  const email = request.email.trim().toLowerCase()
  const isTrial = request.type === 'trial'
  const actor: Actor = { kind: 'reseller', id: reseller.id, label: reseller.name }
  const creationKey = isTrial
    ? trialClaim(email, product)
    : request.idempotencyKey
      ? `reseller:${reseller.id}:${request.idempotencyKey}`
      : undefined
  const earlier = creationKey ? await findLicenseByCreationKey(payload, creationKey) : undefined
  const { license, created } = earlier
    ? { license: earlier, created: false }
    : await createInResellerCompany(
        payload,
        reseller,
        { email, company: request.company },
        {
          product,
          line,
          type: request.type,
          days: request.days ?? (isTrial ? licensingSettings(payload).trialDays : defaultDays),
          maxClients: request.maxClients ?? 1,
          maxUsers: request.maxUsers ?? 5,
          modules: request.modules ?? (isTrial ? product.modules : []),
          credits: request.type === 'on-usage' ? (request.credits ?? 0) : undefined,
          reseller: reseller.id,
          creationKey,
        },
        actor,
      )
  const mail = {
    to: email,
    license,
    product,
    customer: await companyOf(payload, license),
    resellerName: reseller.name,
  }
  if (!created && isTrial) {
    await mailLicense(payload, {
      ...mail,
      idempotencyKey: `trial-created:${license.id}:resent:${resendBucket()}`,
    })
    await recordLicenseEvent(payload, {
      license: license.id,
      type: 'trial-mail-resent',
      actor,
      details: { email },
    })
    throw new ClientError(
      409,
      'TRIAL_EXISTS',
      'This email already has a trial of this product; the mail with its key was sent again',
    )
  }
  await mailLicense(payload, {
    ...mail,
    idempotencyKey: `${isTrial ? 'trial-created' : 'license-created'}:${license.id}`,
  })
  return {
    license: {
      id: license.id,
      key: license.key as string,
      type: license.type,
      expiresAt: license.expiresAt ?? null,
    },
    registerUrl: registerPageUrl(licensingSettings(payload).publicUrl),
  }
}
