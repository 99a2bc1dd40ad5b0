import { type AgentContext, nowOf } from '../context'
import { readConfig, readState } from '../state/stateFolder'
import { checkLicense, evaluateStoredFile } from './checkLicense'
import { emptyLicenseRecord, recordLicense } from './licenseRecord'
import { sendPendingUses } from './recordUse'
import { usableStates } from './types'

export const licenseCheckIntervalMs = 24 * 60 * 60 * 1000
/** Between online checks the stored file is looked at hourly (offline expiry warnings). */
export const licenseReviewIntervalMs = 60 * 60 * 1000

/**
 * Looks at the stored license file with the clock, without the network: a usable license moves
 * by its dates (expiring, expired; a `grace` stays `grace`), and the expiry warnings due are given.
 */
export const reviewStoredLicense = async (context: AgentContext) => {
  const config = await readConfig(context.stateDir)
  return recordLicense(context, async (current, saved) => {
    // What the server decided (suspended, no credit, not found) stands until the next check.
    if (!usableStates.has(current.state)) return
    await evaluateStoredFile(context, config, saved, current, {
      offline: current.state === 'grace',
    })
  })
}

/**
 * The daemon's license work: a check at start and then daily (online; offline the stored file
 * decides, `grace`, and the check is tried again every hour), uses left unanswered sent again,
 * and every hour the stored file looked at with the clock, so expiry warnings come on time
 * without a network.
 */
export const startLicenseChecks = (
  context: AgentContext,
  {
    checkIntervalMs = licenseCheckIntervalMs,
    reviewIntervalMs = licenseReviewIntervalMs,
  }: { checkIntervalMs?: number; reviewIntervalMs?: number } = {},
) => {
  let stopped = false
  let running: Promise<unknown> = Promise.resolve()
  let timer: NodeJS.Timeout | undefined

  let first = true
  const tick = async (): Promise<void> => {
    const atStart = first
    first = false
    const state = await readState(context.stateDir)
    const record = { ...emptyLicenseRecord(), ...state.license }
    const { master } = await readConfig(context.stateDir)
    if (master) {
      // A node renews its lease at half its time to live (the heartbeat).
      const renewAfterMs = ((record.lease?.ttlSeconds ?? 0) * 1000) / 2
      const sinceCheck = nowOf(context).getTime() - Date.parse(record.lastCheckAt ?? '1970-01-01')
      if (atStart || !record.lease || sinceCheck >= renewAfterMs) await checkLicense(context)
      return
    }
    if (!record.sealedKey && !record.sealedLicenseFile) return
    const lastCheck = record.lastCheckAt ? Date.parse(record.lastCheckAt) : 0
    const isDue =
      atStart ||
      record.state === 'grace' ||
      record.pendingUses.length > 0 ||
      nowOf(context).getTime() - lastCheck >= checkIntervalMs
    if (isDue) {
      if (record.pendingUses.length > 0) await sendPendingUses(context).catch(() => undefined)
      await checkLicense(context)
      return
    }
    await reviewStoredLicense(context)
  }

  /** A node wakes at half its lease's time to live (a minute without a lease); others hourly. */
  const nextDelay = async (): Promise<number> => {
    const { master } = await readConfig(context.stateDir)
    if (!master) return Math.min(reviewIntervalMs, checkIntervalMs)
    const { license } = await readState(context.stateDir)
    return Math.max(1_000, ((license?.lease?.ttlSeconds ?? 120) * 1000) / 2)
  }

  const loop = () => {
    if (stopped) return
    running = tick()
      .catch(() => undefined)
      .then(nextDelay)
      .catch(() => reviewIntervalMs)
      .then((delay) => {
        if (!stopped) timer = setTimeout(loop, delay)
      })
  }
  loop()
  return {
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
