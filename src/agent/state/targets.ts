import { AgentError } from '../errors'
import type { AgentConfig, TargetConfig, TargetError, TargetState, TargetStateName } from './types'

export const appTarget = 'app'
export const collectorTarget = (id: string): string => `collector:${id}`

/** The app first, then its collectors in the order they were added. */
export const targetsOf = (config: AgentConfig): TargetConfig[] => [config.app, ...config.collectors]

/** `app`, `collector:<id>`, or a collector's bare id. */
export const findTarget = (config: AgentConfig, name: string): TargetConfig => {
  const found = targetsOf(config).find(
    (target) => target.target === name || (target.id !== undefined && target.id === name),
  )
  if (!found)
    throw new AgentError(
      'UNKNOWN_TARGET',
      `No target ${name}: the targets are ${targetsOf(config)
        .map((target) => target.target)
        .join(', ')}`,
    )
  return found
}

export const isCollector = (target: TargetConfig): boolean => target.target !== appTarget

export const targetStateOf = (targets: Record<string, TargetState>, name: string): TargetState =>
  (targets[name] ??= { state: 'idle' })

/** The state that counts for what comes next: after an error, the last good one. */
export const effectiveState = (target: TargetState): Exclude<TargetStateName, 'error'> =>
  target.state === 'error' ? (target.lastGoodState ?? 'idle') : target.state

export const setState = (target: TargetState, state: Exclude<TargetStateName, 'error'>): void => {
  target.state = state
  delete target.error
  delete target.lastGoodState
  if (state !== 'downloading') delete target.progress
}

/**
 * Marks the target failed in `phase`; it falls back to the state it was in before the phase began.
 */
export const setError = (
  target: TargetState,
  fallback: Exclude<TargetStateName, 'error'>,
  error: Omit<TargetError, 'at'>,
  at = new Date(),
): void => {
  target.state = 'error'
  target.lastGoodState = fallback
  target.error = { ...error, at: at.toISOString() }
  delete target.progress
}
