import type { Payload, PayloadRequest } from 'payload'

import type { CustomerUser } from '../../../payload-types'
import { and, drizzleFor, eq, gte, sql, tableOf } from '../../../src/database/database'
import { oneWriterAtATime } from '../../../src/database/oneWriterAtATime'
import { addDays } from '../../../src/lib/time'
import { actorOf } from '../history/actors'
import { recordLicenseEvent } from '../history/recordLicenseEvent'
import { sumUsersInUse } from './reportUsers'
import { releaseSeatOf } from './seats'

/** How many installations a customer may deactivate per license in the portal, and per how long. */
export const customerDeactivationLimit = { count: 5, days: 30 } as const

export const reasonLength = { min: 3, max: 500 } as const

export type CustomerDeactivationRequest = {
  user: CustomerUser & { collection: 'customer-users' }
  licenseId: number | string
  activationId: number | string
  reason: string
  now?: Date
}

export type CustomerDeactivationAnswer =
  | { code: 'DEACTIVATED'; hostname: string | null; fingerprint: string }
  /** No such installation among the account's companies' licenses (or another license's). */
  | { code: 'NOT_FOUND' }
  /** Someone deactivated it a moment ago. */
  | { code: 'NOT_ACTIVE' }
  | { code: 'LIMIT_REACHED'; limit: number; days: number }
  | { code: 'REASON_REQUIRED' }

const wholeNumber = /^[1-9]\d{0,15}$/

/**
 * A customer deactivates one of its installations in the portal: the seat is freed as every
 * deactivation frees it (the activation row deleted, `activeClients` and `usersInUse` recounted)
 * and the history records it with the customer as actor and the reason. At most
 * `customerDeactivationLimit.count` per license in the last `days` days: the count is taken
 * under the license's row lock in the same transaction as the delete and the history entry, so
 * two instances deactivating at once cannot exceed it.
 */
export const deactivateForCustomer = async (
  payload: Payload,
  request: CustomerDeactivationRequest,
): Promise<CustomerDeactivationAnswer> => {
  const reason = request.reason.trim()
  if (reason.length < reasonLength.min || reason.length > reasonLength.max)
    return { code: 'REASON_REQUIRED' }
  if (!wholeNumber.test(String(request.activationId))) return { code: 'NOT_FOUND' }
  // Read as the account itself: another company's installation is simply not there.
  const activation = await payload.findByID({
    collection: 'activations',
    id: request.activationId,
    user: request.user,
    overrideAccess: false,
    depth: 0,
    disableErrors: true,
  })
  const licenseId = activation
    ? typeof activation.license === 'object'
      ? activation.license.id
      : activation.license
    : null
  if (!activation || String(licenseId) !== String(request.licenseId)) return { code: 'NOT_FOUND' }
  return oneWriterAtATime(payload, activation.license as number, () =>
    deactivateInTransaction(payload, {
      licenseId: licenseId!,
      activationId: activation.id,
      reason,
      user: request.user,
      now: request.now ?? new Date(),
    }),
  )
}

type Claim = {
  licenseId: number | string
  activationId: number | string
  reason: string
  user: CustomerDeactivationRequest['user']
  now: Date
}

/** The transaction itself, without this process's queue: what two instances do at once. */
export const deactivateInTransaction = async (
  payload: Payload,
  claim: Claim,
): Promise<CustomerDeactivationAnswer> => {
  const transactionID = await payload.db.beginTransaction()
  const session: Partial<PayloadRequest> = transactionID ? { transactionID } : {}
  try {
    const answer = await deactivateIn(payload, claim, session)
    if (transactionID) {
      if (answer.code === 'DEACTIVATED') await payload.db.commitTransaction(transactionID)
      else await payload.db.rollbackTransaction(transactionID)
    }
    return answer
  } catch (error) {
    if (transactionID) await payload.db.rollbackTransaction(transactionID)
    throw error
  }
}

const deactivateIn = async (
  payload: Payload,
  { licenseId, activationId, reason, user, now }: Claim,
  session: Partial<PayloadRequest>,
): Promise<CustomerDeactivationAnswer> => {
  const database = await drizzleFor(payload, session)
  const licenses = tableOf(payload, 'licenses')
  const events = tableOf(payload, 'license-events')
  const activations = tableOf(payload, 'activations')
  // The license's row lock (PostgreSQL) or the write lock (SQLite): deactivations of one license
  // count and write one after another, whichever instance they run on.
  await database
    .update(licenses)
    .set({ updatedAt: sql`${licenses.updatedAt}` })
    .where(eq(licenses.id, licenseId))
  const since = addDays(now, -customerDeactivationLimit.days).toISOString()
  const [counted] = await database
    .select({ count: sql<number>`count(*)` })
    .from(events)
    .where(
      and(
        eq(events.license, licenseId),
        eq(events.type, 'deactivated'),
        eq(events.actor_kind, 'customer'),
        gte(events.createdAt, since),
      ),
    )
  if (Number(counted?.count ?? 0) >= customerDeactivationLimit.count)
    return {
      code: 'LIMIT_REACHED',
      limit: customerDeactivationLimit.count,
      days: customerDeactivationLimit.days,
    }
  const deleted = await database
    .delete(activations)
    .where(and(eq(activations.id, activationId), eq(activations.license, licenseId)))
    .returning({ fingerprint: activations.fingerprint, hostname: activations.hostname })
  if (deleted.length === 0) return { code: 'NOT_ACTIVE' }
  const { fingerprint, hostname } = deleted[0] as { fingerprint: string; hostname: string | null }
  await releaseSeatOf(payload, licenseId, session)
  await sumUsersInUse(payload, licenseId, session)
  await recordLicenseEvent(
    payload,
    {
      license: licenseId,
      type: 'deactivated',
      actor: actorOf(user),
      details: { fingerprint, hostname: hostname ?? null, reason },
    },
    session,
  )
  return { code: 'DEACTIVATED', fingerprint, hostname: hostname ?? null }
}
