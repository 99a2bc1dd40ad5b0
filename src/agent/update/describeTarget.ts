import type { TargetConfig, TargetState } from '../state/types'

/** One target as `check`, `status` and the daemon show it. */
export const describeTarget = (config: TargetConfig, state: TargetState | undefined) => {
  const current = state ?? { state: 'idle' as const }
  return {
    target: config.target,
    product: config.product,
    line: config.line,
    platform: config.platform,
    version: config.version,
    installer: config.installer.type,
    state: current.state,
    ...(current.lastGoodState ? { lastGoodState: current.lastGoodState } : {}),
    ...(current.error ? { error: current.error } : {}),
    ...(current.available
      ? {
          available: {
            version: current.available.version,
            critical: current.available.critical,
            size: current.available.size,
            notesUrl: current.available.notesUrl,
            ...(current.available.rollback ? { rollback: true } : {}),
          },
        }
      : {}),
    ...(current.pending
      ? {
          pending: {
            version: current.pending.version,
            verified: current.pending.verified,
            ...(current.pending.onNextLaunch ? { onNextLaunch: true } : {}),
          },
        }
      : {}),
    ...(current.progress ? { progress: current.progress } : {}),
    ...(current.unconfirmed ? { unconfirmed: current.unconfirmed } : {}),
  }
}

export type TargetDescription = ReturnType<typeof describeTarget>
