import type { AdminViewServerProps } from 'payload'

import { AttentionList } from './AttentionList'
import { CountTiles } from './CountTiles'
import { DailyChart } from './DailyChart'
import { dailyActivity } from './dailyActivity'
import { licenseCounts } from './licenseCounts'
import { licensesNeedingAttention } from './licensesNeedingAttention'
import { OutboxPanel } from './OutboxPanel'
import { outboxSummary } from './outboxSummary'
import { ReleasesPanel } from './ReleasesPanel'
import { releaseSummary } from './releaseSummary'
import { SearchForm } from '../search/SearchForm'
import { staffReaderFor } from './staffReader'
import './dashboard.css'

/**
 * The back office's first page (Payload's dashboard view): what needs attention, the counts that
 * matter, each opening its filtered list, and a search box. Everything is read as the signed-in
 * staff member, so a role sees only what it may read; the collections stay in the nav.
 */
export const Dashboard = async ({ initPageResult }: AdminViewServerProps) => {
  const { req } = initPageResult
  const { payload, user } = req
  if (!user) return null
  const adminRoute = payload.config.routes.admin
  const reader = await staffReaderFor(payload, user)
  const now = new Date()
  const [counts, attention, releases, outbox, activity] = await Promise.all([
    licenseCounts(reader, now),
    licensesNeedingAttention(reader, 8, now),
    releaseSummary(reader),
    outboxSummary(reader),
    dailyActivity(reader, 30, now),
  ])
  return (
    <div className="hub-dashboard gutter--left gutter--right">
      <h1>Back office</h1>
      <SearchForm adminRoute={adminRoute} />
      {attention && (
        <section aria-labelledby="hub-attention">
          <h2 id="hub-attention">Needs attention first</h2>
          <AttentionList adminRoute={adminRoute} licenses={attention} />
        </section>
      )}
      {counts.length > 0 && (
        <section aria-labelledby="hub-licenses">
          <h2 id="hub-licenses">Licenses</h2>
          <CountTiles adminRoute={adminRoute} counts={counts} />
        </section>
      )}
      {activity.length > 0 && (
        <section aria-labelledby="hub-activity">
          <h2 id="hub-activity">Last 30 days</h2>
          <div className="hub-dashboard__charts">
            {activity.map((series) => (
              <DailyChart key={series.label} series={series} />
            ))}
          </div>
        </section>
      )}
      {releases && (
        <section aria-labelledby="hub-releases">
          <h2 id="hub-releases">Releases</h2>
          <ReleasesPanel adminRoute={adminRoute} summary={releases} />
        </section>
      )}
      {outbox && (
        <section aria-labelledby="hub-outbox">
          <h2 id="hub-outbox">Outbox</h2>
          <OutboxPanel adminRoute={adminRoute} summary={outbox} />
        </section>
      )}
    </div>
  )
}
