import type { Payload, PayloadRequest } from 'payload'

import { drizzleFor, tableOf } from '../../../src/database/database'
import type { Actor } from './actors'
import type { LicenseEventType } from '../collections/LicenseEvents'

export type LicenseEventInput = {
  license: number | string
  type: LicenseEventType
  actor: Actor
  details?: Record<string, unknown> | null
}

/**
 * Adds one entry to a license's history, in the caller's transaction when `req` has one. A plain
 * insert (no hooks), so it is cheap on the activation path.
 */
export const recordLicenseEvent = async (
  payload: Payload,
  event: LicenseEventInput,
  req?: Partial<PayloadRequest>,
): Promise<void> => {
  const table = tableOf(payload, 'license-events')
  const now = new Date().toISOString()
  const database = await drizzleFor(payload, req)
  await database.insert(table).values({
    license: event.license,
    type: event.type,
    actor_kind: event.actor.kind,
    actor_ref: event.actor.id == null ? null : String(event.actor.id),
    actor_label: event.actor.label ?? null,
    details: event.details ?? null,
    createdAt: now,
    updatedAt: now,
  })
}
