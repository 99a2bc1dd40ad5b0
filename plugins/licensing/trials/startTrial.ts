import type { Payload } from 'payload'

import type { License } from '../../../payload-types'
import { ClientError, badRequest } from '../../clientApi'
import { drizzleFor, and, eq, gte, lte, sql, tableOf } from '../../../src/database/database'
import { activateFoundLicense } from '../activation/activateLicense'
import type { Actor } from '../history/actors'
import { createLicense, findLicenseByCreationKey } from '../createLicense'
import { findLicenseById } from '../licenseRecord'
import { mailLicense, resendBucket } from './mailLicense'
import { productBySlug, resolveLine, type ProductInfo } from '../../catalogue'
import { recordLicenseEvent } from '../history/recordLicenseEvent'
import { licensingSettings } from '../settings'
import { dropUnusedCompany, findOrCreateTrialCompany } from './subscribers'

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
export const trialClaim = (email: string, product: ProductInfo): string =>
  `trial:${email.trim().toLowerCase()}:${product.slug}`

/**
 * Counts this request against the email's daily budget in the database, so the budget holds
 * however many instances serve the requests: the request is recorded, then refused when `limit`
 * requests of the last day came before it (its own row and those with a lower id). Counting the
 * rows that came before, not every row, matters when requests arrive at once: each would count
 * the others' rows too, and a burst larger than the budget refused every one of them.
 */
const spendTrialBudget = async (
  payload: Payload,
  { email, product, address }: TrialRequest,
): Promise<void> => {
  const table = tableOf(payload, 'trial-requests')
  const database = await drizzleFor(payload)
  const now = new Date()
  const [{ id }] = await database
    .insert(table)
    .values({
      email,
      product,
      address: address ?? null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })
    .returning({ id: table.id })
  const since = new Date(now.getTime() - 24 * 3600_000).toISOString()
  const [{ count }] = await database
    .select({ count: sql<number>`count(*)` })
    .from(table)
    .where(and(eq(table.email, email), gte(table.createdAt, since), lte(table.id, id)))
  const limit = licensingSettings(payload).trialsPerEmailPerDay
  if (Number(count) > limit) {
    throw new ClientError(
      429,
      'RATE_LIMITED',
      `At most ${limit} trial requests per email a day; try again tomorrow`,
      { 'Retry-After': '86400' },
    )
  }
}

/**
 * A second trial of one email and product: its mail goes again (at most every ten minutes), and the
 * answer is 409.
 */
const resendTrial = async (
  payload: Payload,
  { email, license, product }: { email: string; license: License; product: ProductInfo },
  actor: Actor,
): Promise<never> => {
  const customer = await payload.findByID({
    collection: 'customers',
    id: typeof license.customer === 'object' ? license.customer.id : license.customer,
    depth: 0,
    select: { name: true },
  })
  await mailLicense(payload, {
    to: email,
    license,
    product,
    customer: { id: customer.id, name: customer.name },
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
    'A trial of this product was already started with this email; the mail with its key was sent again',
  )
}

/**
 * The in-app trial button: a trial license of `trialDays` in a company of its own for the email
 * (never an existing customer's, and no portal account: the mail's register link lets the
 * mailbox owner claim it), the machine activated when a fingerprint is sent, and the mail with
 * the key and that link. The answer is the same whether or not the email has an account. A second
 * request for the same email and product re-sends the mail and answers 409 `TRIAL_EXISTS`
 * without the key.
 */
export const startTrial = async (
  payload: Payload,
  request: TrialRequest,
  actor: Actor,
): Promise<TrialAnswer> => {
  const product = await productBySlug(payload, request.product)
  if (!product) throw badRequest(`product: unknown product "${request.product}"`)
  const line = resolveLine(product, request.line)
  if (!line) throw badRequest(`line: ${product.name} has the lines ${product.lines.join(', ')}`)
  const email = request.email.trim().toLowerCase()
  await spendTrialBudget(payload, { ...request, email })

  const creationKey = trialClaim(email, product)
  const earlier = await findLicenseByCreationKey(payload, creationKey)
  if (earlier) return resendTrial(payload, { email, license: earlier, product }, actor)

  const company = await findOrCreateTrialCompany(payload, email)
  const settings = licensingSettings(payload)
  const { license, created } = await createLicense(
    payload,
    {
      customer: company.customer.id,
      product,
      line,
      type: 'trial',
      days: settings.trialDays,
      maxClients: 1,
      maxUsers: 5,
      modules: product.modules,
      creationKey,
    },
    actor,
  )
  if (!created) {
    // Another request for this email and product won the race: its company holds the trial.
    await dropUnusedCompany(payload, company)
    return resendTrial(payload, { email, license, product }, actor)
  }
  await mailLicense(payload, {
    to: email,
    license,
    product,
    customer: company.customer,
    idempotencyKey: `trial-created:${license.id}`,
  })

  if (!request.fingerprint) return { code: 'TRIAL_CREATED', key: license.key as string }
  const record = await findLicenseById(payload, license.id)
  const activation = record
    ? await activateFoundLicense(
        payload,
        record,
        { fingerprint: request.fingerprint, hostname: request.hostname },
        actor,
      )
    : undefined
  return {
    code: 'TRIAL_CREATED',
    key: license.key as string,
    ...(activation?.licenseFile ? { licenseFile: activation.licenseFile } : {}),
  }
}
