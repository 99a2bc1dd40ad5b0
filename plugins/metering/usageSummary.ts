import type { Payload } from 'payload'

import { addDays } from '../../src/lib/time'
import { and, drizzleFor, eq, gte, tableOf } from '../../src/database/database'

export type UsageSummary = {
  credits: number
  /** Credits used per UTC day, the last `days` days, oldest first (days without use are 0). */
  perDay: Array<{ day: string; quantity: number }>
  usedInPeriod: number
  latest: Array<{
    id: number | string
    occurredAt: string
    quantity: number
    remainingAfter: number
    idempotencyKey: string
  }>
}

const utcDay = (value: unknown): string => new Date(value as string).toISOString().slice(0, 10)

/** What the license edit view (and later the portal) shows of an on-usage license's usage. */
export const usageSummary = async (
  payload: Payload,
  licenseId: number | string,
  { now = new Date(), days = 30, latest = 10 } = {},
): Promise<UsageSummary> => {
  const firstDay = new Date(`${utcDay(addDays(now, -(days - 1)))}T00:00:00.000Z`)
  const records = tableOf(payload, 'usage-records')
  const database = await drizzleFor(payload)
  const [license, rows, recent] = await Promise.all([
    payload.findByID({
      collection: 'licenses',
      id: licenseId,
      depth: 0,
      select: { credits: true },
      disableErrors: true,
    }),
    database
      .select({ occurredAt: records.occurredAt, quantity: records.quantity })
      .from(records)
      .where(and(eq(records.license, licenseId), gte(records.occurredAt, firstDay.toISOString()))),
    payload.find({
      collection: 'usage-records',
      where: { license: { equals: licenseId } },
      sort: '-occurredAt',
      limit: latest,
      depth: 0,
    }),
  ])
  const byDay = new Map<string, number>()
  for (let index = 0; index < days; index++) byDay.set(utcDay(addDays(firstDay, index)), 0)
  for (const row of rows as Array<{ occurredAt: unknown; quantity: unknown }>) {
    const day = utcDay(row.occurredAt)
    if (byDay.has(day)) byDay.set(day, (byDay.get(day) ?? 0) + Number(row.quantity))
  }
  const perDay = [...byDay].map(([day, quantity]) => ({ day, quantity }))
  return {
    credits: Number(license?.credits ?? 0),
    perDay,
    usedInPeriod: perDay.reduce((sum, day) => sum + day.quantity, 0),
    latest: recent.docs.map((record) => ({
      id: record.id,
      occurredAt: record.occurredAt,
      quantity: record.quantity,
      remainingAfter: record.remainingAfter,
      idempotencyKey: record.idempotencyKey,
    })),
  }
}
