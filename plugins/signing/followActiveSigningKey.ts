import type { Payload } from 'payload'

import { activeKidInDatabase } from './activeKid'
import { activeSigningKey, setActiveSigningKey } from './activeSigningKeys'
import { forgetPublicKeySet } from './publicKeySet'
import { stagedSigningKey, stageSigningKey } from './stagedSigningKey'

const timers = new WeakMap<Payload, NodeJS.Timeout>()
/** The active kid this instance last complained it does not hold: one log line per rotation. */
const reportedKids = new WeakMap<Payload, string>()

/**
 * Signs with the key the key set marks active when another instance rotated to it: the staged
 * next key, held by every instance, becomes this instance's key without a restart. A key this
 * instance does not hold is logged once; it keeps signing with its own, which apps still trust.
 * Returns the kid this instance signs with.
 */
export const followActiveSigningKey = async (payload: Payload): Promise<string | undefined> => {
  const activeKid = await activeKidInDatabase(payload)
  const current = await activeSigningKey(payload)
  if (!activeKid || activeKid === current.kid) return current.kid
  const staged = stagedSigningKey(payload)
  if (staged?.kid === activeKid) {
    setActiveSigningKey(payload, staged)
    stageSigningKey(payload, undefined)
    forgetPublicKeySet(payload)
    payload.logger.info(`Signing with ${activeKid}: the staged key, rotated to by another instance`)
    return activeKid
  }
  if (reportedKids.get(payload) !== activeKid) {
    reportedKids.set(payload, activeKid)
    payload.logger.error(
      `Signing key ${activeKid} is active but this instance does not hold it: it signs with ${current.kid} ` +
        '(retired, still trusted by apps) until it is restarted with SIGNING_PRIVATE_JWK set to the active key',
    )
  }
  return current.kid
}

/** Checks every `intervalMs` on this instance (the timer does not keep the process alive). */
export const startFollowingActiveSigningKey = (payload: Payload, intervalMs: number): void => {
  stopFollowingActiveSigningKey(payload)
  const timer = setInterval(() => {
    // Payload was destroyed (a test's shutdown, the end of a script): nothing left to follow.
    if (!payload.db?.drizzle) return stopFollowingActiveSigningKey(payload)
    followActiveSigningKey(payload).catch((error: unknown) =>
      payload.logger.warn({ err: error, msg: 'Could not check which signing key is active' }),
    )
  }, intervalMs)
  timer.unref()
  timers.set(payload, timer)
}

export const stopFollowingActiveSigningKey = (payload: Payload): void => {
  clearInterval(timers.get(payload))
  timers.delete(payload)
}
