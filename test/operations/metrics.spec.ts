import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { createRateLimiter } from '../../plugins/clientApi'
import { deliverOutbox } from '../../plugins/mailers'
import { metricsRegistry } from '../../plugins/metrics'
import { scheduleTask, stopScheduledTasks } from '../../plugins/scheduler'
import { addDays } from '../../src/lib/time'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCustomer, createLicense, createProduct } from '../helpers/fixtures'
import { startApiHost, type TestApiHost } from '../helpers/startApiHost'

// `/metrics` on the API host: behind METRICS_TOKEN, and counting what operators watch.

const token = 'metrics-token-for-tests-0123456789'
let booted: TestPayload
let withMetrics: TestApiHost
let withoutMetrics: TestApiHost
let licenseKey: string

beforeAll(async () => {
  booted = await bootPayload()
  const { payload } = booted
  const product = await createProduct(payload, 'promonitor', {
    name: 'ProMonitor',
    lines: ['v7'],
    platforms: ['linux-x64'],
  })
  const license = await createLicense(payload, {
    customer: await createCustomer(payload, 'Acme Industrial'),
    product,
    type: 'perpetual',
    startsAt: addDays(new Date(), -1).toISOString(),
    expiresAt: null,
  })
  licenseKey = license.key as string
  withMetrics = await startApiHost(booted, {
    metrics: {
      token,
      collect: async () => ({
        contentType: metricsRegistry.contentType,
        text: await metricsRegistry.metrics(),
      }),
    },
  })
  withoutMetrics = await startApiHost(booted)
})

afterAll(async () => {
  await withMetrics?.close()
  await withoutMetrics?.close()
  await booted?.shutdown()
})

