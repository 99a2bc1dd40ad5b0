import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { Customer, License, Outbox, Product } from '../../payload-types'
import { runDailyLicenseAlerts, sweepLicenseAlerts } from '../../plugins/alerts'
import { LicenseTimeline } from '../../plugins/licensing/components/LicenseTimeline'
import { deliverOutbox } from '../../plugins/mailers'
import { tableOf } from '../../src/database/database'
import { addDays } from '../../src/lib/time'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCatalogue, createCustomer, createLicense, staffLogin } from '../helpers/fixtures'
import { serveApi, type ApiServer } from '../helpers/serveApi'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'

const hour = 60 * 60 * 1000
const now = new Date('2026-12-03T07:00:00.000Z')
/** An expiry `days` whole days away (rounded up) from `at`. */
const expiringIn = (days: number, at = now) =>
  new Date(addDays(at, days).getTime() - hour).toISOString()

describe('scheduled license mailers: customer warnings, staff alerts, the daily sweep', () => {
  let booted: TestPayload
  let sink: SmtpSink
  let api: ApiServer
  let promonitor: Product
  let acme: Customer

  const outbox = async () =>
    (await booted.payload.find({ collection: 'outbox', limit: 1000, depth: 0, sort: 'createdAt' }))
      .docs
  const mailsAbout = async (license: License) =>
    (await outbox()).filter(
      (mail) => (mail.context as { license?: unknown } | null)?.license === license.id,
    )
  const summary = (mails: Outbox[]) =>
    mails
      .map(
        (mail) =>
          `${mail.templateKey} ${(mail.context as { daysLeft?: number }).daysLeft ?? '-'} ${mail.to}`,
      )
      .sort()
  const license = (terms: Partial<License>) =>
    createLicense(booted.payload, { customer: acme.id, product: promonitor.id, ...terms })

  beforeAll(async () => {
    sink = await startSmtpSink()
    booted = await bootPayload({ SMTP_URL: sink.url, STAFF_ALERTS_TO: 'sales@hub.example' })
    api = await serveApi(booted)
    ;({ promonitor } = await createCatalogue(booted.payload))
    acme = await createCustomer(booted.payload, 'Acme Industrial', [
      { email: 'it@acme.example' },
      { email: 'cto@acme.example', receives: ['releases'] },
    ])
  })
  afterAll(async () => {
    await api?.close()
    await booted?.shutdown()
    await sink?.close()
  })
  beforeEach(async () => {
    for (const collection of ['outbox', 'license-events', 'licenses', 'scheduled-runs'] as const) {
      await booted.payload.delete({
        collection,
        where: { id: { exists: true } },
        overrideAccess: true,
      })
    }
    sink.mails.length = 0
  })

  it.each([30, 15, 5, 3, 1])(
    'sends license-expiring when a license first reaches %i days left, to the contacts that receive license mail',
    async (days) => {
      const expiring = await license({ type: 'on-usage', credits: 5, expiresAt: expiringIn(days) })
      const report = await sweepLicenseAlerts(booted.payload, { now })
      expect(report).toMatchObject({ checked: 1, queued: 1 })
      const [mail] = await mailsAbout(expiring)
      expect(mail).toMatchObject({
        templateKey: 'license-expiring',
        to: 'it@acme.example',
        context: { license: expiring.id, kind: 'license-expiring', daysLeft: days },
      })
      expect(mail.subject).toBe(`Your ProMonitor license expires in ${days} days`)
    },
  )

  it('sends only the nearest threshold reached (4 days left: the 5-day mail), then the next one when it is reached, each once', async () => {
    const expiring = await license({ type: 'on-usage', credits: 5, expiresAt: expiringIn(4) })
    await sweepLicenseAlerts(booted.payload, { now })
    expect(summary(await mailsAbout(expiring))).toEqual(['license-expiring 5 it@acme.example'])
    await sweepLicenseAlerts(booted.payload, { now: new Date(now.getTime() + 2 * hour) })
    expect(await mailsAbout(expiring)).toHaveLength(1)
    await sweepLicenseAlerts(booted.payload, { now: addDays(now, 1) })
    expect(summary(await mailsAbout(expiring))).toEqual([
      'license-expiring 3 it@acme.example',
      'license-expiring 5 it@acme.example',
    ])
  })

  it('sends nothing at 31 days left, and license-expired once within 7 days after expiry (not after)', async () => {
    const far = await license({ type: 'on-usage', credits: 5, expiresAt: expiringIn(31) })
    const expired = await license({
      type: 'on-usage',
      credits: 5,
      expiresAt: addDays(now, -2).toISOString(),
    })
    const long = await license({
      type: 'on-usage',
      credits: 5,
      expiresAt: addDays(now, -8).toISOString(),
    })
    await sweepLicenseAlerts(booted.payload, { now })
    expect(await mailsAbout(far)).toHaveLength(0)
    await sweepLicenseAlerts(booted.payload, { now: addDays(now, 1) })
    expect(await mailsAbout(long)).toHaveLength(0)
    const mails = await mailsAbout(expired)
    expect(summary(mails)).toEqual(['license-expired - it@acme.example'])
    expect(mails[0].subject).toBe('Your ProMonitor license has expired')
  })

  it('starts a new cycle when a license is extended, and never sends a threshold the extension skipped', async () => {
    const renewed = await license({ type: 'on-usage', credits: 5, expiresAt: expiringIn(6) })
    await sweepLicenseAlerts(booted.payload, { now })
    expect(summary(await mailsAbout(renewed))).toEqual(['license-expiring 15 it@acme.example'])
    // Extended before the 5-day mail: 40 days from the old expiry.
    const newExpiry = addDays(new Date(renewed.expiresAt as string), 40).toISOString()
    await booted.payload.update({
      collection: 'licenses',
      id: renewed.id,
      data: { expiresAt: newExpiry },
    })
    for (let day = 1; day <= 16; day++)
      await sweepLicenseAlerts(booted.payload, { now: addDays(now, day) })
    const mails = await mailsAbout(renewed)
    expect(summary(mails)).toEqual([
      'license-expiring 15 it@acme.example',
      'license-expiring 30 it@acme.example',
    ])
    expect(
      (
        mails.find((mail) => (mail.context as { daysLeft: number }).daysLeft === 30)?.context as {
          expiresAt: string
        }
      ).expiresAt,
    ).toBe(newExpiry)
  })

  it('skips suspended licenses and licenses without an expiry', async () => {
    const suspended = await license({
      type: 'on-usage',
      credits: 5,
      status: 'suspended',
      expiresAt: expiringIn(3),
    })
    const forever = await license({ type: 'perpetual' })
    const report = await sweepLicenseAlerts(booted.payload, { now })
    expect(report).toEqual({ checked: 0, queued: 0 })
    expect(await mailsAbout(suspended)).toHaveLength(0)
    expect(await mailsAbout(forever)).toHaveLength(0)
  })

  it('alerts staff of subscriptions at 30 and 7 days left and of trials at 3 and 1 days left', async () => {
    const renewal30 = await license({ type: 'subscription', expiresAt: expiringIn(25) })
    const renewal7 = await license({ type: 'subscription', expiresAt: expiringIn(7) })
    const trial3 = await license({ type: 'trial', expiresAt: expiringIn(3) })
    const trial1 = await license({ type: 'trial', expiresAt: expiringIn(1) })
    const trial10 = await license({ type: 'trial', expiresAt: expiringIn(10) })
    await sweepLicenseAlerts(booted.payload, { now })
    expect(summary(await mailsAbout(renewal30))).toEqual([
      'license-expiring 30 it@acme.example',
      'staff-renewal-due 30 sales@hub.example',
    ])
    expect(summary(await mailsAbout(renewal7))).toEqual([
      'license-expiring 15 it@acme.example',
      'staff-renewal-due 7 sales@hub.example',
    ])
    expect(summary(await mailsAbout(trial3))).toEqual([
      'license-expiring 3 it@acme.example',
      'staff-trial-expiring 3 sales@hub.example',
    ])
    expect(summary(await mailsAbout(trial1))).toEqual([
      'license-expiring 1 it@acme.example',
      'staff-trial-expiring 1 sales@hub.example',
    ])
    expect(summary(await mailsAbout(trial10))).toEqual(['license-expiring 15 it@acme.example'])
    const renewalMail = (await mailsAbout(renewal7)).find(
      (mail) => mail.templateKey === 'staff-renewal-due',
    )
    expect(renewalMail?.text).toContain(`/admin/collections/licenses/${renewal7.id}`)
  })

  it('sends staff alerts to the recipients and thresholds of the alert-settings global', async () => {
    await booted.payload.updateGlobal({
      slug: 'alert-settings',
      data: { renewalRecipients: ['renewals@hub.example'], renewalDays: [10] },
    })
    try {
      const subscription = await license({ type: 'subscription', expiresAt: expiringIn(8) })
      await sweepLicenseAlerts(booted.payload, { now })
      expect(summary(await mailsAbout(subscription))).toEqual([
        'license-expiring 15 it@acme.example',
        'staff-renewal-due 10 renewals@hub.example',
      ])
    } finally {
      await booted.payload.updateGlobal({
        slug: 'alert-settings',
        data: { renewalRecipients: [], renewalDays: [30, 7] },
      })
    }
  })

  it('queues each mail once when two sweeps run at the same moment', async () => {
    for (const days of [30, 15, 5, 3, 1])
      await license({ type: 'subscription', expiresAt: expiringIn(days) })
    const reports = await Promise.all([
      sweepLicenseAlerts(booted.payload, { now }),
      sweepLicenseAlerts(booted.payload, { now }),
    ])
    const mails = await outbox()
    // Five customer warnings, and a staff renewal alert each (30 for the first two, 7 for the
    // rest).
    expect(mails).toHaveLength(10)
    expect(reports[0].queued + reports[1].queued).toBe(10)
    expect(new Set(mails.map((mail) => mail.idempotencyKey)).size).toBe(10)
  })

  it('runs the day’s sweep once across triggers, and takes over a claim left by an instance that died mid-sweep', async () => {
    await license({ type: 'on-usage', credits: 5, expiresAt: expiringIn(5) })
    const [first, second] = await Promise.all([
      runDailyLicenseAlerts(booted.payload, now),
      runDailyLicenseAlerts(booted.payload, now),
    ])
    expect([first.ran, second.ran].sort()).toEqual([false, true])

    const nextDay = addDays(now, 1)
    const table = tableOf(booted.payload, 'scheduled-runs')
    const startedAt = new Date(Date.now() - 2 * hour).toISOString()
    await booted.payload.db.drizzle.insert(table).values({
      task: 'license-alerts',
      runKey: `license-alerts:${nextDay.toISOString().slice(0, 10)}`,
      status: 'running',
      instance: 'dead-host:1',
      startedAt,
      claimedUntil: new Date(Date.now() - hour).toISOString(),
      createdAt: startedAt,
      updatedAt: startedAt,
    })
    await license({ type: 'on-usage', credits: 5, expiresAt: expiringIn(3, nextDay) })
    const takenOver = await runDailyLicenseAlerts(booted.payload, nextDay)
    expect(takenOver).toEqual({ ran: true, result: { checked: 2, queued: 1 } })
  })

  it('delivers the mails through SMTP', async () => {
    await license({ type: 'subscription', expiresAt: expiringIn(7) })
    await sweepLicenseAlerts(booted.payload, { now })
    expect(await deliverOutbox(booted.payload)).toMatchObject({ sent: 2 })
    const mails = await sink.waitFor(2)
    expect(mails.map((mail) => mail.subject).sort()).toEqual([
      'Renewal due: Acme Industrial ProMonitor in 7 days',
      'Your ProMonitor license expires in 7 days',
    ])
  })

  it('lists the mails sent about a license in its history', async () => {
    const expiring = await license({ type: 'subscription', expiresAt: expiringIn(7) })
    await sweepLicenseAlerts(booted.payload, { now })
    const { docs } = await booted.payload.find({
      collection: 'outbox',
      where: { license: { equals: expiring.id } },
      depth: 0,
    })
    expect(docs.map((mail) => mail.templateKey).sort()).toEqual([
      'license-expiring',
      'staff-renewal-due',
    ])
    const support = { collection: 'users', roles: ['support'] }
    const html = renderToStaticMarkup(
      await LicenseTimeline({
        id: expiring.id,
        payload: booted.payload,
        req: { user: support },
      } as never),
    )
    expect(html).toContain('Mails (2)')
    expect(html).toContain('staff-renewal-due')
    expect(html).toContain('it@acme.example')
    // The mails outlive a deleted license (the outbox is the record of what was sent).
    await booted.payload.delete({ collection: 'licenses', id: expiring.id })
    const kept = await booted.payload.find({
      collection: 'outbox',
      where: { id: { in: docs.map((mail) => mail.id) } },
      depth: 0,
    })
    expect(kept.docs.map((mail) => mail.license ?? null)).toEqual([null, null])
  })

  it('runs a task now for admins and support (POST /api/scheduled-runs/run-now), 403 for anyone else, 400 for an unknown task', async () => {
    const admin = await staffLogin(booted.payload, api.call, 'admin-run@hub.example', 'admin')
    const support = await staffLogin(booted.payload, api.call, 'support-run@hub.example', 'support')
    const editor = await staffLogin(booted.payload, api.call, 'editor-run@hub.example', 'editor')
    await license({ type: 'on-usage', credits: 5, expiresAt: expiringIn(daysUntilNowPlus(5)) })
    const ran = await api.call('POST', '/api/scheduled-runs/run-now', {
      body: { task: 'license-alerts' },
      headers: admin,
    })
    expect(ran.status).toBe(200)
    expect(ran.body).toMatchObject({
      task: 'license-alerts',
      ran: true,
      result: { checked: 1, queued: 1 },
    })
    const bySupport = await api.call('POST', '/api/scheduled-runs/run-now', {
      body: { task: 'deliver-outbox' },
      headers: support,
    })
    expect(bySupport.body).toMatchObject({ task: 'deliver-outbox', ran: true, result: { sent: 1 } })
    expect(
      (
        await api.call('POST', '/api/scheduled-runs/run-now', {
          body: { task: 'retention' },
          headers: admin,
        })
      ).body,
    ).toMatchObject({ task: 'retention', ran: true, result: { deletedFiles: 0 } })
    expect(
      (
        await api.call('POST', '/api/scheduled-runs/run-now', {
          body: { task: 'license-alerts' },
          headers: editor,
        })
      ).status,
    ).toBe(403)
    expect(
      (await api.call('POST', '/api/scheduled-runs/run-now', { body: { task: 'license-alerts' } }))
        .status,
    ).toBe(403)
    const unknown = await api.call('POST', '/api/scheduled-runs/run-now', {
      body: { task: 'format-disk' },
      headers: admin,
    })
    expect(unknown.status).toBe(400)
    expect(
      (await api.call('POST', '/api/scheduled-runs/run-now', { body: {}, headers: admin })).status,
    ).toBe(400)
  })
})

/** Run-now sweeps at the real time: an expiry this many whole days from now. */
const daysUntilNowPlus = (days: number) =>
  days + Math.round((Date.now() - now.getTime()) / (24 * hour))
