/** How long in-flight requests may finish after an API host process is asked to stop. */
export const drainTimeoutMs = 10_000

/** Drain, hooks, Payload and database together get this long before the process exits anyway. */
export const stopTimeoutMs = drainTimeoutMs + 15_000

/** A signal repeated sooner than this is the first one passed on again, not a second request. */
const repeatWindowMs = 1_000

/**
 * SIGTERM/SIGINT: the first asks for a graceful stop, one more forces it. A repeat within a
 * second counts as the same request: `npm run` passes on the SIGINT a terminal already sent to the
 * whole process group, so one Ctrl-C arrives twice.
 */
export const onStopSignals = (
  stop: (signal: NodeJS.Signals) => void,
  force: (signal: NodeJS.Signals) => void,
): void => {
  let firstAt: number | undefined
  const handle = (signal: NodeJS.Signals) => {
    const now = Date.now()
    if (firstAt === undefined) {
      firstAt = now
      stop(signal)
    } else if (now - firstAt >= repeatWindowMs) force(signal)
  }
  process.on('SIGTERM', handle)
  process.on('SIGINT', handle)
}
