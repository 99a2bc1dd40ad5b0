import type { Payload } from 'payload'

import { and, drizzleFor, eq, tableOf } from '../../../src/database/database'
import { releaseSeatOf } from './seats'
import type { Actor } from '../history/actors'
import { findLicenseByKey } from '../licenseRecord'
import { recordLicenseEvent } from '../history/recordLicenseEvent'
import { sumUsersInUse } from './reportUsers'

export type DeactivationAnswer = { code: 'DEACTIVATED' | 'NOT_ACTIVE' | 'NOT_FOUND' }

/**
 * Frees the seat of `fingerprint`: the activation row is deleted (once, whoever asks first) and
 * only that delete gives the seat back. Works whatever the license's state, so a suspended or
 * expired license can still be moved off a machine.
 */
export const deactivateLicense = async (
  payload: Payload,
  key: string,
  fingerprint: string,
  actor: Actor,
): Promise<DeactivationAnswer> => {
  const license = await findLicenseByKey(payload, key)
  if (!license) return { code: 'NOT_FOUND' }
  const activations = tableOf(payload, 'activations')
  const database = await drizzleFor(payload)
  const deleted = await database
    .delete(activations)
    .where(and(eq(activations.license, license.id), eq(activations.fingerprint, fingerprint)))
    .returning({ id: activations.id, hostname: activations.hostname })
  if (deleted.length === 0) return { code: 'NOT_ACTIVE' }
  await releaseSeatOf(payload, license.id)
  await sumUsersInUse(payload, license.id)
  await recordLicenseEvent(payload, {
    license: license.id,
    type: 'deactivated',
    actor,
    details: { fingerprint, hostname: deleted[0].hostname ?? null },
  })
  return { code: 'DEACTIVATED' }
}
