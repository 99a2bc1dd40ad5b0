import type { DashboardCount } from './dashboardCount'
import { selectValuesOf } from './selectOptions'
import type { StaffReader } from './staffReader'

export type PublishedRelease = {
  id: number
  title: string
  version: string
  channel: string
  releasedAt: string | null
}

export type ReleaseSummary = { byStatus: DashboardCount[]; lastPublished: PublishedRelease[] }

/** Releases per status and the last five published; null when the role may not read releases. */
export const releaseSummary = async (reader: StaffReader): Promise<ReleaseSummary | null> => {
  if (!reader.canRead('releases')) return null
  const { payload, user } = reader
  const byStatus = await Promise.all(
    selectValuesOf(payload, 'releases', 'status').map(async (status) => {
      const where = { status: { equals: status } }
      const { totalDocs } = await payload.count({
        collection: 'releases',
        where,
        overrideAccess: false,
        user,
      })
      return { label: status, collection: 'releases' as const, where, count: totalDocs }
    }),
  )
  const { docs } = await payload.find({
    collection: 'releases',
    where: { status: { equals: 'published' } },
    sort: ['-releasedAt', '-createdAt'],
    limit: 5,
    depth: 0,
    select: { title: true, version: true, channel: true, releasedAt: true },
    overrideAccess: false,
    user,
  })
  const lastPublished = docs.map(({ id, title, version, channel, releasedAt }) => ({
    id,
    title: title || version,
    version,
    channel,
    releasedAt: releasedAt ?? null,
  }))
  return { byStatus, lastPublished }
}
