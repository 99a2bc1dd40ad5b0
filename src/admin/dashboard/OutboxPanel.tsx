import { CountTiles } from './CountTiles'
import { editUrl } from './listUrl'
import type { OutboxSummary } from './outboxSummary'

/** Mail pending and failed, and the latest failure's error. */
export const OutboxPanel = ({
  adminRoute,
  summary,
}: {
  adminRoute: string
  summary: OutboxSummary
}) => (
  <>
    <CountTiles adminRoute={adminRoute} counts={[summary.pending, summary.failed]} />
    {summary.lastError && (
      <p className="hub-dashboard__error">
        Last failure ({summary.lastError.at.slice(0, 16).replace('T', ' ')} UTC):{' '}
        <a href={editUrl(adminRoute, 'outbox', summary.lastError.id)}>
          {summary.lastError.subject}
        </a>{' '}
        to {summary.lastError.to}: <code>{summary.lastError.error || 'no error recorded'}</code>
      </p>
    )}
  </>
)
