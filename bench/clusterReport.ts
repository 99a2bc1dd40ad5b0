import type { PostLoad } from './postLoad'

export type ClusterFigure = {
  request: string
  /** How the load reached the API hosts, e.g. `nginx → 2 API hosts`. */
  route: string
  /** The median round (by req/s), and every round. */
  median: PostLoad
  rounds: PostLoad[]
  /** req/s against the same request sent straight to one API host. */
  vsDirect: number
}

const pad = (text: string, width: number) => text.padEnd(width)
const padLeft = (text: string, width: number) => text.padStart(width)

export const formatClusterTable = (figures: ClusterFigure[]): string => {
  const header = `${pad('request', 32)}${pad('route', 22)}${padLeft('req/s', 9)}${padLeft('p50 ms', 9)}${padLeft('p99 ms', 9)}${padLeft('vs direct', 11)}`
  const lines = [header, '-'.repeat(header.length)]
  figures.forEach((figure, index) => {
    const title = index > 0 && figures[index - 1].request === figure.request ? '' : figure.request
    lines.push(
      `${pad(title, 32)}${pad(figure.route, 22)}${padLeft(String(figure.median.requestsPerSecond), 9)}${padLeft(String(figure.median.p50), 9)}${padLeft(String(figure.median.p99), 9)}${padLeft(`${figure.vsDirect.toFixed(2)}×`, 11)}`,
    )
  })
  return lines.join('\n')
}
