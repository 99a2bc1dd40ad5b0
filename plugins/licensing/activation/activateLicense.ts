import type { Payload } from 'payload'

import type { ActivationCode } from '../../../src/lib/protocol'
import { drizzleFor, eq, sql, tableOf } from '../../../src/database/database'
import type { Actor } from '../history/actors'
import type { activationRoles } from '../collections/Activations'
import { findActivation } from './findActivation'
import { issueLicenseFile } from '../licenseFiles/issueLicenseFile'
import { limitsOf, type LicenseLimits } from './licenseLimits'
import { findLicenseByKey, type LicenseRecord } from '../licenseRecord'
import { noteLimitExceeded } from './limitReached'
import { usabilityOf } from '../licenseState'
import { productById } from '../../catalogue'
import { recordLicenseEvent } from '../history/recordLicenseEvent'
import { releaseSeatOf, reserveSeat } from './seats'
import { licensingSettings } from '../settings'

export type { ActivationCode }

export type Installation = {
  fingerprint: string
  hostname?: string
  role?: (typeof activationRoles)[number]
  appVersion?: string
  /** Users this installation has now (stored on the activation). */
  users?: number
}

export type ActivationAnswer = {
  code: ActivationCode
  activation?: { id: number | string; fingerprint: string }
  licenseFile?: string
  /** Present when the license is over a soft limit (users): the activation still stands. */
  limits?: LicenseLimits
}

const noteLimitReached = async (
  payload: Payload,
  license: LicenseRecord,
  installation: Installation,
  actor: Actor,
): Promise<void> => {
  const licenses = tableOf(payload, 'licenses')
  const database = await drizzleFor(payload)
  await database
    .update(licenses)
    .set({ limitReachedCount: sql`coalesce(${licenses.limitReachedCount}, 0) + 1` })
    .where(eq(licenses.id, license.id))
  await recordLicenseEvent(payload, {
    license: license.id,
    type: 'limit-reached',
    actor,
    details: {
      maxClients: license.maxClients,
      fingerprint: installation.fingerprint,
      hostname: installation.hostname ?? null,
    },
  })
}

const noteSeenAgain = async (
  payload: Payload,
  activationId: number | string,
  installation: Installation,
): Promise<void> => {
  const activations = tableOf(payload, 'activations')
  const database = await drizzleFor(payload)
  const now = new Date().toISOString()
  await database
    .update(activations)
    .set({
      lastSeenAt: now,
      updatedAt: now,
      ...(installation.hostname ? { hostname: installation.hostname } : {}),
      ...(installation.appVersion ? { appVersion: installation.appVersion } : {}),
    })
    .where(eq(activations.id, activationId))
}

/**
 * Reserve a seat atomically, then insert the activation (unique per license and
 * fingerprint, insert-or-nothing); if the same fingerprint won a race meanwhile, the seat goes
 * back.
 */
const activateWithSeat = async (
  payload: Payload,
  license: LicenseRecord,
  installation: Installation,
  actor: Actor,
): Promise<ActivationAnswer> => {
  const now = new Date()
  const product = await productById(payload, license.product)
  const usability = usabilityOf(license, product, { now })
  if (usability !== 'VALID' || !product)
    return { code: usability === 'VALID' ? 'NOT_FOUND' : usability }
  const validDays = licensingSettings(payload).licenseFileDays
  const answer = async (code: ActivationCode, id: number | string): Promise<ActivationAnswer> => {
    const { limits } = await limitsOf(payload, license, id, installation.users, actor, now)
    return {
      code,
      activation: { id, fingerprint: installation.fingerprint },
      licenseFile: await issueLicenseFile(payload, license, product, {
        fingerprint: installation.fingerprint,
        validDays,
        now,
      }),
      ...(limits ? { limits } : {}),
    }
  }

  const existing = await findActivation(payload, license.id, installation.fingerprint)
  if (existing) {
    await noteSeenAgain(payload, existing.id, installation)
    return answer('ALREADY_ACTIVE', existing.id)
  }

  if (!(await reserveSeat(payload, license.id))) {
    const racedIn = await findActivation(payload, license.id, installation.fingerprint)
    if (racedIn) return answer('ALREADY_ACTIVE', racedIn.id)
    await noteLimitReached(payload, license, installation, actor)
    await noteLimitExceeded(
      payload,
      license,
      'clients',
      license.maxClients + 1,
      license.maxClients,
      actor,
      now,
    )
    return { code: 'TOO_MANY_CLIENTS' }
  }

  const activations = tableOf(payload, 'activations')
  const database = await drizzleFor(payload)
  const at = now.toISOString()
  let inserted: Array<{ id: number | string }>
  try {
    inserted = await database
      .insert(activations)
      .values({
        license: license.id,
        fingerprint: installation.fingerprint,
        hostname: installation.hostname ?? null,
        role: installation.role ?? 'app',
        appVersion: installation.appVersion ?? null,
        activatedAt: at,
        lastSeenAt: at,
        createdAt: at,
        updatedAt: at,
      })
      .onConflictDoNothing()
      .returning({ id: activations.id })
  } catch (error) {
    await releaseSeatOf(payload, license.id)
    throw error
  }
  if (inserted.length === 0) {
    await releaseSeatOf(payload, license.id)
    const winner = await findActivation(payload, license.id, installation.fingerprint)
    return winner ? answer('ALREADY_ACTIVE', winner.id) : { code: 'NOT_FOUND' }
  }
  await recordLicenseEvent(payload, {
    license: license.id,
    type: 'activated',
    actor,
    details: {
      fingerprint: installation.fingerprint,
      hostname: installation.hostname ?? null,
      role: installation.role ?? 'app',
      appVersion: installation.appVersion ?? null,
    },
  })
  return answer('ACTIVATED', inserted[0].id)
}

/**
 * Activations of one fingerprint under one license that are in flight on this instance. A second
 * request for the same pair waits for the first instead of racing it for a seat (which, with the
 * license one seat from full, could refuse the loser although its machine is being activated).
 */
const inFlight = new WeakMap<Payload, Map<string, Promise<ActivationAnswer>>>()

/**
 * Activates `installation` under a license found already (the key's, or the one master login
 * chose), once per fingerprint however many identical requests arrive together.
 */
export const activateFoundLicense = (
  payload: Payload,
  license: LicenseRecord,
  installation: Installation,
  actor: Actor,
): Promise<ActivationAnswer> => {
  let pending = inFlight.get(payload)
  if (!pending) inFlight.set(payload, (pending = new Map()))
  const pair = `${license.id}\n${installation.fingerprint}`
  const running = pending.get(pair)
  if (running)
    return running.then((answer) =>
      answer.code === 'ACTIVATED' ? { ...answer, code: 'ALREADY_ACTIVE' } : answer,
    )
  const started = activateWithSeat(payload, license, installation, actor).finally(() =>
    pending.delete(pair),
  )
  pending.set(pair, started)
  return started
}

/** `POST /licenses/activate`: activates `installation` under the license `key` names. */
export const activateLicense = async (
  payload: Payload,
  key: string,
  installation: Installation,
  actor: Actor,
): Promise<ActivationAnswer> => {
  const license = await findLicenseByKey(payload, key)
  if (!license) return { code: 'NOT_FOUND' }
  return activateFoundLicense(payload, license, installation, actor)
}
