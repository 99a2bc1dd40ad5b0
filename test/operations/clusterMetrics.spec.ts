import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { startMainProcess, type RunningHost } from '../helpers/startMainProcess'

// `npm run start:api` with two workers: whichever worker a scrape reaches answers with every
// worker's metrics added up (prom-client's AggregatorRegistry in the primary).

const token = 'cluster-metrics-token-0123456789'
let booted: TestPayload
let host: RunningHost | undefined

beforeAll(async () => {
  booted = await bootPayload()
  host = await startMainProcess(booted, { API_HOST_WORKERS: '2', METRICS_TOKEN: token })
})

afterAll(async () => {
  await host?.stop()
  await booted?.shutdown()
})

const healthCount = (text: string): number => {
  const series = 'hub_http_requests_total{route="/v1/health",method="GET",status="200"} '
  const line = text.split('\n').find((candidate) => candidate.startsWith(series))
  return line ? Number(line.slice(series.length)) : 0
}

describe('metrics across API host workers', () => {
  it('adds up the requests every worker answered, whichever worker the scrape reaches', async () => {
    const requests = 40
    // A new connection per request: the primary hands connections to the workers in turn.
    for (let sent = 0; sent < requests; sent += 1) {
      const answer = await fetch(`${host!.url}/api/v1/health`, {
        headers: { connection: 'close' },
      })
      expect(answer.status).toBe(200)
    }
    for (let scrape = 0; scrape < 4; scrape += 1) {
      const answer = await fetch(`${host!.url}/metrics`, {
        headers: { authorization: `Bearer ${token}`, connection: 'close' },
      })
      expect(answer.status).toBe(200)
      const text = await answer.text()
      expect(healthCount(text)).toBe(requests)
      // Process metrics of both workers are there too, added up.
      expect(text).toContain('process_cpu_user_seconds_total')
    }
    expect(host!.output()).not.toContain(token)
  })

  it('refuses a wrong token on every worker', async () => {
    for (let scrape = 0; scrape < 4; scrape += 1) {
      const answer = await fetch(`${host!.url}/metrics`, {
        headers: { authorization: 'Bearer nope', connection: 'close' },
      })
      expect(answer.status).toBe(401)
    }
  })
})
