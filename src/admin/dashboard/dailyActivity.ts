import { addDays } from '../../lib/time'
import type { StaffReader } from './staffReader'

export type DailySeries = {
  label: string
  /** One entry per UTC day, oldest first, the last one today. */
  days: Array<{ day: string; count: number }>
}

const utcDay = (date: Date | string): string => new Date(date).toISOString().slice(0, 10)

/** Counts the dates per UTC day over the `days` days up to `now`. */
export const countPerDay = (dates: string[], days: number, now: Date): DailySeries['days'] => {
  const counts = new Map<string, number>()
  for (let back = days - 1; back >= 0; back--) counts.set(utcDay(addDays(now, -back)), 0)
  for (const date of dates) {
    const day = utcDay(date)
    if (counts.has(day)) counts.set(day, (counts.get(day) ?? 0) + 1)
  }
  return [...counts].map(([day, count]) => ({ day, count }))
}

/**
 * Per day over the last `days` days: installations activated (each activation's `activatedAt`)
 * and validations answered (the `validation-days` counts). A series the role may not read is left
 * out.
 */
export const dailyActivity = async (
  reader: StaffReader,
  days = 30,
  now = new Date(),
): Promise<DailySeries[]> => {
  const { payload, user } = reader
  const since = addDays(now, -days).toISOString()
  const series: DailySeries[] = []
  if (reader.canRead('activations')) {
    const { docs } = await payload.find({
      collection: 'activations',
      where: { activatedAt: { greater_than: since } },
      select: { activatedAt: true },
      pagination: false,
      depth: 0,
      overrideAccess: false,
      user,
    })
    series.push({
      label: 'Activations',
      days: countPerDay(
        docs.map((activation) => activation.activatedAt),
        days,
        now,
      ),
    })
  }
  if (reader.canRead('validation-days')) {
    const { docs } = await payload.find({
      collection: 'validation-days',
      where: { day: { greater_than_equal: utcDay(addDays(now, 1 - days)) } },
      select: { day: true, count: true },
      pagination: false,
      depth: 0,
      overrideAccess: false,
      user,
    })
    const counts = new Map(docs.map((row) => [row.day, row.count]))
    series.push({
      label: 'Validations',
      days: countPerDay([], days, now).map(({ day }) => ({ day, count: counts.get(day) ?? 0 })),
    })
  }
  return series
}
