/**
 * Runs `work` while renewing a lease on it every `everyMs` (a heartbeat), so a long run keeps its
 * claim for as long as its instance is alive, and a dead instance's claim lapses within one lease.
 * `renew` answers whether the claim is still held; once it is not (another instance took the work
 * over, or the row was finished), the beats stop and `onLost` is told. A failed renewal (the
 * database did not answer) is reported and the next beat tries again.
 */
export const withHeartbeat = async <T>(
  work: () => Promise<T>,
  {
    everyMs,
    renew,
    onLost,
    onError,
  }: {
    everyMs: number
    renew: () => Promise<boolean>
    onLost?: () => void
    onError?: (error: unknown) => void
  },
): Promise<T> => {
  let finished = false
  let timer: NodeJS.Timeout | undefined
  const beat = async () => {
    let held = true
    try {
      held = await renew()
    } catch (error) {
      onError?.(error)
    }
    if (finished) return
    if (!held) return onLost?.()
    timer = setTimeout(() => void beat(), everyMs)
  }
  timer = setTimeout(() => void beat(), everyMs)
  try {
    return await work()
  } finally {
    finished = true
    clearTimeout(timer)
  }
}

/** A heartbeat renews a lease three times per lease, so one late beat does not lose it. */
export const heartbeatIntervalOf = (leaseMs: number): number => Math.max(1, Math.floor(leaseMs / 3))
