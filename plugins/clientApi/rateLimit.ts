import type { PayloadRequest } from 'payload'

import { ClientError } from '../../src/http/clientError'

type Window = { startedAt: number; count: number }

/**
 * A fixed-window limiter per key. It lives in this instance's memory on purpose: it guards the
 * instance against floods at no cost per request; a budget that must hold across instances
 * (trials per email) is also checked in the database by the domain code.
 */
export const createRateLimiter = ({ limit, windowMs }: { limit: number; windowMs: number }) => {
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
    if (window.count > limit) {
      const retryAfter = Math.ceil((window.startedAt + windowMs - now) / 1000)
      throw new ClientError(429, 'RATE_LIMITED', `Too many requests; retry in ${retryAfter} s`, {
        'Retry-After': String(retryAfter),
        'X-RateLimit-Limit': String(limit),
        'X-RateLimit-Remaining': '0',
      })
    }
  }
}

/**
 * The caller's address: the one `X-Forwarded-For` hop both hosts set before anything reads the
 * request (the socket's, or what a proxy TRUST_PROXY names forwarded; src/server/clientOrigin.ts).
 */
export const clientAddress = (req: PayloadRequest): string => clientAddressOf(req.headers)

/** `clientAddress` of a request's headers (a server action reads them through `next/headers`). */
export const clientAddressOf = (headers: Pick<Headers, 'get'>): string =>
  headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown'
