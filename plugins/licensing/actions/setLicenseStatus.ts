import type { Payload } from 'payload'

import type { Actor } from '../history/actors'
import { changeLicense, conflict } from './changeLicense'

/** "Suspend": every check answers SUSPENDED until support reinstates the license. */
export const suspendLicense = (
  payload: Payload,
  { licenseId, reason }: { licenseId: number | string; reason?: string },
  actor: Actor,
) =>
  changeLicense(
    payload,
    licenseId,
    {
      plan: (license) => {
        if (license.status === 'suspended') throw conflict('The license is suspended already')
        return { status: 'suspended' }
      },
      event: 'suspended',
      details: () => ({ reason: reason ?? null }),
    },
    actor,
  )

/** "Reinstate": a suspended license works again. */
export const reinstateLicense = (
  payload: Payload,
  { licenseId }: { licenseId: number | string },
  actor: Actor,
) =>
  changeLicense(
    payload,
    licenseId,
    {
      plan: (license) => {
        if (license.status === 'active') throw conflict('The license is active already')
        return { status: 'active' }
      },
      event: 'reinstated',
      details: () => ({}),
    },
    actor,
  )
