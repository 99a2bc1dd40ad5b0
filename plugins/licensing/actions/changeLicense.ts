import type { Payload, PayloadRequest } from 'payload'

import type { License } from '../../../payload-types'
import { ClientError } from '../../clientApi'
import type { Actor } from '../history/actors'
import type { LicenseEventType } from '../collections/LicenseEvents'
import { licenseHistoryContext } from '../history/recordLicenseHistory'
import { recordLicenseEvent } from '../history/recordLicenseEvent'
import { inTransaction } from './inTransaction'

export const licenseNotFound = (id: number | string) =>
  new ClientError(404, 'NOT_FOUND', `No license ${id}`)
export const conflict = (message: string) => new ClientError(409, 'CONFLICT', message)

export type LicenseChange = {
  /** The fields to write, from the license as it is now (or null when there is nothing to do). */
  plan: (license: License) => Partial<License> | null
  /**
   * The increments to apply atomically (`column = column + n`), when the change adds to a counter.
   */
  increments?: (req: PayloadRequest) => Promise<void>
  event: LicenseEventType
  details: (before: License, after: License) => Record<string, unknown>
}

/**
 * One staff action on a license: read it, write the change and its history event in one
 * transaction (the generic "updated" event of the history hook is skipped: this one says more).
 */
export const changeLicense = (
  payload: Payload,
  id: number | string,
  change: LicenseChange,
  actor: Actor,
): Promise<License> =>
  inTransaction(payload, async (req) => {
    const before = await payload.findByID({
      collection: 'licenses',
      id,
      depth: 0,
      req,
      disableErrors: true,
    })
    if (!before) throw licenseNotFound(id)
    const data = change.plan(before)
    if (data === null) return before
    await change.increments?.(req)
    const after =
      Object.keys(data).length > 0
        ? await payload.update({
            collection: 'licenses',
            id,
            data,
            depth: 0,
            req,
            context: { [licenseHistoryContext.recorded]: true },
          })
        : await payload.findByID({ collection: 'licenses', id, depth: 0, req })
    await recordLicenseEvent(
      payload,
      { license: id, type: change.event, actor, details: change.details(before, after) },
      req,
    )
    return after
  })