const scrape = (headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
  fetch(`${withMetrics.url}/metrics`, { headers })

/** The value of one sample line, e.g. `hub_signatures_total{kind="validation+jws"}`; 0 if absent. */
const sample = (text: string, series: string): number => {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `))
  return line ? Number(line.slice(series.length + 1)) : 0
}

const metricsText = async () => {
  const answer = await scrape()
  expect(answer.status).toBe(200)
  return answer.text()
}

describe('GET /metrics: who may read it', () => {
  it('is not served without METRICS_TOKEN: 404 NOT_FOUND like any other path', async () => {
    const answer = await fetch(`${withoutMetrics.url}/metrics`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(answer.status).toBe(404)
    expect((await answer.json()).code).toBe('NOT_FOUND')
  })

  it('answers 401 UNAUTHORIZED without the token, with another one, or another scheme', async () => {
    const refusedHeaders: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: `Bearer ${token}x` },
      { authorization: `Bearer ${token.slice(0, -1)}` },
      { authorization: `Basic ${Buffer.from(`prometheus:${token}`).toString('base64')}` },
      { authorization: token },
    ]
    for (const headers of refusedHeaders) {
      const answer = await scrape(headers)
      expect(answer.status, JSON.stringify(headers)).toBe(401)
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/)
      const body = await answer.json()
      expect(body.code).toBe('UNAUTHORIZED')
      expect(JSON.stringify(body)).not.toContain(token)
    }
  })

  it('never takes the token from the URL', async () => {
    const answer = await fetch(`${withMetrics.url}/metrics?token=${token}`)
    expect(answer.status).toBe(401)
  })

  it('refuses another method with 405', async () => {
    const answer = await fetch(`${withMetrics.url}/metrics`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(answer.status).toBe(405)
    expect((await answer.json()).code).toBe('METHOD_NOT_ALLOWED')
  })

  it('answers Prometheus text with the right token', async () => {
    const answer = await scrape()
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toContain('text/plain')
    expect(answer.headers.get('cache-control')).toBe('no-store')
    expect(await answer.text()).toContain('# TYPE hub_http_requests_total counter')
  })
})

describe('GET /metrics: what it counts', () => {
  it('counts requests by route and status, with latency histograms', async () => {
    const before = await metricsText()
    const validated =
      'hub_http_requests_total{route="/v1/licenses/validate",method="POST",status="200"}'
    const refused =
      'hub_http_requests_total{route="/v1/licenses/validate",method="POST",status="400"}'
    const unmatched = 'hub_http_requests_total{route="unmatched",method="GET",status="404"}'
    const timed =
      'hub_http_request_duration_seconds_count{route="/v1/licenses/validate",method="POST"}'
    for (const nonce of ['n1', 'n2', 'n3']) {
      const answer = await fetch(`${withMetrics.url}/api/v1/licenses/validate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key: licenseKey, nonce }),
      })
      expect(answer.status).toBe(200)
    }
    const bad = await fetch(`${withMetrics.url}/api/v1/licenses/validate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"key": 42}',
    })
    expect(bad.status).toBe(400)
    expect((await fetch(`${withMetrics.url}/api/v1/no/such/thing`)).status).toBe(404)

    const after = await metricsText()
    expect(sample(after, validated) - sample(before, validated)).toBe(3)
    expect(sample(after, refused) - sample(before, refused)).toBe(1)
    expect(sample(after, unmatched) - sample(before, unmatched)).toBe(1)
    expect(sample(after, timed) - sample(before, timed)).toBe(4)
    expect(after).toContain(
      'hub_http_request_duration_seconds_bucket{le="0.005",route="/v1/licenses/validate",method="POST"}',
    )
    // The raw URL of an unknown path is never a label.
    expect(after).not.toContain('/no/such/thing')
  })

  it('counts signatures by kind and manifest cache hits', async () => {
    const before = await metricsText()
    const manifest = `${withMetrics.url}/api/v1/updates/manifest?product=promonitor&line=v7&channel=stable&platform=linux-x64`
    expect((await fetch(manifest)).status).toBe(200)
    expect((await fetch(manifest)).status).toBe(200)
    const after = await metricsText()
    const hits = 'hub_manifest_cache_total{result="hit"}'
    const misses = 'hub_manifest_cache_total{result="miss"}'
    expect(sample(after, misses) - sample(before, misses)).toBe(1)
    expect(sample(after, hits) - sample(before, hits)).toBe(1)
    const manifests = 'hub_signatures_total{kind="manifest+jws"}'
    expect(sample(after, manifests) - sample(before, manifests)).toBe(1)
    expect(sample(after, 'hub_signatures_total{kind="validation+jws"}')).toBeGreaterThanOrEqual(3)
  })

  it('counts the outbox (depth and deliveries), job runs and their durations', async () => {
    const { payload } = booted
    await payload.create({
      collection: 'outbox',
      data: {
        to: 'alice@acme.example',
        subject: 'Hello',
        text: 'Hello',
        status: 'queued',
        idempotencyKey: 'metrics-test-1',
        nextAttemptAt: new Date(Date.now() - 1000).toISOString(),
      },
    })
    const queued = await metricsText()
    expect(sample(queued, 'hub_outbox_mails{status="queued"}')).toBe(1)

    // Two triggers firing every second, as the scheduler runs the outbox delivery: one works, one
    // fails.
    let failures = 0
    scheduleTask(payload, 'metrics-test-delivery', '* * * * * *', () => deliverOutbox(payload))
    scheduleTask(payload, 'metrics-test-failing', '* * * * * *', async () => {
      failures += 1
      throw new Error('on purpose')
    })
    const done = 'hub_job_runs_total{task="metrics-test-delivery",outcome="done"}'
    let after = await metricsText()
    for (let waited = 0; waited < 50 && (sample(after, done) < 1 || failures < 1); waited += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      after = await metricsText()
    }
    stopScheduledTasks(payload)
    after = await metricsText()

    expect(sample(after, 'hub_outbox_mails{status="queued"}')).toBe(0)
    expect(sample(after, 'hub_outbox_deliveries_total{outcome="sent"}')).toBe(1)
    expect(sample(after, done)).toBeGreaterThanOrEqual(1)
    expect(sample(after, 'hub_job_runs_total{task="metrics-test-failing",outcome="failed"}')).toBe(
      failures,
    )
    expect(
      sample(after, 'hub_job_duration_seconds_count{task="metrics-test-delivery"}'),
    ).toBeGreaterThanOrEqual(1)
  })

  it('counts rate-limit refusals by budget', async () => {
    const limit = createRateLimiter({ limit: 1, windowMs: 60_000, name: 'metrics-test' })
    await limit('203.0.113.9')
    await expect(limit('203.0.113.9')).rejects.toMatchObject({ status: 429, code: 'RATE_LIMITED' })
    const after = await metricsText()
    expect(sample(after, 'hub_rate_limit_refusals_total{limit="metrics-test"}')).toBe(1)
  })
})

describe('METRICS_TOKEN', () => {
  it('refuses to start with a token shorter than 16 characters', async () => {
    vi.resetModules()
    vi.stubEnv('METRICS_TOKEN', 'short')
    await expect(import('../../src/env')).rejects.toThrow('METRICS_TOKEN must be at least 16')
    vi.resetModules()
    vi.stubEnv('METRICS_TOKEN', token)
    expect((await import('../../src/env')).env.metricsToken).toBe(token)
    vi.unstubAllEnvs()
  })
})
