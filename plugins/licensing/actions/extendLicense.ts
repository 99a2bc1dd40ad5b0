import type { Payload } from 'payload'

import { addDays } from '../../../src/lib/time'
import type { Actor } from '../history/actors'
import { changeLicense, conflict } from './changeLicense'

/**
 * "Extend trial": `days` more, counted from the expiry or from now when it has already passed
 * (an expired trial extended by 14 days runs 14 days from today).
 */
export const extendLicense = (
  payload: Payload,
  { licenseId, days }: { licenseId: number | string; days: number },
  actor: Actor,
) =>
  changeLicense(
    payload,
    licenseId,
    {
      plan: (license) => {
        if (license.type === 'perpetual' || !license.expiresAt)
          throw conflict('A perpetual license does not expire')
        const from = Math.max(new Date(license.expiresAt).getTime(), Date.now())
        return { expiresAt: addDays(new Date(from), days).toISOString() }
      },
      event: 'extended',
      details: (before, after) => ({
        days,
        from: before.expiresAt ?? null,
        to: after.expiresAt ?? null,
      }),
    },
    actor,
  )
