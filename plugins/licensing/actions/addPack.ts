import type { Payload } from 'payload'

import { badRequest } from '../../clientApi'
import { drizzleFor, eq, sql, tableOf } from '../../../src/database/database'
import type { Actor } from '../history/actors'
import { changeLicense } from './changeLicense'

export type Pack = { clients?: number; users?: number; credits?: number }

/**
 * "Add pack": more client seats, users or usage credits. Added with atomic increments, so a pack
 * never overwrites credits spent by metering at the same moment.
 */
export const addPack = (
  payload: Payload,
  { licenseId, clients = 0, users = 0, credits = 0 }: { licenseId: number | string } & Pack,
  actor: Actor,
) => {
  if (clients + users + credits <= 0)
    throw badRequest('A pack adds at least one client, user or credit')
  return changeLicense(
    payload,
    licenseId,
    {
      plan: () => ({}), // nothing to set: the increments below are the change
      increments: async (req) => {
        const licenses = tableOf(payload, 'licenses')
        const database = await drizzleFor(payload, req)
        await database
          .update(licenses)
          .set({
            updatedAt: new Date().toISOString(),
            maxClients: sql`${licenses.maxClients} + ${clients}`,
            maxUsers: sql`${licenses.maxUsers} + ${users}`,
            ...(credits > 0 ? { credits: sql`coalesce(${licenses.credits}, 0) + ${credits}` } : {}),
          })
          .where(eq(licenses.id, licenseId))
      },
      event: 'pack-added',
      details: (_before, after) => ({
        clients,
        users,
        credits,
        maxClients: after.maxClients,
        maxUsers: after.maxUsers,
        creditsLeft: after.credits ?? null,
      }),
    },
    actor,
  )
}
