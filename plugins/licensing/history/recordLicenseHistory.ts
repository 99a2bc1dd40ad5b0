import type { CollectionAfterChangeHook } from 'payload'

import { actorOf, type Actor } from './actors'
import type { LicenseEventType } from '../collections/LicenseEvents'
import { recordLicenseEvent } from './recordLicenseEvent'

/** Set in `context` by domain functions that record their own, more precise event. */
export const licenseHistoryContext = {
  /** The change is recorded by the caller: the hook stays silent. */
  recorded: 'licenseHistoryRecorded',
  /** Who the change is for when the request has no user (trial button, reseller API). */
  actor: 'licenseHistoryActor',
} as const

const watchedFields = [
  'customer',
  'product',
  'line',
  'type',
  'status',
  'startsAt',
  'expiresAt',
  'modules',
  'maxClients',
  'maxUsers',
  'credits',
] as const

const plain = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && 'id' in value
    ? (value as { id: unknown }).id
    : value
const same = (left: unknown, right: unknown): boolean =>
  JSON.stringify(plain(left) ?? null) === JSON.stringify(plain(right) ?? null)

/** The most telling name for a staff edit (a suspension reads better than "status changed"). */
const eventTypeOf = (changes: Record<string, { from: unknown; to: unknown }>): LicenseEventType => {
  if (changes.status?.to === 'suspended') return 'suspended'
  if (changes.status?.to === 'active') return 'reinstated'
  if (changes.type?.from === 'trial') return 'converted'
  if (
    Object.keys(changes).length === 1 &&
    changes.expiresAt &&
    changes.expiresAt.to &&
    (!changes.expiresAt.from || String(changes.expiresAt.to) > String(changes.expiresAt.from))
  )
    return 'extended'
  return 'updated'
}

/**
 * Records every create and every change of terms made by hand (admin, REST) in the license's
 * history.
 */
export const recordLicenseHistory: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
  context,
}) => {
  if (context?.[licenseHistoryContext.recorded]) return doc
  const actor = (context?.[licenseHistoryContext.actor] as Actor | undefined) ?? actorOf(req.user)
  if (operation === 'create') {
    await recordLicenseEvent(
      req.payload,
      {
        license: doc.id,
        type: 'created',
        actor,
        details: {
          type: doc.type,
          line: doc.line,
          expiresAt: doc.expiresAt ?? null,
          maxClients: doc.maxClients,
          maxUsers: doc.maxUsers,
        },
      },
      req,
    )
    if (doc.type === 'trial')
      await recordLicenseEvent(
        req.payload,
        {
          license: doc.id,
          type: 'trial-started',
          actor,
          details: { expiresAt: doc.expiresAt ?? null },
        },
        req,
      )
    return doc
  }
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  for (const field of watchedFields) {
    if (!same(previousDoc?.[field], doc[field]))
      changes[field] = { from: plain(previousDoc?.[field]) ?? null, to: plain(doc[field]) ?? null }
  }
  if (Object.keys(changes).length === 0) return doc
  await recordLicenseEvent(
    req.payload,
    { license: doc.id, type: eventTypeOf(changes), actor, details: { changes } },
    req,
  )
  return doc
}
