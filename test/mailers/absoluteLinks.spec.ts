import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { queueMail } from '../../plugins/mailers'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { licenseVariables } from './licenseVariables'

const publicUrl = 'https://hub.example.test'

describe('every link in a queued mail is absolute from PUBLIC_URL', () => {
  let booted: TestPayload

  beforeAll(async () => {
    booted = await bootPayload({ PUBLIC_URL: publicUrl })
  })
  afterAll(async () => booted?.shutdown())

  it('a link variable given as a path is made absolute from PUBLIC_URL, in the text and the HTML', async () => {
    const { outboxId } = await queueMail(booted.payload, {
      to: 'dan@acme.example',
      templateKey: 'trial-created',
      variables: {
        ...licenseVariables,
        registerUrl: '/portal/register?token=abc',
        portalUrl: '/portal',
      },
      idempotencyKey: 'links:1',
    })
    const mail = await booted.payload.findByID({ collection: 'outbox', id: outboxId })
    expect(mail.text).toContain(`${publicUrl}/portal/register?token=abc`)
    expect(mail.html).toContain(`${publicUrl}/portal/register?token=abc`)
    expect(mail.text).not.toMatch(/[\s:]\/portal/)
  })

  it('a link that is already absolute is kept as it is', async () => {
    const { outboxId } = await queueMail(booted.payload, {
      to: 'erin@acme.example',
      templateKey: 'release-published',
      variables: {
        productName: 'ProMonitor',
        line: 'V7',
        version: '7.1.0',
        channel: 'stable',
        summary: 'Faster',
        notesUrl: `${publicUrl}/portal/releases/1`,
        portalUrl: `${publicUrl}/portal`,
      },
      idempotencyKey: 'links:2',
    })
    const mail = await booted.payload.findByID({ collection: 'outbox', id: outboxId })
    expect(mail.text).toContain(`Release notes: ${publicUrl}/portal/releases/1`)
    expect(mail.text).toContain(`Download it from your portal: ${publicUrl}/portal`)
  })
})
