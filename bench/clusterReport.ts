import type { PostLoad } from './postLoad'

export type ClusterFigure = {
  request: string
  /** How the load reached the API hosts, e.g. `nginx → 2 API hosts`. */
  route: string
  /** The median round (by req/s), and every round; none when a round failed. */
  median?: PostLoad
  rounds?: PostLoad[]
  /** req/s against the same request sent straight to one API host (when both were measured). */
  vsDirect?: number
  /** Why the figure is missing: an unexpected status or a socket error in some round. */
  failure?: string
}

const pad = (text: string, width: number) => text.padEnd(width)
const padLeft = (text: string, width: number) => text.padStart(width)

export const formatClusterTable = (figures: ClusterFigure[]): string => {
  const header = `${pad('request', 32)}${pad('route', 22)}${padLeft('req/s', 9)}${padLeft('p50 ms', 9)}${padLeft('p99 ms', 9)}${padLeft('vs direct', 11)}`
  const lines = [header, '-'.repeat(header.length)]
  figures.forEach((figure, index) => {
    const title = index > 0 && figures[index - 1].request === figure.request ? '' : figure.request
    const { median, vsDirect, failure } = figure
    lines.push(
      median
        ? `${pad(title, 32)}${pad(figure.route, 22)}${padLeft(String(median.requestsPerSecond), 9)}${padLeft(String(median.p50), 9)}${padLeft(String(median.p99), 9)}${padLeft(vsDirect === undefined ? '–' : `${vsDirect.toFixed(2)}×`, 11)}`
        : `${pad(title, 32)}${pad(figure.route, 22)}FAILED: ${failure}`,
    )
  })
  return lines.join('\n')
}
