import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { deliverOutbox, queueMail } from '../../plugins/mailers'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { licenseVariables } from './licenseVariables'

describe('outbox over SMTP', () => {
  let booted: TestPayload
  let sink: SmtpSink

  beforeAll(async () => {
    sink = await startSmtpSink()
    booted = await bootPayload({ SMTP_URL: sink.url })
    await booted.payload.create({
      collection: 'email-templates',
      data: {
        name: 'Expiring',
        key: 'license-expiring',
        subject: '{{productName}}: {{daysLeft}} days left',
        body: 'Hello {{customerName}},\n\nKey {{licenseKey}} expires on {{expiresAt}}.',
      },
    })
  })
  afterAll(async () => {
    await booted?.shutdown()
    await sink?.close()
  })
  beforeEach(async () => {
    await booted.payload.delete({ collection: 'outbox', where: { id: { exists: true } } })
    sink.mails.length = 0
  })

  it('renders the template with its variables and delivers it to the SMTP server', async () => {
    const queued = await queueMail(booted.payload, {
      to: 'Alice@Acme.example',
      templateKey: 'license-expiring',
      variables: licenseVariables,
      idempotencyKey: 'expiring:1:30',
    })
    expect(queued.queued).toBe(true)
    const report = await deliverOutbox(booted.payload)
    expect(report).toEqual({ sent: 1, failed: 0, retried: 0 })
    const [mail] = await sink.waitFor(1)
    expect(mail.subject).toBe('ProMonitor: 30 days left')
    expect(mail.text).toContain('Hello Acme <Industrial>,')
    expect(mail.html).toContain('Acme &#60;Industrial&#62;')
    expect((mail.to as { text: string }).text).toBe('alice@acme.example')
    const stored = await booted.payload.findByID({ collection: 'outbox', id: queued.outboxId })
    expect(stored.status).toBe('sent')
    expect(stored.attempts).toBe(1)
  })

  it('queues and sends one mail for an idempotency key used twice', async () => {
    const first = await queueMail(booted.payload, {
      to: 'bob@acme.example',
      templateKey: 'license-expiring',
      variables: licenseVariables,
      idempotencyKey: 'expiring:2:15',
    })
    const second = await queueMail(booted.payload, {
      to: 'bob@acme.example',
      templateKey: 'license-expiring',
      variables: licenseVariables,
      idempotencyKey: 'expiring:2:15',
    })
    expect(second).toEqual({ queued: false, outboxId: first.outboxId })
    await deliverOutbox(booted.payload)
    await deliverOutbox(booted.payload)
    await sink.waitFor(1)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(sink.mails).toHaveLength(1)
  })

  it('queues one mail when the same key is queued 20 times at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        queueMail(booted.payload, {
          to: 'carol@acme.example',
          templateKey: 'license-expiring',
          variables: licenseVariables,
          idempotencyKey: 'expiring:3:5',
        }),
      ),
    )
    expect(results.filter((result) => result.queued)).toHaveLength(1)
    expect(new Set(results.map((result) => result.outboxId)).size).toBe(1)
    const { totalDocs } = await booted.payload.count({ collection: 'outbox' })
    expect(totalDocs).toBe(1)
  })

  it('sends each mail once when two deliveries run at the same time', async () => {
    for (let index = 0; index < 10; index += 1) {
      await queueMail(booted.payload, {
        to: `user${index}@acme.example`,
        templateKey: 'license-expiring',
        variables: licenseVariables,
        idempotencyKey: `parallel:${index}`,
      })
    }
    const reports = await Promise.all([
      deliverOutbox(booted.payload),
      deliverOutbox(booted.payload),
      deliverOutbox(booted.payload),
    ])
    expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(10)
    await sink.waitFor(10)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(sink.mails.map((mail) => (mail.to as { text: string }).text).sort()).toEqual(
      Array.from({ length: 10 }, (_, index) => `user${index}@acme.example`).sort(),
    )
  })

  it('falls back to the built-in wording when no template of the key exists', async () => {
    await queueMail(booted.payload, {
      to: 'dan@acme.example',
      templateKey: 'trial-created',
      variables: {
        productName: 'ProMonitor',
        line: 'v7',
        licenseKey: 'PMON-TRIAL',
        expiresAt: '2026-12-28',
        registerUrl: 'https://hub.example/portal/register',
      },
      idempotencyKey: 'trial:1',
    })
    await deliverOutbox(booted.payload)
    const [mail] = await sink.waitFor(1)
    expect(mail.subject).toBe('Your ProMonitor trial key')
    expect(mail.text).toContain('Trial key: PMON-TRIAL')
  })
})
