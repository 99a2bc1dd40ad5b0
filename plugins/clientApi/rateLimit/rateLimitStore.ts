import { Redis } from 'ioredis'
import type { Payload } from 'payload'

/** The client API's settings the plugin keeps in `config.custom.clientApi`. */
export type ClientApiSettings = {
  /** `REDIS_URL`: budgets shared by every instance using it; none: each instance its own. */
  redisUrl?: string
}

/** A command Redis has not answered by then counts as Redis down for that request. */
const commandTimeoutMs = 500

const stores = new WeakMap<Payload, Redis | null>()

const connect = (payload: Payload, url: string): Redis => {
  const redis = new Redis(url, {
    // Down or reconnecting: fail a command at once (the limiter falls back to memory) instead of
    // queueing it, which would hold every limited request until Redis came back.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: commandTimeoutMs,
    connectTimeout: 2_000,
    // Keep trying, at most every 5 s: the shared budgets come back with Redis.
    retryStrategy: (times) => Math.min(times * 200, 5_000),
  })
  // Logged once per outage, not per request or per reconnection attempt.
  let isDown = false
  redis.on('error', (error: Error) => {
    if (isDown) return
    isDown = true
    payload.logger.warn(
      `Rate limits: Redis unreachable (${error.message}); each instance limits in its own memory until it is back`,
    )
  })
  redis.on('ready', () => {
    if (!isDown) return
    isDown = false
    payload.logger.info('Rate limits: Redis is back; budgets are shared again')
  })
  return redis
}

/**
 * This instance's Redis connection for shared budgets, made on first use; null without
 * `REDIS_URL`.
 */
export const rateLimitStoreOf = (payload: Payload): Redis | null => {
  let store = stores.get(payload)
  if (store !== undefined) return store
  const { redisUrl } = (payload.config.custom?.clientApi as ClientApiSettings | undefined) ?? {}
  store = redisUrl ? connect(payload, redisUrl) : null
  stores.set(payload, store)
  return store
}

/** Closes this instance's Redis connection, if it made one (at shutdown). */
export const closeRateLimitStore = (payload: Payload): void => {
  stores.get(payload)?.disconnect()
  stores.delete(payload)
}
