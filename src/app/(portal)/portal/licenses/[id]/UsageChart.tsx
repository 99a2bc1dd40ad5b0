import type { DailyUsage } from '../../../../../lib/dailyUsage'
import { formatDay } from '../../../../../lib/time'
import styles from './licensePage.module.css'

/** Credits used per day over the last 30 days: bars for the eye, the same numbers in a table. */
export const UsageChart = ({ usage, credits }: { usage: DailyUsage; credits: number }) => {
  const total = usage.reduce((sum, day) => sum + day.quantity, 0)
  const highest = Math.max(1, ...usage.map((day) => day.quantity))
  const usedDays = usage.filter((day) => day.quantity > 0)
  return (
    <section className="panel" aria-labelledby="usage-heading">
      <h2 id="usage-heading">Usage, last 30 days</h2>
      <p>
        <strong data-testid="usage-total">{total}</strong> credits used · <strong>{credits}</strong>{' '}
        left
      </p>
      <ul className={styles.bars} aria-hidden="true">
        {usage.map((day) => (
          <li
            key={day.day}
            className={styles.bar}
            style={{ height: `${(day.quantity / highest) * 100}%` }}
            title={`${formatDay(day.day)}: ${day.quantity}`}
          />
        ))}
      </ul>
      <div className={styles.barsAxis} aria-hidden="true">
        <span>{formatDay(usage[0].day)}</span>
        <span>{formatDay(usage[usage.length - 1].day)}</span>
      </div>
      {usedDays.length === 0 ? (
        <p className="empty">No credits were used in the last 30 days.</p>
      ) : (
        <details>
          <summary>Credits used per day</summary>
          <div className="table-scroll">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Credits used</th>
                </tr>
              </thead>
              <tbody>
                {usedDays.map((day) => (
                  <tr key={day.day}>
                    <td>{formatDay(day.day)}</td>
                    <td>{day.quantity}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  )
}
