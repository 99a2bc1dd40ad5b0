import type { PayloadRequest } from 'payload'

import { isStaffUser } from '../../../collections/access/hasRole'
import { customerCollectionSlug } from '../../../collections/access/roles'
import type { actorKinds } from '../collections/LicenseEvents'

/** Who did something to a license, as the history shows it. */
export type Actor = {
  kind: (typeof actorKinds)[number]
  id?: string | number | null
  label?: string | null
}

export const systemActor: Actor = { kind: 'system', label: 'system' }

/** The actor behind a request: a staff member, a reseller, a customer account, or the system. */
export const actorOf = (user: PayloadRequest['user']): Actor => {
  if (!user) return systemActor
  const named = user as { id: number | string; email?: string | null; name?: string | null }
  if (isStaffUser(user))
    return { kind: 'staff', id: named.id, label: named.email ?? named.name ?? null }
  if (user.collection === 'resellers')
    return { kind: 'reseller', id: named.id, label: named.name ?? null }
  if (user.collection === customerCollectionSlug)
    return { kind: 'customer', id: named.id, label: named.email ?? null }
  return systemActor
}

/** An installed app, named by its hostname when it sent one. */
export const appActor = (fingerprint: string, hostname?: string | null): Actor => ({
  kind: 'app',
  id: fingerprint,
  label: hostname || fingerprint,
})
