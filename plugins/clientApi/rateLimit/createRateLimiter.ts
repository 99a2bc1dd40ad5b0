import type { Redis } from 'ioredis'
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'

import { ClientError } from '../../../src/http/clientError'
import { countRateLimitRefusal } from '../../metrics'
import { createMemoryRateLimiter, rateLimitRefusal } from './memoryRateLimiter'

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

/**
 * A key's use of a budget: resolves while it lasts, else rejects with 429 `RATE_LIMITED`. `now`
 * moves the in-memory window only (tests); Redis keeps its own time.
 */
export type RateLimiter = (key: string, now?: number) => Promise<void>

/**
 * A fixed-window budget per key. With `redis` it is one budget for every instance sharing that
 * Redis (rate-limiter-flexible); while Redis is down or slow each instance falls back to its own
 * in-memory budget, so a Redis outage never refuses traffic. Without it, the in-memory budget.
 */
export const createRateLimiter = ({
  limit,
  windowMs,
  name,
  redis,
}: RateLimiterOptions): RateLimiter => {
  const inMemory = createMemoryRateLimiter({ limit, windowMs })
  const limitInMemory = (key: string, now?: number): void => {
    try {
      inMemory(key, now)
    } catch (error) {
      if (error instanceof ClientError) countRateLimitRefusal(name)
      throw error
    }
  }
  if (!redis) return async (key, now) => limitInMemory(key, now)

  const shared = new RateLimiterRedis({
    storeClient: redis,
    points: limit,
    duration: windowMs / 1000,
    keyPrefix: `hub:rate:${name}`,
    // Not connected (down, reconnecting): fail at once, and fall back below.
    rejectIfRedisNotReady: true,
  })
  return async (key, now) => {
    try {
      await shared.consume(key)
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) return limitInMemory(key, now)
      countRateLimitRefusal(name)
      throw rateLimitRefusal(limit, outcome.msBeforeNext)
    }
  }
}
