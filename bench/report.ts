import type { DownloadResult } from './downloadThroughput'
import type { LoadResult } from './loadTest'
import type { Scenario, ServerName } from './scenarios'

export type ScenarioOutcome = {
  scenario: Scenario
  /** Licenses in the catalogue while it was measured. */
  licenses: number
  unavailable?: string
  /** The median round of each server (see `medianRound`). */
  results: Partial<Record<ServerName, LoadResult>>
  rounds: Partial<Record<ServerName, LoadResult[]>>
  failures: Partial<Record<ServerName, string>>
}

export type DownloadOutcome = {
  megabytes: number
  apiHost?: DownloadResult
  plain?: DownloadResult
  failure?: string
}

export type Target = { name: string; goal: string; actual: string; met: boolean }

/** How a server is named in the table; `workers` is the API_HOST_WORKERS of the second API host. */
const labelOf = (server: ServerName, workers: number): string =>
  ({
    apiHost: 'API host',
    apiHostWorkers: `API host ×${workers}`,
    nextStart: 'next start',
    bare: 'bare node:http',
  })[server]

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`
const pad = (text: string, width: number) => text.padEnd(width)
const padLeft = (text: string, width: number) => text.padStart(width)

const count = (licenses: number) =>
  licenses >= 1_000_000 && licenses % 1_000_000 === 0
    ? `${licenses / 1_000_000}M`
    : licenses >= 1_000 && licenses % 1_000 === 0
      ? `${licenses / 1_000}k`
      : String(licenses)

/**
 * The issues' targets, checked against what was measured (a target whose figures are missing is
 * not met): on the largest catalogue, for the single-process API host and again for the one with
 * workers when it ran, and the largest catalogue against the smallest.
 */
export const checkTargets = (
  scenarios: ScenarioOutcome[],
  download: DownloadOutcome,
  workers: number,
  catalogues: number[],
): Target[] => {
  const targets: Target[] = []
  const smallest = catalogues[0]
  const largest = catalogues[catalogues.length - 1]
  const of = (id: Scenario['id'], licenses = largest) =>
    scenarios.find((outcome) => outcome.scenario.id === id && outcome.licenses === licenses)
      ?.results ?? {}
  const validate = of('validate')
  const manifest = of('manifest')
  const conditional = of('manifest304')
  const ratio = (a?: LoadResult, b?: LoadResult) =>
    a && b ? a.requestsPerSecond / b.requestsPerSecond : undefined
  // The same comparison by the work each answer cost: b's CPU per request over a's.
  const cpuRatio = (a?: LoadResult, b?: LoadResult) =>
    a?.cpuMicrosecondsPerRequest && b?.cpuMicrosecondsPerRequest
      ? b.cpuMicrosecondsPerRequest / a.cpuMicrosecondsPerRequest
      : undefined
  const add = (
    name: string,
    goal: string,
    value: number | undefined,
    shown: (value: number) => string,
    met: (value: number) => boolean,
  ) =>
    targets.push({
      name,
      goal,
      actual: value === undefined ? 'not measured' : shown(value),
      met: value !== undefined && met(value),
    })

  const hosts: ServerName[] =
    validate.apiHostWorkers || manifest.apiHostWorkers ? ['apiHost', 'apiHostWorkers'] : ['apiHost']
  const at = ` (${count(largest)})`
  const byCpu = ' by CPU/request'
  for (const host of hosts) {
    const label = labelOf(host, workers)
    add(
      `validate: ${label} vs bare${at}`,
      '≥ 25 %',
      ratio(validate[host], validate.bare),
      percent,
      (value) => value >= 0.25,
    )
    add(
      `validate: ${label} vs bare${at}${byCpu}`,
      '≥ 25 %',
      cpuRatio(validate[host], validate.bare),
      percent,
      (value) => value >= 0.25,
    )
    add(
      `validate: ${label} p99${at}`,
      '< 50 ms',
      validate[host]?.latencyMs.p99,
      (value) => `${value} ms`,
      (value) => value < 50,
    )
    add(
      `manifest: ${label} vs bare${at}`,
      '≥ 70 %',
      ratio(manifest[host], manifest.bare),
      percent,
      (value) => value >= 0.7,
    )
    add(
      `manifest: ${label} vs bare${at}${byCpu}`,
      '≥ 70 %',
      cpuRatio(manifest[host], manifest.bare),
      percent,
      (value) => value >= 0.7,
    )
    add(
      `manifest: 304 vs 200 on the ${label}${at}${byCpu}`,
      '≥ 1×',
      cpuRatio(conditional[host], manifest[host]),
      (value) => `${value.toFixed(2)}×`,
      (value) => value >= 1,
    )
    add(
      `manifest: 304 vs 200 on the ${label}${at}`,
      '≥ 1×',
      ratio(conditional[host], manifest[host]),
      (value) => `${value.toFixed(2)}×`,
      (value) => value >= 1,
    )
    if (largest !== smallest)
      for (const id of ['validate', 'manifest'] as const)
        add(
          `${id}: ${label}, ${count(largest)} vs ${count(smallest)} licenses`,
          '≥ 90 %',
          ratio(of(id)[host], of(id, smallest)[host]),
          percent,
          (value) => value >= 0.9,
        )
    if (largest !== smallest)
      for (const id of ['validate', 'manifest'] as const)
        add(
          `${id}: ${label}, ${count(largest)} vs ${count(smallest)} licenses${byCpu}`,
          '≥ 90 %',
          cpuRatio(of(id)[host], of(id, smallest)[host]),
          percent,
          (value) => value >= 0.9,
        )
  }
  add(
    `validate: API host vs next start (${count(smallest)})`,
    '≥ 5×',
    ratio(of('validate', smallest).apiHost, of('validate', smallest).nextStart),
    (value) => `${value.toFixed(1)}×`,
    (value) => value >= 5,
  )
  add(
    `download ${download.megabytes} MB: API host vs fs pipe`,
    '≥ 70 %',
    download.apiHost && download.plain
      ? download.apiHost.medianMegabytesPerSecond / download.plain.medianMegabytesPerSecond
      : undefined,
    percent,
    (value) => value >= 0.7,
  )
  return targets
}

export const formatTable = (
  scenarios: ScenarioOutcome[],
  download: DownloadOutcome,
  targets: Target[],
  workers: number,
): string => {
  const lines: string[] = []
  const header = `${pad('scenario', 42)}${pad('server', 16)}${padLeft('req/s', 9)}${padLeft('p50 ms', 9)}${padLeft('p99 ms', 9)}${padLeft('vs bare', 10)}${padLeft('API/next', 10)}${padLeft('CPU µs/req', 12)}`
  lines.push(header, '-'.repeat(header.length))
  for (const outcome of scenarios) {
    if (outcome.unavailable) {
      lines.push(
        `${pad(`${outcome.scenario.title} · ${count(outcome.licenses)}`, 42)}FAILED: ${outcome.unavailable}`,
      )
      continue
    }
    const bare = outcome.results.bare
    const next = outcome.results.nextStart
    const shown = outcome.scenario.servers.filter(
      (server) => outcome.results[server] || outcome.failures[server],
    )
    shown.forEach((server, index) => {
      const title =
        index === 0
          ? `${outcome.scenario.title.replace(/^(GET|POST) \/api\/v1/, '')} ${count(outcome.licenses)}`
          : ''
      const result = outcome.results[server]
      if (!result) {
        lines.push(
          `${pad(title, 42)}${pad(labelOf(server, workers), 16)}FAILED: ${outcome.failures[server] ?? 'not run'}`,
        )
        return
      }
      const vsBare = bare ? percent(result.requestsPerSecond / bare.requestsPerSecond) : '–'
      const vsNext =
        (server === 'apiHost' || server === 'apiHostWorkers') && next
          ? `${(result.requestsPerSecond / next.requestsPerSecond).toFixed(1)}×`
          : ''
      lines.push(
        `${pad(title, 42)}${pad(labelOf(server, workers), 16)}${padLeft(String(result.requestsPerSecond), 9)}${padLeft(String(result.latencyMs.p50), 9)}${padLeft(String(result.latencyMs.p99), 9)}${padLeft(vsBare, 10)}${padLeft(vsNext, 10)}${padLeft(String(result.cpuMicrosecondsPerRequest ?? '–'), 12)}`,
      )
    })
  }
  lines.push('')
  const downloadTitle = `download ${download.megabytes} MB (median)`
  if (download.failure) lines.push(`${pad(downloadTitle, 42)}FAILED: ${download.failure}`)
  else if (download.apiHost && download.plain) {
    const share =
      download.apiHost.medianMegabytesPerSecond / download.plain.medianMegabytesPerSecond
    lines.push(
      `${pad(downloadTitle, 42)}${pad('API host', 16)}${padLeft(download.apiHost.medianMegabytesPerSecond.toFixed(0), 9)} MB/s  ${percent(share)} of the fs pipe`,
    )
    lines.push(
      `${pad('', 42)}${pad('fs pipe', 16)}${padLeft(download.plain.medianMegabytesPerSecond.toFixed(0), 9)} MB/s`,
    )
  }
  lines.push('', 'Targets')
  for (const target of targets)
    lines.push(
      `  ${target.met ? 'met   ' : 'MISSED'}  ${pad(target.name, 64)}${pad(target.goal, 10)}${target.actual}`,
    )
  return lines.join('\n')
}
