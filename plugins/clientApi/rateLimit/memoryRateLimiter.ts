import { ClientError } from '../../../src/http/clientError'

type Window = { startedAt: number; count: number }

/** The 429 `RATE_LIMITED` refusal, with when to retry. */
export const rateLimitRefusal = (limit: number, msBeforeNext: number): ClientError => {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000))
  return new ClientError(429, 'RATE_LIMITED', `Too many requests; retry in ${retryAfter} s`, {
    'Retry-After': String(retryAfter),
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': '0',
  })
}

/**
 * A fixed-window limiter per key in this instance's memory: no cost per request beyond a map
 * lookup. It is the budget without `REDIS_URL`, and each instance's own while Redis is down.
 */
export const createMemoryRateLimiter = ({
  limit,
  windowMs,
}: {
  limit: number
  windowMs: number
}) => {
  const windows = new Map<string, Window>()
  return (key: string, now = Date.now()): void => {
    if (windows.size > 50_000) {
      for (const [storedKey, window] of windows)
        if (now - window.startedAt >= windowMs) windows.delete(storedKey)
    }
    const window = windows.get(key)
    if (!window || now - window.startedAt >= windowMs) {
      windows.set(key, { startedAt: now, count: 1 })
      return
    }
    window.count += 1
    if (window.count > limit) throw rateLimitRefusal(limit, window.startedAt + windowMs - now)
  }
}
