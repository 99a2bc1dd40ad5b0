import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { deliverOutbox, queueMail } from '../../plugins/mailers'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { licenseVariables } from './licenseVariables'

describe('outbox when the SMTP server is down', () => {
  let booted: TestPayload
  beforeAll(async () => {
    booted = await bootPayload({ SMTP_URL: 'smtp://127.0.0.1:1' })
  })
  afterAll(async () => booted?.shutdown())

  it('keeps the mail queued for a later attempt, then marks it failed after the last one', async () => {
    const { outboxId } = await queueMail(booted.payload, {
      to: 'frank@acme.example',
      templateKey: 'license-expired',
      variables: licenseVariables,
      idempotencyKey: 'down:1',
    })
    const first = await deliverOutbox(booted.payload, { maxAttempts: 2 })
    expect(first).toEqual({ sent: 0, failed: 0, retried: 1 })
    const queued = await booted.payload.findByID({ collection: 'outbox', id: outboxId })
    expect(queued.status).toBe('queued')
    expect(queued.lastError).toBeTruthy()
    const later = new Date(Date.now() + 10 * 60_000)
    const second = await deliverOutbox(booted.payload, { maxAttempts: 2, now: later })
    expect(second).toEqual({ sent: 0, failed: 1, retried: 0 })
    const failed = await booted.payload.findByID({ collection: 'outbox', id: outboxId })
    expect(failed.status).toBe('failed')
    expect(failed.attempts).toBe(2)
  })
})
