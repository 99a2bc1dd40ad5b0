import type { Payload } from 'payload'

import { runOnce, scheduleTask } from '../../scheduler'
import { applyRetention } from './applyRetention'

/**
 * Today's retention run, claimed in the database (`retention:<YYYY-MM-DD>`) so it happens once
 * across instances.
 */
export const runDailyRetention = (payload: Payload, now: Date = new Date()) =>
  runOnce(payload, 'retention', `retention:${now.toISOString().slice(0, 10)}`, () =>
    applyRetention(payload, { now }),
  )

export const scheduleRetention = (payload: Payload, rule: string): void =>
  scheduleTask(payload, 'retention', rule, () => runDailyRetention(payload))
