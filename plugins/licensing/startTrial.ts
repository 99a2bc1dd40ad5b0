import type { Payload } from 'payload'

import { ClientError, badRequest } from '../clientApi'
import { drizzleFor, and, eq, gte, sql, tableOf } from '../shared/database'
import { activateFoundLicense } from './activateLicense'
import type { Actor } from './actors'
import { createLicense } from './createLicense'
import { findLicenseById } from './licenseRecord'
import { mailLicense, resendBucket } from './mailLicense'
import { productBySlug, resolveLine, type ProductInfo } from './productCatalogue'
import { recordLicenseEvent } from './recordLicenseEvent'
import { licensingSettings } from './settings'
import { findOrCreateSubscriber } from './subscribers'

export type TrialRequest = {
  email: string
  product: string
  line?: string
  fingerprint?: string
  hostname?: string
  source?: string
  /** The caller's address, kept with the request. */
  address?: string
}

export type TrialAnswer = { code: 'TRIAL_CREATED'; key: string; licenseFile?: string }

/** The claim that makes a trial unique per email and product. */
export const trialClaim = (email: string, product: ProductInfo): string => `trial:${email.trim().toLowerCase()}:${product.slug}`

/**
 * Counts this request against the email's daily budget in the database (insert, then count), so
 * the budget holds however many instances serve the requests.
 */
const spendTrialBudget = async (payload: Payload, { email, product, address }: TrialRequest): Promise<void> => {
  const table = tableOf(payload, 'trial-requests')
  const database = await drizzleFor(payload)
  const now = new Date()
  await database.insert(table).values({ email, product, address: address ?? null, createdAt: now.toISOString(), updatedAt: now.toISOString() })
  const since = new Date(now.getTime() - 24 * 3600_000).toISOString()
  const [{ count }] = await database
    .select({ count: sql<number>`count(*)` })
    .from(table)
    .where(and(eq(table.email, email), gte(table.createdAt, since)))
  const limit = licensingSettings(payload).trialsPerEmailPerDay
  if (Number(count) > limit) {
    throw new ClientError(429, 'RATE_LIMITED', `At most ${limit} trial requests per email a day; try again tomorrow`, { 'Retry-After': '86400' })
  }
}

/**
 * The in-app trial button: a customer and portal account if the email is new, a trial license
 * of `trialDays`, the machine activated when a fingerprint is sent, and the mail with the key and
 * the register link. A second request for the same email and product re-sends the mail and
 * answers 409 `TRIAL_EXISTS` without the key.
 */
export const startTrial = async (payload: Payload, request: TrialRequest, actor: Actor): Promise<TrialAnswer> => {
  const product = await productBySlug(payload, request.product)
  if (!product) throw badRequest(`product: unknown product "${request.product}"`)
  const line = resolveLine(product, request.line)
  if (!line) throw badRequest(`line: ${product.name} has the lines ${product.lines.join(', ')}`)
  const email = request.email.trim().toLowerCase()
  await spendTrialBudget(payload, { ...request, email })

  const subscriber = await findOrCreateSubscriber(payload, { email })
  const settings = licensingSettings(payload)
  const { license, created } = await createLicense(
    payload,
    { customer: subscriber.customer.id, product, line, type: 'trial', days: settings.trialDays, maxClients: 1, maxUsers: 5, modules: product.modules, creationKey: trialClaim(email, product) },
    actor,
  )
  if (!created) {
    await mailLicense(payload, { to: email, license, product, customerName: subscriber.customer.name, idempotencyKey: `trial-created:${license.id}:resent:${resendBucket()}` })
    await recordLicenseEvent(payload, { license: license.id, type: 'trial-mail-resent', actor, details: { email } })
    throw new ClientError(409, 'TRIAL_EXISTS', 'A trial of this product was already started with this email; the mail with its key was sent again')
  }
  await mailLicense(payload, { to: email, license, product, customerName: subscriber.customer.name, idempotencyKey: `trial-created:${license.id}` })

  if (!request.fingerprint) return { code: 'TRIAL_CREATED', key: license.key as string }
  const record = await findLicenseById(payload, license.id)
  const activation = record ? await activateFoundLicense(payload, record, { fingerprint: request.fingerprint, hostname: request.hostname }, actor) : undefined
  return { code: 'TRIAL_CREATED', key: license.key as string, ...(activation?.licenseFile ? { licenseFile: activation.licenseFile } : {}) }
}
