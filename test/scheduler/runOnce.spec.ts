import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { runOnce } from '../../plugins/scheduler'
import { tableOf } from '../../src/database/database'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'

describe('runOnce', () => {
  let booted: TestPayload
  beforeAll(async () => {
    booted = await bootPayload()
  })
  afterAll(async () => booted?.shutdown())

  it('does the work once when ten triggers for the same run key fire together', async () => {
    let runs = 0
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () =>
        runOnce(booted.payload, 'retention', 'retention:2026-11-28', async () => {
          runs += 1
          await new Promise((resolve) => setTimeout(resolve, 50))
          return { deleted: 3 }
        }),
      ),
    )
    expect(runs).toBe(1)
    expect(outcomes.filter((outcome) => outcome.ran)).toEqual([
      { ran: true, result: { deleted: 3 } },
    ])
    const { docs } = await booted.payload.find({
      collection: 'scheduled-runs',
      where: { runKey: { equals: 'retention:2026-11-28' } },
    })
    expect(docs).toHaveLength(1)
    expect(docs[0].status).toBe('done')
    expect(docs[0].result).toEqual({ deleted: 3 })
  })

  it('runs again for the next period', async () => {
    const outcome = await runOnce(
      booted.payload,
      'retention',
      'retention:2026-11-29',
      async () => 'next day',
    )
    expect(outcome).toEqual({ ran: true, result: 'next day' })
  })

  it('takes over a claim left by an instance that died mid-run once the claim has expired', async () => {
    const table = tableOf(booted.payload, 'scheduled-runs')
    const longAgo = new Date(Date.now() - 3 * 60 * 60 * 1000).toISOString()
    await booted.payload.db.drizzle.insert(table).values({
      task: 'license-alerts',
      runKey: 'license-alerts:2026-11-30',
      status: 'running',
      instance: 'dead-host:1',
      startedAt: longAgo,
      createdAt: longAgo,
      updatedAt: longAgo,
    })
    const outcome = await runOnce(
      booted.payload,
      'license-alerts',
      'license-alerts:2026-11-30',
      async () => ({ queued: 4 }),
    )
    expect(outcome).toEqual({ ran: true, result: { queued: 4 } })
    const { docs } = await booted.payload.find({
      collection: 'scheduled-runs',
      where: { runKey: { equals: 'license-alerts:2026-11-30' } },
    })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ status: 'done', result: { queued: 4 } })
    expect(docs[0].instance).not.toBe('dead-host:1')
  })

  it('leaves a claim that has not expired to the instance running it', async () => {
    let finish: () => void = () => {}
    const first = runOnce(
      booted.payload,
      'license-alerts',
      'license-alerts:2026-12-01',
      () => new Promise<string>((resolve) => (finish = () => resolve('first'))),
    )
    await new Promise((resolve) => setTimeout(resolve, 100))
    const second = await runOnce(
      booted.payload,
      'license-alerts',
      'license-alerts:2026-12-01',
      async () => 'second',
    )
    expect(second).toEqual({ ran: false })
    finish()
    expect(await first).toEqual({ ran: true, result: 'first' })
  })

  it('renews the claim while a run lasts longer than its lease, so no other trigger takes it over', async () => {
    let finish: () => void = () => {}
    const first = runOnce(
      booted.payload,
      'retention',
      'retention:2026-12-03',
      () => new Promise<string>((resolve) => (finish = () => resolve('first'))),
      { leaseMs: 300 },
    )
    // Three leases later the heartbeat has kept the claim alive.
    await new Promise((resolve) => setTimeout(resolve, 900))
    const second = await runOnce(
      booted.payload,
      'retention',
      'retention:2026-12-03',
      async () => 'second',
      { leaseMs: 300 },
    )
    expect(second).toEqual({ ran: false })
    const { docs } = await booted.payload.find({
      collection: 'scheduled-runs',
      where: { runKey: { equals: 'retention:2026-12-03' } },
    })
    expect(Date.parse(docs[0].claimedUntil!)).toBeGreaterThan(Date.now())
    finish()
    expect(await first).toEqual({ ran: true, result: 'first' })
  })

  it('never runs a finished run again, however old its claim', async () => {
    await runOnce(
      booted.payload,
      'license-alerts',
      'license-alerts:2026-12-02',
      async () => 'done',
      { leaseMs: 1 },
    )
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(
      await runOnce(
        booted.payload,
        'license-alerts',
        'license-alerts:2026-12-02',
        async () => 'again',
        { leaseMs: 1 },
      ),
    ).toEqual({ ran: false })
  })

  it('retries a failed run once its claim has expired', async () => {
    await expect(
      runOnce(
        booted.payload,
        'mailer',
        'mailer:2026-12-01',
        async () => {
          throw new Error('SMTP down')
        },
        { leaseMs: 50 },
      ),
    ).rejects.toThrow('SMTP down')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(
      await runOnce(booted.payload, 'mailer', 'mailer:2026-12-01', async () => 'second try', {
        leaseMs: 50,
      }),
    ).toEqual({ ran: true, result: 'second try' })
  })

  it('records a failed run and does not retry it for the same key while its claim holds', async () => {
    await expect(
      runOnce(booted.payload, 'mailer', 'mailer:2026-11-28', async () => {
        throw new Error('SMTP down')
      }),
    ).rejects.toThrow('SMTP down')
    const again = await runOnce(
      booted.payload,
      'mailer',
      'mailer:2026-11-28',
      async () => 'second try',
    )
    expect(again).toEqual({ ran: false })
    const { docs } = await booted.payload.find({
      collection: 'scheduled-runs',
      where: { runKey: { equals: 'mailer:2026-11-28' } },
    })
    expect(docs[0].status).toBe('failed')
    expect(docs[0].error).toContain('SMTP down')
  })
})
