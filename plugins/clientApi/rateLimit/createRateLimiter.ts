import type { Redis } from 'ioredis'
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible'

import { ClientError } from '../../../src/http/clientError'
import { countRateLimitRefusal } from '../../metrics'

export type RateLimitBudget = {
  /** Requests one key may make per window. */
  limit: number
  windowMs: number
}

export type RateLimiterOptions = RateLimitBudget & {
  /** Names the budget: its Redis keys (`hub:rate:<name>:<key>`) and its refusals metric. */
  name: string
  /** Shared across instances through this Redis; none: this instance's memory only. */
  redis?: Redis | null
}

/** A key's use of a budget: resolves while it lasts, else throws 429 `RATE_LIMITED`. */
export type RateLimiter = (key: string) => Promise<void>

const refusal = (limit: number, msBeforeNext: number): ClientError => {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000))
  return new ClientError(429, 'RATE_LIMITED', `Too many requests; retry in ${retryAfter} s`, {
    'Retry-After': String(retryAfter),
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': '0',
  })
}

/**
 * A fixed-window budget per key (rate-limiter-flexible). With `redis` it is one budget for every
 * instance sharing that Redis; while Redis is down or slow each instance falls back to its own
 * memory (the insurance limiter), so a Redis outage never refuses traffic. Without it, the
 * budget is this instance's, in memory.
 */
export const createRateLimiter = ({
  limit,
  windowMs,
  name,
  redis,
}: RateLimiterOptions): RateLimiter => {
  const window = { points: limit, duration: windowMs / 1000 }
  const inMemory = new RateLimiterMemory({ ...window, keyPrefix: name })
  const limiter: RateLimiterAbstract = redis
    ? new RateLimiterRedis({
        ...window,
        storeClient: redis,
        keyPrefix: `hub:rate:${name}`,
        rejectIfRedisNotReady: true,
        insuranceLimiter: inMemory,
      })
    : inMemory
  return async (key) => {
    try {
      await limiter.consume(key)
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) {
        countRateLimitRefusal(name)
        throw refusal(limit, outcome.msBeforeNext)
      }
      // Neither Redis nor memory could count it: let it through rather than refuse everyone.
    }
  }
}
