import { addDays } from './time'

export type DailyUsage = Array<{ day: string; quantity: number }>

const utcDay = (value: Date | string): string => new Date(value).toISOString().slice(0, 10)

/** The first instant counted by `dailyUsage` for the same `now` and `days`. */
export const firstUsageDay = (now: Date, days: number): Date =>
  new Date(`${utcDay(addDays(now, -(days - 1)))}T00:00:00.000Z`)

/** Quantities summed per UTC day over the last `days` days, oldest first (0 for a quiet day). */
export const dailyUsage = (
  uses: Array<{ occurredAt: string; quantity: number }>,
  now: Date,
  days = 30,
): DailyUsage => {
  const first = firstUsageDay(now, days)
  const byDay = new Map<string, number>()
  for (let index = 0; index < days; index++) byDay.set(utcDay(addDays(first, index)), 0)
  for (const use of uses) {
    const day = utcDay(use.occurredAt)
    if (byDay.has(day)) byDay.set(day, (byDay.get(day) ?? 0) + Number(use.quantity))
  }
  return [...byDay].map(([day, quantity]) => ({ day, quantity }))
}
