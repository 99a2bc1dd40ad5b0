import type { LicenseEvent } from '../../../../../../payload-types'
import { formatTime } from '../../../../../lib/time'
import styles from './licensePage.module.css'

/** What happened to the license, newest first, as customers may read it (no staff notes). */
export const LicenseHistory = ({ history }: { history: LicenseEvent[] }) => (
  <section className="panel" aria-labelledby="history-heading">
    <h2 id="history-heading">History</h2>
    {history.length === 0 ? (
      <p className="empty">Nothing has happened to this license yet.</p>
    ) : (
      <ol className={styles.history}>
        {history.map((event) => (
          <li key={event.id} data-event-type={event.type}>
            <time dateTime={event.createdAt}>{formatTime(event.createdAt)}</time>
            <div>
              <div>{event.summary ?? event.type}</div>
              <div className={styles.historyWho}>by {event.actorName ?? 'ProMonitor'}</div>
            </div>
          </li>
        ))}
      </ol>
    )}
  </section>
)
