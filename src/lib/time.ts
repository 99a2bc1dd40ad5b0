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

const monthNames = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
]

const twoDigits = (value: number): string => String(value).padStart(2, '0')

/**
 * The one way a day is written, in UTC: `3 Dec 2026`. The admin's own date cells use the same
 * pattern (`dayPattern`, date-fns).
 */
export function formatDay(date: Date | string): string {
  const day = toDate(date)
  return `${day.getUTCDate()} ${monthNames[day.getUTCMonth()]} ${day.getUTCFullYear()}`
}

/** The one way an instant is written: `3 Dec 2026, 14:05 UTC`. */
export function formatTime(date: Date | string): string {
  const instant = toDate(date)
  return `${formatDay(instant)}, ${twoDigits(instant.getUTCHours())}:${twoDigits(instant.getUTCMinutes())} UTC`
}

/** `formatDay` as a date-fns pattern, for Payload's `admin.dateFormat` and date fields. */
export const dayPattern = 'd MMM yyyy'

/**
 * `formatTime` as a date-fns pattern. Payload draws its date cells in the browser, in the
 * browser's time zone, so the pattern names the offset (`GMT+0` in UTC) rather than claim UTC.
 */
export const timePattern = 'd MMM yyyy, HH:mm O'

/** The UTC calendar day of an instant, as a day number (days since 1970-01-01). */
function utcDayNumber(date: Date): number {
  return Math.floor(date.getTime() / millisecondsPerDay)
}

const days = (count: number): string => (count === 1 ? '1 day' : `${count} days`)

/**
 * How long a license has left, as staff read it: `12 days`, `expires today`, `expired 12 days ago`
 * (`expired today`), or `never expires` without an expiry. Days are UTC calendar days.
 */
export function describeTimeLeft(
  expiresAt: Date | string | null | undefined,
  now: Date = new Date(),
): string {
  if (expiresAt === null || expiresAt === undefined) return 'never expires'
  const expiry = toDate(expiresAt)
  const calendarDays = utcDayNumber(expiry) - utcDayNumber(now)
  if (expiry.getTime() <= now.getTime())
    return calendarDays === 0 ? 'expired today' : `expired ${days(-calendarDays)} ago`
  return calendarDays === 0 ? 'expires today' : days(calendarDays)
}
