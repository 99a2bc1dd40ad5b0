import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { runOnce } from '../../plugins/scheduler'
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
    expect(outcomes.filter((outcome) => outcome.ran)).toEqual([{ ran: true, result: { deleted: 3 } }])
    const { docs } = await booted.payload.find({ collection: 'scheduled-runs', where: { runKey: { equals: 'retention:2026-11-28' } } })
    expect(docs).toHaveLength(1)
    expect(docs[0].status).toBe('done')
    expect(docs[0].result).toEqual({ deleted: 3 })
  })

  it('runs again for the next period', async () => {
    const outcome = await runOnce(booted.payload, 'retention', 'retention:2026-11-29', async () => 'next day')
    expect(outcome).toEqual({ ran: true, result: 'next day' })
  })

  it('records a failed run and does not retry it for the same key', async () => {
    await expect(runOnce(booted.payload, 'mailer', 'mailer:2026-11-28', async () => { throw new Error('SMTP down') })).rejects.toThrow('SMTP down')
    const again = await runOnce(booted.payload, 'mailer', 'mailer:2026-11-28', async () => 'second try')
    expect(again).toEqual({ ran: false })
    const { docs } = await booted.payload.find({ collection: 'scheduled-runs', where: { runKey: { equals: 'mailer:2026-11-28' } } })
    expect(docs[0].status).toBe('failed')
    expect(docs[0].error).toContain('SMTP down')
  })
})
