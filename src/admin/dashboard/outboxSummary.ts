import type { DashboardCount } from './dashboardCount'
import type { StaffReader } from './staffReader'

export type OutboxSummary = {
  pending: DashboardCount
  failed: DashboardCount
  lastError: { id: number; to: string; subject: string; error: string; at: string } | null
}

/**
 * Mail waiting to go (queued or being sent) and mail that failed, with the latest failure's
 * error; null when the role may not read the outbox.
 */
export const outboxSummary = async (reader: StaffReader): Promise<OutboxSummary | null> => {
  if (!reader.canRead('outbox')) return null
  const { payload, user } = reader
  const countOf = async (label: string, statuses: string[]): Promise<DashboardCount> => {
    const where = { status: { in: statuses } }
    const { totalDocs } = await payload.count({
      collection: 'outbox',
      where,
      overrideAccess: false,
      user,
    })
    return { label, collection: 'outbox', where, count: totalDocs }
  }
  const [pending, failed, latestFailures] = await Promise.all([
    countOf('Mail pending', ['queued', 'sending']),
    countOf('Mail failed', ['failed']),
    payload.find({
      collection: 'outbox',
      where: { status: { equals: 'failed' } },
      sort: '-updatedAt',
      limit: 1,
      depth: 0,
      select: { to: true, subject: true, lastError: true, updatedAt: true },
      overrideAccess: false,
      user,
    }),
  ])
  const latest = latestFailures.docs[0]
  return {
    pending,
    failed,
    lastError: latest
      ? {
          id: latest.id,
          to: latest.to,
          subject: latest.subject,
          error: latest.lastError ?? '',
          at: latest.updatedAt,
        }
      : null,
  }
}
