import type { Payload } from 'payload'

import { actorOf, extendLicense, suspendLicense } from '../licensing'
import { pullRelease, restoreRelease } from '../updates'

import type { User } from '../../payload-types'
import type { SeedLicense } from './people'

/**
 * What support did to a seeded license, done through the same domain functions as the admin's
 * actions, so its history reads as it would in production: extended by `extendedBy` days (it was
 * created that much shorter), suspended with its reason.
 */
export const applySupportHistory = async (
  payload: Payload,
  { licenseId, license, support }: { licenseId: number; license: SeedLicense; support: User },
): Promise<void> => {
  const actor = actorOf({ ...support, collection: 'users' })
  if (license.extendedBy)
    await extendLicense(payload, { licenseId, days: license.extendedBy }, actor)
  if (license.status === 'suspended')
    await suspendLicense(payload, { licenseId, reason: license.suspensionReason }, actor)
}

/**
 * A release that shipped, was pulled (apps sent back to the version before) and restored by the
 * release manager: its history shows both, and its channel ends where it was.
 */
export const pullAndRestore = async (
  payload: Payload,
  { releaseId, manager }: { releaseId: number; manager: User },
): Promise<void> => {
  const actor = { ...manager, collection: 'users' as const }
  await pullRelease(payload, { releaseId, actor })
  await restoreRelease(payload, { releaseId, actor })
}
