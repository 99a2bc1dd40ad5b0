import type { CollectionAfterDeleteHook } from 'payload'

import { actorOf } from '../history/actors'
import { releaseSeatOf } from '../activation/seats'
import { recordLicenseEvent } from '../history/recordLicenseEvent'
import { sumUsersInUse } from '../activation/reportUsers'

/** Support deleted an activation in the admin: its seat is free again, and the history says who. */
export const releaseSeat: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const licenseId = typeof doc.license === 'object' ? doc.license?.id : doc.license
  if (!licenseId) return doc
  await releaseSeatOf(req.payload, licenseId, req)
  await sumUsersInUse(req.payload, licenseId, req)
  await recordLicenseEvent(
    req.payload,
    {
      license: licenseId,
      type: 'deactivated',
      actor: actorOf(req.user),
      details: { fingerprint: doc.fingerprint, hostname: doc.hostname ?? null },
    },
    req,
  )
  return doc
}
