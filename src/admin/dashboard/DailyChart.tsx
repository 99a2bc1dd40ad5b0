import type { DailySeries } from './dailyActivity'

const width = 300
const height = 60

/** One small bar chart per series, a bar a day (SVG, no script). */
export const DailyChart = ({ series }: { series: DailySeries }) => {
  const highest = Math.max(1, ...series.days.map((day) => day.count))
  const total = series.days.reduce((sum, day) => sum + day.count, 0)
  const barWidth = width / Math.max(1, series.days.length)
  return (
    <figure className="hub-dashboard__chart">
      <figcaption>
        {series.label}: {total} in {series.days.length} days
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        height={height}
        preserveAspectRatio="none"
        role="img"
        aria-label={`${series.label} per day`}
      >
        {series.days.map((day, index) => {
          const barHeight = day.count === 0 ? 1 : Math.max(2, (day.count / highest) * height)
          return (
            <rect
              key={day.day}
              x={index * barWidth + 1}
              y={height - barHeight}
              width={Math.max(1, barWidth - 2)}
              height={barHeight}
              fill={day.count > 0 ? 'var(--theme-success-500)' : 'var(--theme-elevation-150)'}
            >
              <title>{`${day.day}: ${day.count}`}</title>
            </rect>
          )
        })}
      </svg>
    </figure>
  )
}
