import { readdirSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { deliverOutbox, queueMail } from '../../plugins/mailers'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { licenseVariables } from './licenseVariables'

describe('outbox without SMTP', () => {
  let booted: TestPayload
  beforeAll(async () => {
    booted = await bootPayload({ SMTP_URL: '' })
  })
  afterAll(async () => booted?.shutdown())

  it('writes the mail as an .eml file under the data folder', async () => {
    await queueMail(booted.payload, {
      to: 'eve@acme.example',
      templateKey: 'license-expired',
      variables: licenseVariables,
      idempotencyKey: 'expired:1',
    })
    const report = await deliverOutbox(booted.payload)
    expect(report.sent).toBe(1)
    const files = readdirSync(path.join(booted.dataDir, 'mail'))
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/\.eml$/)
  })
})
