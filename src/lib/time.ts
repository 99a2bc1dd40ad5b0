const millisecondsPerDay = 24 * 60 * 60 * 1000

function toDate(value: Date | string): Date {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(value)}`)
  return date
}

/**
 * Whole days remaining, rounded up (a license ending in 3 hours has 1 day left); 0 once past; null
 * when it never expires.
 */
export function daysLeft(
  expiresAt: Date | string | null | undefined,
  now: Date = new Date(),
): number | null {
  if (expiresAt === null || expiresAt === undefined) return null
  const remaining = toDate(expiresAt).getTime() - now.getTime()
  return remaining <= 0 ? 0 : Math.ceil(remaining / millisecondsPerDay)
}

/** True from the expiry instant on; never true without an expiry. */
export function isExpired(
  expiresAt: Date | string | null | undefined,
  now: Date = new Date(),
): boolean {
  if (expiresAt === null || expiresAt === undefined) return false
  return toDate(expiresAt).getTime() <= now.getTime()
}

/** Adds days of 24 hours (UTC), so the result does not shift with the server's daylight saving. */
export function addDays(date: Date | string, days: number): Date {
  return new Date(toDate(date).getTime() + days * millisecondsPerDay)
}
