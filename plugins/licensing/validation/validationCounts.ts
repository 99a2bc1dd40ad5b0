import type { Payload } from 'payload'

import { and, drizzleFor, eq, lt, or, isNull, sql, tableOf } from '../../../src/database/database'

type Pending = {
  licenses: Map<string, { id: number | string; count: number; lastAt: Date }>
  activations: Map<string, { id: number | string; seenAt: Date }>
  /** Validations per UTC day (YYYY-MM-DD), for the back office's chart. */
  days: Map<string, number>
}

const emptyPending = (): Pending => ({
  licenses: new Map(),
  activations: new Map(),
  days: new Map(),
})
const utcDay = (at: Date): string => at.toISOString().slice(0, 10)

/**
 * Validations are counted in memory and written in batches: the validate request path never
 * writes. Each flush is one atomic `validation_count = validation_count + n` per license, so
 * counts from several instances add up.
 */
const pendingByPayload = new WeakMap<Payload, Pending>()
const timers = new WeakMap<Payload, NodeJS.Timeout>()

const pendingOf = (payload: Payload): Pending => {
  let pending = pendingByPayload.get(payload)
  if (!pending) pendingByPayload.set(payload, (pending = emptyPending()))
  return pending
}

/** Notes one validation of a license (and when its activation was last seen). */
export const countValidation = (
  payload: Payload,
  licenseId: number | string,
  activationId?: number | string,
  now = new Date(),
): void => {
  const pending = pendingOf(payload)
  const entry = pending.licenses.get(String(licenseId))
  if (entry) {
    entry.count += 1
    entry.lastAt = now
  } else {
    pending.licenses.set(String(licenseId), { id: licenseId, count: 1, lastAt: now })
  }
  const day = utcDay(now)
  pending.days.set(day, (pending.days.get(day) ?? 0) + 1)
  if (activationId !== undefined)
    pending.activations.set(String(activationId), { id: activationId, seenAt: now })
}

/**
 * Writes the counts gathered so far; call it on shutdown too. Returns how many validations it
 * wrote.
 */
export const flushValidationCounts = async (payload: Payload): Promise<number> => {
  const pending = pendingByPayload.get(payload)
  if (!pending || (pending.licenses.size === 0 && pending.activations.size === 0)) return 0
  // Payload was destroyed without a flush first (a test's shutdown): nothing left to write to.
  if (!payload.db?.drizzle) {
    stopValidationCountFlush(payload)
    return 0
  }
  pendingByPayload.set(payload, emptyPending())

  const licenses = tableOf(payload, 'licenses')
  const activations = tableOf(payload, 'activations')
  const validationDays = tableOf(payload, 'validation-days')
  const database = await drizzleFor(payload)
  let written = 0
  for (const { id, count, lastAt } of pending.licenses.values()) {
    const at = lastAt.toISOString()
    try {
      await database
        .update(licenses)
        .set({ validationCount: sql`coalesce(${licenses.validationCount}, 0) + ${count}` })
        .where(eq(licenses.id, id))
      // Never move lastValidatedAt backwards (another instance may have flushed a later time).
      await database
        .update(licenses)
        .set({ lastValidatedAt: at })
        .where(
          and(
            eq(licenses.id, id),
            or(isNull(licenses.lastValidatedAt), lt(licenses.lastValidatedAt, at)),
          ),
        )
      written += count
    } catch (error) {
      payload.logger.error({
        err: error,
        msg: `Could not write ${count} validation(s) of license ${id}`,
      })
    }
  }
  for (const [day, count] of pending.days) {
    const now = new Date().toISOString()
    await database
      .insert(validationDays)
      .values({ day, count, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: validationDays.day,
        set: { count: sql`${validationDays.count} + ${count}`, updatedAt: now },
      })
      .catch((error: unknown) =>
        payload.logger.error({
          err: error,
          msg: `Could not count ${count} validation(s) of ${day}`,
        }),
      )
  }
  for (const { id, seenAt } of pending.activations.values()) {
    const at = seenAt.toISOString()
    await database
      .update(activations)
      .set({ lastSeenAt: at })
      .where(
        and(
          eq(activations.id, id),
          or(isNull(activations.lastSeenAt), lt(activations.lastSeenAt, at)),
        ),
      )
      .catch((error: unknown) =>
        payload.logger.error({ err: error, msg: `Could not note activation ${id} as seen` }),
      )
  }
  return written
}

/** Flushes every `intervalMs` on this instance (the timer does not keep the process alive). */
export const startValidationCountFlush = (payload: Payload, intervalMs: number): void => {
  stopValidationCountFlush(payload)
  const timer = setInterval(() => {
    flushValidationCounts(payload).catch((error) =>
      payload.logger.error({ err: error, msg: 'Flushing validation counts failed' }),
    )
  }, intervalMs)
  timer.unref()
  timers.set(payload, timer)
}

export const stopValidationCountFlush = (payload: Payload): void => {
  clearInterval(timers.get(payload))
  timers.delete(payload)
}
