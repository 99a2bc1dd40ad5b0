import { AgentError } from '../errors'
import type { Settings } from './types'

/** Both automatic steps are on unless the user turns them off. */
export const defaultSettings: Settings = {
  autoDownload: true,
  autoInstall: true,
  checkIntervalHours: 24,
  channel: 'stable',
}

export const minimumCheckIntervalHours = 1
const jitter = 0.1

export type SettingsChange = Partial<Settings>

/** Checks a change from the CLI or `PUT /settings` and returns the new settings. */
export const applySettingsChange = (settings: Settings, change: SettingsChange): Settings => {
  const next = { ...defaultSettings, ...settings }
  for (const key of ['autoDownload', 'autoInstall'] as const) {
    if (change[key] === undefined) continue
    if (typeof change[key] !== 'boolean')
      throw new AgentError('BAD_REQUEST', `${key} must be true or false (on or off)`)
    next[key] = change[key]
  }
  if (change.checkIntervalHours !== undefined) {
    const hours = change.checkIntervalHours
    if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < minimumCheckIntervalHours) {
      throw new AgentError(
        'BAD_REQUEST',
        `checkIntervalHours must be a number of at least ${minimumCheckIntervalHours}`,
      )
    }
    next.checkIntervalHours = hours
  }
  if (change.channel !== undefined) {
    if (typeof change.channel !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/.test(change.channel)) {
      throw new AgentError('BAD_REQUEST', 'channel must be a channel name such as stable or beta')
    }
    next.channel = change.channel
  }
  return next
}

/**
 * Milliseconds to the next regular check: the interval ±10 %, so a fleet does not ask all at once.
 */
export const nextCheckDelay = (settings: Settings, random: () => number = Math.random): number => {
  const hours = Math.max(minimumCheckIntervalHours, settings.checkIntervalHours)
  return Math.round(hours * 3_600_000 * (1 - jitter + 2 * jitter * random()))
}
