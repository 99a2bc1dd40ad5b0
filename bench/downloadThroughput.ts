import { createHash, type Hash } from 'node:crypto'
import { get, type IncomingMessage } from 'node:http'

export type DownloadTiming = { megabytesPerSecond: number; seconds: number }
export type DownloadResult = { runs: DownloadTiming[]; medianMegabytesPerSecond: number }

const fetchHead = (url: string, headers: Record<string, string>): Promise<IncomingMessage> =>
  new Promise((resolve, reject) => get(url, { headers, agent: false }, resolve).on('error', reject))

/**
 * One download, timed from the first request to the last byte: with `authorization`, the client
 * flow (`GET /downloads/:id` → 302 → the signed file link), else a plain GET. Reads as fast as the
 * socket delivers, counting bytes (and hashing them when `hash` is given).
 */
export const downloadOnce = async (
  url: string,
  { authorization, hash }: { authorization?: string; hash?: Hash } = {},
) => {
  const started = process.hrtime.bigint()
  let response = await fetchHead(url, authorization ? { authorization } : {})
  if (authorization) {
    if (response.statusCode !== 302 || !response.headers.location) {
      const body = await new Promise<string>((resolve) => {
        let text = ''
        response.on('data', (chunk: Buffer) => (text += chunk.toString()))
        response.on('end', () => resolve(text.slice(0, 300)))
      })
      throw new Error(
        `GET ${url} with a license: expected 302 to the file link, got ${response.statusCode} ${body}`,
      )
    }
    response.resume()
    response = await fetchHead(new URL(response.headers.location, url).toString(), {})
  }
  if (response.statusCode !== 200) throw new Error(`Download ${url}: status ${response.statusCode}`)
  let bytes = 0
  await new Promise<void>((resolve, reject) => {
    response.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      hash?.update(chunk)
    })
    response.on('end', resolve)
    response.on('error', reject)
  })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  return { bytes, seconds, contentLength: Number(response.headers['content-length']) }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * Downloads through both sources in turn (A, B, A, B… so drift hits both alike) after one
 * untimed warm-up each; the API host's warm-up download is checked against `sha256`.
 */
export const compareDownloads = async ({
  apiHost,
  plain,
  expected,
  count,
}: {
  apiHost: { url: string; authorization: string }
  plain: { url: string }
  expected: { sha256: string; size: number }
  count: number
}): Promise<{ apiHost: DownloadResult; plain: DownloadResult }> => {
  const hash = createHash('sha256')
  const checked = await downloadOnce(apiHost.url, { authorization: apiHost.authorization, hash })
  const digest = hash.digest('hex')
  if (checked.bytes !== expected.size || digest !== expected.sha256) {
    throw new Error(
      `Download through the API host is wrong: ${checked.bytes} bytes, sha256 ${digest} (expected ${expected.size}, ${expected.sha256})`,
    )
  }
  await downloadOnce(plain.url)

  const timings = { apiHost: [] as DownloadTiming[], plain: [] as DownloadTiming[] }
  for (let run = 0; run < count; run += 1) {
    for (const which of ['apiHost', 'plain'] as const) {
      const { bytes, seconds } =
        which === 'apiHost'
          ? await downloadOnce(apiHost.url, { authorization: apiHost.authorization })
          : await downloadOnce(plain.url)
      if (bytes !== expected.size)
        throw new Error(`${which} download was ${bytes} bytes, expected ${expected.size}`)
      timings[which].push({ seconds, megabytesPerSecond: bytes / 1e6 / seconds })
    }
  }
  const summarize = (runs: DownloadTiming[]): DownloadResult => ({
    runs,
    medianMegabytesPerSecond: median(runs.map((run) => run.megabytesPerSecond)),
  })
  return { apiHost: summarize(timings.apiHost), plain: summarize(timings.plain) }
}
