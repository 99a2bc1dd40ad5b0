import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { makeTempDir } from '../helpers/tempDir'
import { testDatabaseKind } from '../helpers/testDatabase'

const repoRoot = path.resolve(import.meta.dirname, '../..')
/** Short leases so the test waits seconds, not minutes: the same code as the 2-minute default. */
const leaseSeconds = 2
const leaseMs = leaseSeconds * 1000
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

type Instance = {
  child: ChildProcess
  output: () => string
  /** Resolves with the time the line first appeared in the output. */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<number>
  exited: Promise<number | null>
}

/** test/scheduler/jobInstance.ts in its own process on the test's database. */
const startInstance = (booted: TestPayload, env: Record<string, string>, args: string[]) => {
  const child = spawn(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', 'test/scheduler/jobInstance.ts', ...args],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        NODE_OPTIONS: '--no-deprecation',
        DATABASE_URL: booted.cacheKey,
        DATA_DIR: booted.dataDir,
        MEDIA_DIR: booted.mediaDir,
        SEED_ON_INIT: 'false',
        SCHEDULED_TASKS: 'off',
        JOB_LEASE_SECONDS: String(leaseSeconds),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const seen = new Map<RegExp, number>()
  const listeners = new Set<() => void>()
  const onData = (chunk: Buffer) => {
    output += chunk.toString()
    for (const listener of listeners) listener()
  }
  child.stdout!.on('data', onData)
  child.stderr!.on('data', onData)
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const waitFor = (pattern: RegExp, timeoutMs = 90_000) =>
    new Promise<number>((resolve, reject) => {
      const look = () => {
        if (!pattern.test(output)) return
        listeners.delete(look)
        clearTimeout(timer)
        if (!seen.has(pattern)) seen.set(pattern, Date.now())
        resolve(seen.get(pattern)!)
      }
      const timer = setTimeout(() => {
        listeners.delete(look)
        reject(new Error(`no ${pattern} in:\n${output}`))
      }, timeoutMs)
      listeners.add(look)
      look()
    })
  return { child, output: () => output, waitFor, exited } satisfies Instance
}

const kill = async (instance: Instance) => {
  instance.child.kill('SIGKILL')
  await instance.exited
}

describe.skipIf(testDatabaseKind !== 'postgres')(
  "a killed instance's work is taken over after its lease (PostgreSQL, two processes)",
  () => {
    let booted: TestPayload
    let sink: SmtpSink
    let blackHole: Server
    const blackHoleSockets: Socket[] = []
    const running: Instance[] = []

    beforeAll(async () => {
      sink = await startSmtpSink()
      booted = await bootPayload({ SEED_ON_INIT: 'false', SCHEDULED_TASKS: 'off' })
      // An SMTP server that accepts and never greets: a send on it hangs, mid-delivery.
      blackHole = createServer((socket) => void blackHoleSockets.push(socket))
      await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve))
    }, 120_000)
    afterAll(async () => {
      for (const instance of running) if (instance.child.exitCode === null) await kill(instance)
      for (const socket of blackHoleSockets) socket.destroy()
      blackHole?.close()
      await sink?.close()
      await booted?.shutdown()
    })

    it('keeps a long run while its instance renews the lease, and a second instance finishes it once after the first is killed', async () => {
      const completionLog = path.join(makeTempDir('hub-lease-'), 'completions.log')
      writeFileSync(completionLog, '')
      const runKey = 'lease-test:long-run'

      const first = startInstance(booted, {}, ['run-task', runKey, '600000', completionLog])
      running.push(first)
      const firstStartedAt = await first.waitFor(/work started/)

      const second = startInstance(booted, {}, ['run-task', runKey, '300', completionLog])
      running.push(second)
      await second.waitFor(/skipped: claimed elsewhere/)
      // Well past one lease: the first instance's heartbeat keeps the run its own.
      const heldFor = 2 * leaseMs + 500 - (Date.now() - firstStartedAt)
      if (heldFor > 0) await pause(heldFor)
      expect(second.output()).not.toMatch(/work started/)

      await kill(first)
      const killedAt = Date.now()
      const takenOverAt = await second.waitFor(/work started/, 30_000)
      expect(await second.exited).toBe(0)

      // Within the lease (plus the 200 ms poll and a second of slack on a busy machine).
      expect(takenOverAt - killedAt).toBeLessThan(leaseMs + 1500)
      expect(readFileSync(completionLog, 'utf8').trim().split('\n')).toEqual([
        `completed ${second.child.pid}`,
      ])
      const runs = await booted.payload.find({
        collection: 'scheduled-runs',
        where: { runKey: { equals: runKey } },
      })
      expect(runs.docs).toHaveLength(1)
      expect(runs.docs[0]).toMatchObject({
        status: 'done',
        instance: expect.stringMatching(new RegExp(`:${second.child.pid}$`)),
        result: { by: second.child.pid },
      })
    }, 180_000)

    it('returns mails claimed by a killed instance to the queue after the lease, and each is sent exactly once', async () => {
      const subjects = ['Lease one', 'Lease two', 'Lease three']
      const due = new Date(Date.now() - 1000).toISOString()
      for (const [index, subject] of subjects.entries())
        await booted.payload.create({
          collection: 'outbox',
          data: {
            to: `lease${index}@acme.example`,
            subject,
            text: `${subject} body`,
            status: 'queued',
            nextAttemptAt: due,
            idempotencyKey: `lease-test:${index}`,
          },
        })
      const { port } = blackHole.address() as { port: number }

      const first = startInstance(booted, { SMTP_URL: `smtp://127.0.0.1:${port}` }, ['deliver'])
      running.push(first)
      await first.waitFor(/ready/)
      // The first instance holds the oldest mail, stuck mid-send.
      const claimed = async () =>
        (
          await booted.payload.find({
            collection: 'outbox',
            where: { status: { equals: 'sending' } },
          })
        ).docs
      let stuck = await claimed()
      for (let tries = 0; stuck.length === 0 && tries < 100; tries += 1) {
        await pause(100)
        stuck = await claimed()
      }
      expect(stuck.map((mail) => mail.subject)).toEqual(['Lease one'])

      const second = startInstance(booted, { SMTP_URL: sink.url }, ['deliver'])
      running.push(second)
      await sink.waitFor(2, 90_000)
      // Past one lease the first instance still renews its claim: the second does not send it.
      await pause(2 * leaseMs)
      const renewed = await booted.payload.findByID({ collection: 'outbox', id: stuck[0].id })
      expect(renewed.status).toBe('sending')
      expect(Date.parse(renewed.claimedAt!)).toBeGreaterThan(Date.parse(stuck[0].claimedAt!))
      expect(sink.mails.map((mail) => mail.subject).sort()).toEqual(['Lease three', 'Lease two'])

      await kill(first)
      const killedAt = Date.now()
      await sink.waitFor(3, 30_000)
      expect(Date.now() - killedAt).toBeLessThan(leaseMs + 2000)
      await pause(1000)
      expect(sink.mails.map((mail) => mail.subject).sort()).toEqual([
        'Lease one',
        'Lease three',
        'Lease two',
      ])
      const outbox = await booted.payload.find({ collection: 'outbox', limit: 10 })
      expect(outbox.docs.map((mail) => [mail.subject, mail.status, mail.attempts]).sort()).toEqual([
        ['Lease one', 'sent', 1],
        ['Lease three', 'sent', 1],
        ['Lease two', 'sent', 1],
      ])
    }, 180_000)
  },
)
