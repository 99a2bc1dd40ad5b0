import type { Payload } from 'payload'

import { addDays } from '../../../src/lib/time'
import type { Actor } from '../history/actors'
import { changeLicense, conflict } from './changeLicense'

export const conversionTargets = ['subscription', 'perpetual'] as const

/**
 * "Convert": a trial becomes a subscription (`days` from today, default a year) or a perpetual
 * license.
 */
export const convertLicense = (
  payload: Payload,
  {
    licenseId,
    to,
    days = 365,
  }: { licenseId: number | string; to: (typeof conversionTargets)[number]; days?: number },
  actor: Actor,
) =>
  changeLicense(
    payload,
    licenseId,
    {
      plan: (license) => {
        if (license.type !== 'trial')
          throw conflict(`Only a trial can be converted; this is a ${license.type} license`)
        return to === 'perpetual'
          ? { type: 'perpetual', expiresAt: null }
          : { type: 'subscription', expiresAt: addDays(new Date(), days).toISOString() }
      },
      event: 'converted',
      details: (before, after) => ({
        from: before.type,
        to: after.type,
        expiresAt: after.expiresAt ?? null,
      }),
    },
    actor,
  )
