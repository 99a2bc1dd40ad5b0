import { spawn } from 'node:child_process'
import { createHash, randomUUID } from 'node:crypto'
import http from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import fc from 'fast-check'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { generatePrivateJwk } from '../../plugins/signing'
import { importSigningKey, type SigningKey } from '../../plugins/signing/signingKey'
import { SignedKind } from '../../src/lib/protocol'
import { TrustStore } from '../../src/sdk'
import {
  bodyFor,
  clientAddress,
  describeAnswer,
  operationsOf,
  pathFor,
  queryFor,
} from '../helpers/oddInput'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { createFreshDatabase, postgresAdminUrl } from '../helpers/testDatabase'
import { freePort } from './helpers/freePort'
import { startApiHostProcess, type ApiHostProcess } from './helpers/startApiHostProcess'
import { startNextServer, type NextServer } from './helpers/startNextServer'
import { nginxBinary, startNginx, type Nginx } from './helpers/startNginx'

const postgresReachable = async (): Promise<boolean> => {
  const { default: pg } = await import('pg')
  const client = new pg.Client({
    connectionString: postgresAdminUrl,
    connectionTimeoutMillis: 3000,
  })
  try {
    await client.connect()
    await client.end()
    return true
  } catch {
    return false
  }
}

const reachable = await postgresReachable()
const hasNginx = nginxBinary() !== undefined
if (!reachable)
  console.warn(`SKIPPED cluster suite: PostgreSQL is not reachable at ${postgresAdminUrl}`)
if (!hasNginx)
  console.warn('SKIPPED cluster suite: nginx is not installed (apt-get install nginx-light)')

type Answer = {
  status: number
  headers: http.IncomingHttpHeaders
  bytes: Buffer
  body: Record<string, any>
}

/**
 * One request on a connection of its own (no keep-alive), so requests to the API host's port are
 * spread over its workers as separate clients' would be.
 */
const call = (
  base: string,
  method: string,
  route: string,
  {
    body,
    rawBody,
    headers = {},
  }: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const text = rawBody ?? (body === undefined ? undefined : JSON.stringify(body))
    const bytes = text === undefined ? undefined : Buffer.from(text)
    const request = http.request(
      `${base}${route}`,
      {
        method,
        agent: false,
        headers: {
          ...(bytes ? { 'Content-Type': 'application/json', 'Content-Length': bytes.length } : {}),
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const bytes = Buffer.concat(chunks)
          let parsed: Record<string, any>
          try {
            parsed = JSON.parse(bytes.toString())
          } catch {
            parsed = {}
          }
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            bytes,
            body: parsed,
          })
        })
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    request.end(bytes)
  })

const countBy = (values: string[]) =>
  values.reduce<Record<string, number>>(
    (counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }),
    {},
  )

const kidOf = (jws: string): string =>
  JSON.parse(Buffer.from(jws.split('.')[0], 'base64url').toString()).kid

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Several instances on one PostgreSQL database behind nginx, as in production: two Next apps
 * (`npm start`) and an API host with two workers (`npm run start:api`), nginx taking them in turn
 * (`/api/v1/` across all three, the rest across the Next apps) and setting `X-Forwarded-For`,
 * which the instances believe from nginx alone (`TRUST_PROXY`).
 */
describe.skipIf(!reachable || !hasNginx)(
  'several instances behind nginx on one PostgreSQL database',
  () => {
    const adminPassword = `cluster-admin-${randomUUID()}`
    const currentJwk = generatePrivateJwk()
    const nextJwk = generatePrivateJwk()
    let current: SigningKey
    let next: SigningKey
    let sharedEnv: Record<string, string>
    let mediaDir: string
    let appA: NextServer
    let appB: NextServer
    let apiHost: ApiHostProcess
    let nginx: Nginx
    let smtp: SmtpSink
    let admin: Record<string, string>
    /** Every instance by name, reached directly (not through nginx). */
    let instances: Array<{ name: string; url: string }>

    const viaNginx = (method: string, route: string, options?: Parameters<typeof call>[3]) =>
      call(nginx.url, method, route, options)
    const asAdmin = (method: string, route: string, body?: unknown) =>
      viaNginx(method, route, { body, headers: admin })

    let productId: number
    let customerId: number
    const createLicense = async (terms: Record<string, unknown>) => {
      const day = 24 * 3600_000
      const created = await asAdmin('POST', '/api/licenses', {
        customer: customerId,
        product: productId,
        line: 'v7',
        type: 'subscription',
        status: 'active',
        startsAt: new Date(Date.now() - 30 * day).toISOString(),
        expiresAt: new Date(Date.now() + 100 * day).toISOString(),
        maxUsers: 5,
        ...terms,
      })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      return created.body.doc as { id: number; key: string }
    }
    const licenseById = async (id: number) =>
      (await asAdmin('GET', `/api/licenses/${id}?depth=0`)).body
    /** `upstream address` of each request nginx passed on since `from` (an index in its log). */
    const upstreamsSince = (from: number) => new Set(nginx.upstreamsSoFar().slice(from))

    beforeAll(async () => {
      current = await importSigningKey(currentJwk)
      next = await importSigningKey(nextJwk)
      const { url: databaseUrl } = await createFreshDatabase('postgres')
      mediaDir = mkdtempSync(path.join(os.tmpdir(), 'hub-e2e-cluster-media-'))
      const nginxPort = await freePort()
      smtp = await startSmtpSink()
      sharedEnv = {
        DATABASE_URL: databaseUrl,
        PAYLOAD_SECRET: `cluster-secret-${randomUUID()}`,
        MEDIA_DIR: mediaDir,
        PUBLIC_URL: `http://127.0.0.1:${nginxPort}`,
        SIGNING_PRIVATE_JWK: JSON.stringify(currentJwk),
        SIGNING_NEXT_PRIVATE_JWK: JSON.stringify(nextJwk),
        SIGNING_KEY_REFRESH_MS: '500',
        SEED_ADMIN_PASSWORD: adminPassword,
        SMTP_URL: smtp.url,
        // Every instance runs the scheduled tasks, as in production; today's license-alerts sweep
        // is due at start (the time has passed), so every instance tries it when it boots.
        SCHEDULED_TASKS: 'on',
        ALERTS_AT: '00:00',
        // nginx connects from 127.0.0.2 (proxy_bind): the instances believe its X-Forwarded-For
        // and nobody else's, as they would a load balancer's address in production.
        TRUST_PROXY: '127.0.0.2',
      }
      // A first: it migrates the empty database and seeds it. Then B and the API host on it.
      appA = await startNextServer(sharedEnv)
      // Each is kept as soon as it runs, so afterAll stops it even when the other fails to start.
      const started = await Promise.allSettled([
        startNextServer(sharedEnv).then((server) => (appB = server)),
        startApiHostProcess({ ...sharedEnv, API_HOST_WORKERS: '2' }).then(
          (host) => (apiHost = host),
        ),
      ])
      for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason
      const hostOf = (url: string) => new URL(url).host
      nginx = await startNginx({
        port: nginxPort,
        api: [appA, appB, apiHost].map((instance) => hostOf(instance.url)),
        app: [appA, appB].map((instance) => hostOf(instance.url)),
      })
      instances = [
        { name: 'Next A', url: appA.url },
        { name: 'Next B', url: appB.url },
        { name: 'API host', url: apiHost.url },
      ]

      const login = await viaNginx('POST', '/api/users/login', {
        body: { email: 'admin@example.com', password: adminPassword },
      })
      expect(login.status, JSON.stringify(login.body)).toBe(200)
      admin = { Authorization: `JWT ${login.body.token}` }
      productId = (await asAdmin('GET', '/api/products?where[slug][equals]=promonitor&depth=0'))
        .body.docs[0].id
      customerId = (await asAdmin('GET', '/api/customers?limit=1&sort=id&depth=0')).body.docs[0].id
    }, 480_000)

    afterAll(async () => {
      await nginx?.stop()
      await Promise.all([appA?.stop(), appB?.stop(), apiHost?.stop()])
      await smtp?.close()
      if (mediaDir) rmSync(mediaDir, { recursive: true, force: true })
    }, 60_000)

    it('nginx takes /api/v1 to A, B and the API host in turn, and the rest to A and B', async () => {
      const before = nginx.upstreamsSoFar().length
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => viaNginx('GET', '/api/v1/keys')),
      )
      expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(200))
      expect(upstreamsSince(before)).toEqual(
        new Set(instances.map((instance) => new URL(instance.url).host)),
      )
      const pagesFrom = nginx.upstreamsSoFar().length
      await Promise.all(Array.from({ length: 4 }, () => viaNginx('GET', '/api/products?limit=1')))
      expect(upstreamsSince(pagesFrom)).toEqual(
        new Set([appA, appB].map((app) => new URL(app.url).host)),
      )
    })

    it('activation race: of 3 × maxClients concurrent activations with distinct fingerprints exactly maxClients win, the rest are TOO_MANY_CLIENTS, the license counts maxClients seats, and 10 deactivations of one seat at once free it once', async () => {
      const maxClients = 5
      const license = await createLicense({ maxClients })
      const from = nginx.upstreamsSoFar().length
      const answers = await Promise.all(
        Array.from({ length: 3 * maxClients }, (_, index) =>
          viaNginx('POST', '/api/v1/licenses/activate', {
            body: {
              key: license.key,
              fingerprint: `cluster-machine-${index}`,
              nonce: `n-${index}`,
            },
          }),
        ),
      )
      expect(answers.map((answer) => answer.status)).toEqual(Array(3 * maxClients).fill(200))
      expect(countBy(answers.map((answer) => answer.body.code))).toEqual({
        ACTIVATED: maxClients,
        TOO_MANY_CLIENTS: 2 * maxClients,
      })
      expect(upstreamsSince(from).size).toBe(3)
      expect((await licenseById(license.id)).activeClients).toBe(maxClients)
      const rows = await asAdmin(
        'GET',
        `/api/activations?where[license][equals]=${license.id}&limit=0`,
      )
      expect(rows.body.totalDocs).toBe(maxClients)

      const winner = answers.find((answer) => answer.body.code === 'ACTIVATED')!.body.activation
        .fingerprint as string
      const deactivations = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          viaNginx('POST', '/api/v1/licenses/deactivate', {
            body: { key: license.key, fingerprint: winner, nonce: `d-${index}` },
          }),
        ),
      )
      expect(countBy(deactivations.map((answer) => answer.body.code))).toEqual({
        DEACTIVATED: 1,
        NOT_ACTIVE: 9,
      })
      expect((await licenseById(license.id)).activeClients).toBe(maxClients - 1)
    })

    it('validation counts kept by every instance add up: 30 validations through nginx are 30 on the license', async () => {
      const license = await createLicense({ maxClients: 1 })
      const fingerprint = 'cluster-counted'
      await viaNginx('POST', '/api/v1/licenses/activate', {
        body: { key: license.key, fingerprint, nonce: 'activate-counted' },
      })
      const from = nginx.upstreamsSoFar().length
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, index) =>
          viaNginx('POST', '/api/v1/licenses/validate', {
            body: { key: license.key, fingerprint, nonce: `v-${index}` },
          }),
        ),
      )
      expect(answers.map((answer) => answer.body.code)).toEqual(Array(30).fill('VALID'))
      expect(upstreamsSince(from).size).toBe(3)
      // Each instance writes its counts every 5 s.
      await expect
        .poll(async () => (await licenseById(license.id)).validationCount, {
          timeout: 15_000,
          interval: 500,
        })
        .toBe(30)
    })

    it('usage race: 50 concurrent uses of 1 on 20 credits record exactly 20, leave 0 credits, and one idempotency key sent 10 times at once is counted once', async () => {
      const fingerprint = 'cluster-metered'
      const license = await createLicense({ type: 'on-usage', credits: 20, maxClients: 3 })
      const activation = await viaNginx('POST', '/api/v1/licenses/activate', {
        body: { key: license.key, fingerprint, nonce: 'activate-metered' },
      })
      expect(activation.body.code).toBe('ACTIVATED')
      const use = (idempotencyKey: string) =>
        viaNginx('POST', '/api/v1/usage', {
          body: {
            key: license.key,
            fingerprint,
            quantity: 1,
            idempotencyKey,
            nonce: idempotencyKey,
          },
        })
      const from = nginx.upstreamsSoFar().length
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, index) => use(`cluster-use-${index}`)),
      )
      expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(200))
      expect(countBy(answers.map((answer) => answer.body.code))).toEqual({
        RECORDED: 20,
        NO_CREDIT: 30,
      })
      expect(upstreamsSince(from).size).toBe(3)
      expect((await licenseById(license.id)).credits).toBe(0)

      const topped = await createLicense({ type: 'on-usage', credits: 5, maxClients: 3 })
      await viaNginx('POST', '/api/v1/licenses/activate', {
        body: { key: topped.key, fingerprint, nonce: 'activate-topped' },
      })
      const retries = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          viaNginx('POST', '/api/v1/usage', {
            body: {
              key: topped.key,
              fingerprint,
              quantity: 1,
              idempotencyKey: 'cluster-same-use',
              nonce: `retry-${index}`,
            },
          }),
        ),
      )
      expect(retries.map((answer) => [answer.status, answer.body.code])).toEqual(
        Array(10).fill([200, 'RECORDED']),
      )
      expect(new Set(retries.map((answer) => answer.body.recordId)).size).toBe(1)
      expect((await licenseById(topped.id)).credits).toBe(4)
      const records = await asAdmin(
        'GET',
        `/api/usage-records?where[license][equals]=${topped.id}&limit=0`,
      )
      expect(records.body.totalDocs).toBe(1)
    })

    it('every instance answers the same signed manifest (bytes and ETag), a 304 for the ETag another gave, and serves a download link any of them made from the shared media folder', async () => {
      const manifestRoute =
        '/api/v1/updates/manifest?product=promonitor&line=v7&channel=stable&platform=windows-x64'
      const manifests = await Promise.all(
        instances.map((instance) => call(instance.url, 'GET', manifestRoute)),
      )
      for (const manifest of manifests) expect(manifest.status).toBe(200)
      const [first] = manifests
      expect(manifests.map((manifest) => manifest.headers.etag)).toEqual(
        Array(instances.length).fill(first.headers.etag),
      )
      for (const manifest of manifests) expect(manifest.bytes.equals(first.bytes)).toBe(true)
      for (const instance of instances) {
        const again = await call(instance.url, 'GET', manifestRoute, {
          headers: { 'If-None-Match': String(first.headers.etag) },
        })
        expect(again.status, instance.name).toBe(304)
      }

      const { artifact } = first.body.releases[0] as {
        artifact: { id: string; url: string; sha256: string; size: number }
      }
      expect(artifact.url.startsWith(`${nginx.url}/api/v1/downloads/`), artifact.url).toBe(true)
      const license = await createLicense({ maxClients: 1 })
      const link = await viaNginx('GET', new URL(artifact.url).pathname, {
        headers: { Authorization: `License ${license.key}` },
      })
      expect(link.status, JSON.stringify(link.body)).toBe(302)
      for (const instance of instances) {
        const file = await call(instance.url, 'GET', String(link.headers.location))
        expect(file.status, instance.name).toBe(200)
        expect(file.bytes.length).toBe(artifact.size)
        expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(artifact.sha256)
      }
    })

    it('trials once per email: 10 concurrent trial requests for one email make one trial license; each is counted from the client address nginx forwards, not one the client sends', async () => {
      const email = 'race@cluster.example'
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          viaNginx('POST', '/api/v1/trials', {
            body: { email, product: 'promonitor' },
            headers: { 'X-Forwarded-For': '203.0.113.7' },
          }),
        ),
      )
      const outcomes = answers.map((answer) => `${answer.status} ${answer.body.code}`)
      expect(
        outcomes.filter((outcome) => outcome === '201 TRIAL_CREATED'),
        outcomes.join(', '),
      ).toHaveLength(1)
      expect(
        outcomes.every((outcome) =>
          ['201 TRIAL_CREATED', '409 TRIAL_EXISTS', '429 RATE_LIMITED'].includes(outcome),
        ),
        outcomes.join(', '),
      ).toBe(true)
      const companies = await asAdmin(
        'GET',
        `/api/customers?where[contacts.email][equals]=${encodeURIComponent(email)}&limit=0`,
      )
      expect(companies.body.totalDocs).toBe(1)
      const trials = await asAdmin(
        'GET',
        `/api/licenses?where[customer][in]=${companies.body.docs[0]?.id}&limit=0`,
      )
      expect(trials.body.totalDocs).toBe(1)
      // The client is 127.0.0.1; nginx connects from 127.0.0.2 and the client's own header is a lie.
      const requests = await asAdmin(
        'GET',
        `/api/trial-requests?where[email][equals]=${encodeURIComponent(email)}&limit=100&depth=0`,
      )
      expect(requests.body.totalDocs).toBe(10)
      expect(
        new Set(requests.body.docs.map((request: { address: string }) => request.address)),
      ).toEqual(new Set(['127.0.0.1']))
    })

    it('a pull reaches every instance’s manifest within its cache window', async () => {
      const manifestRoute =
        '/api/v1/updates/manifest?product=promonitor&line=v6&channel=stable&platform=windows-x64'
      // Four requests per instance, each on its own connection: both API host workers answer.
      const latestEverywhere = async () =>
        (
          await Promise.all(
            instances.flatMap((instance) =>
              Array.from({ length: 4 }, async () => {
                const answer = await call(instance.url, 'GET', manifestRoute)
                expect(answer.status).toBe(200)
                return answer.body.releases[0]?.version as string | undefined
              }),
            ),
          )
        ).sort()
      // Every instance has the manifest cached before the pull.
      expect(new Set(await latestEverywhere())).toEqual(new Set(['6.9.2']))

      const release = await asAdmin('GET', '/api/releases?where[version][equals]=6.9.2&depth=0')
      expect(release.body.totalDocs).toBe(1)
      const pulled = await asAdmin(
        'POST',
        `/api/releases/${release.body.docs[0].id}/actions/pull`,
        {},
      )
      expect(pulled.status, JSON.stringify(pulled.body)).toBe(200)
      const pulledAt = Date.now()
      let seenEverywhereAfter = Infinity
      while (Date.now() - pulledAt < 15_000) {
        const latest = await latestEverywhere()
        if (!latest.includes('6.9.2')) {
          seenEverywhereAfter = Date.now() - pulledAt
          break
        }
        await sleep(100)
      }
      console.info(
        `cluster: the pull was in every instance's manifest after ${seenEverywhereAfter} ms`,
      )
      // The cache window: each instance checks the channel's sequence every 2 s.
      expect(seenEverywhereAfter).toBeLessThan(5_000)
      for (const instance of instances) {
        const manifest = await call(instance.url, 'GET', manifestRoute)
        expect(manifest.body.pulled, instance.name).toEqual(
          expect.arrayContaining([expect.objectContaining({ version: '6.9.2' })]),
        )
      }
    })

    it('key rotation without a restart: after `npm run signing-key:rotate`, A, B and both API host workers sign with the staged key within seconds, and /api/v1/keys hands over from the old key', async () => {
      const license = await createLicense({ maxClients: 1 })
      const fingerprint = 'cluster-rotation'
      await viaNginx('POST', '/api/v1/licenses/activate', {
        body: { key: license.key, fingerprint, nonce: 'activate-rotation' },
      })
      const kidsEverywhere = async () =>
        Promise.all(
          instances.flatMap((instance) =>
            Array.from({ length: 4 }, async () => {
              const answer = await call(instance.url, 'POST', '/api/v1/licenses/validate', {
                body: { key: license.key, fingerprint, nonce: randomUUID() },
              })
              expect(answer.body.code).toBe('VALID')
              return kidOf(answer.body.signed)
            }),
          ),
        )
      expect(new Set(await kidsEverywhere())).toEqual(new Set([current.kid]))

      const rotation = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
        (resolve) => {
          const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hub-e2e-rotate-'))
          const child = spawn('npm', ['run', '--silent', 'signing-key:rotate'], {
            env: { ...process.env, ...sharedEnv, NODE_ENV: 'production', DATA_DIR: dataDir },
            stdio: ['ignore', 'pipe', 'pipe'],
          })
          let stdout = ''
          let stderr = ''
          child.stdout.on('data', (chunk) => (stdout += chunk))
          child.stderr.on('data', (chunk) => (stderr += chunk))
          child.on('exit', (code) => {
            rmSync(dataDir, { recursive: true, force: true })
            resolve({ code, stdout, stderr })
          })
        },
      )
      expect(rotation.code, rotation.stderr).toBe(0)
      expect(JSON.parse(rotation.stdout.trim().split('\n').at(-1)!)).toEqual({
        kid: next.kid,
        previousKid: current.kid,
      })
      const rotatedAt = Date.now()
      let followedAfter = Infinity
      while (Date.now() - rotatedAt < 15_000) {
        if ((await kidsEverywhere()).every((kid) => kid === next.kid)) {
          followedAfter = Date.now() - rotatedAt
          break
        }
        await sleep(100)
      }
      console.info(
        `cluster: every instance signed with the staged key ${followedAfter} ms after the rotation`,
      )
      // Each instance checks the active kid every SIGNING_KEY_REFRESH_MS (500 ms here).
      expect(followedAfter).toBeLessThan(4_000)

      const keys = await viaNginx('GET', '/api/v1/keys')
      expect(keys.body.keys.map((key: { kid: string }) => key.kid)).toEqual([current.kid, next.kid])
      const trust = new TrustStore([current.publicJwk])
      expect(await trust.acceptKeyStatements(keys.body.statements)).toEqual([next.kid])
      const validation = await viaNginx('POST', '/api/v1/licenses/validate', {
        body: { key: license.key, fingerprint, nonce: 'after-rotation' },
      })
      await expect(
        trust.verify(validation.body.signed, SignedKind.validation),
      ).resolves.toMatchObject({ header: { kid: next.kid } })
    })

    type OutboxRow = {
      id: number
      to: string
      templateKey: string
      license?: number | null
      status: string
      messageId?: string | null
      idempotencyKey: string
    }
    const outboxRows = async () =>
      (await asAdmin('GET', '/api/outbox?limit=10000&depth=0&sort=id')).body.docs as OutboxRow[]
    /** `request` sent to A and to B at the same moment, each with the same staff login. */
    const onBoth = (method: string, route: string, body: unknown) =>
      Promise.all([appA, appB].map((app) => call(app.url, method, route, { body, headers: admin })))
    let releaseRecipients: string[] = []

    it('publishing a release on A and B at once queues its mail once per recipient', async () => {
      const draft = await asAdmin('POST', '/api/releases?draft=true', {
        product: productId,
        line: 'v7',
        channel: 'stable',
        version: '7.99.0',
        rolloutPercent: 100,
        summary: 'The cluster release',
        notifyByEmail: true,
        status: 'draft',
        _status: 'draft',
      })
      expect(draft.status, JSON.stringify(draft.body)).toBe(201)
      const release = draft.body.doc as {
        id: number
        recipients: Array<{ email: string; include: boolean }>
      }
      releaseRecipients = release.recipients
        .filter((recipient) => recipient.include)
        .map((recipient) => recipient.email)
        .sort()
      expect(releaseRecipients.length).toBeGreaterThan(1)

      const published = await onBoth('PATCH', `/api/releases/${release.id}`, {
        status: 'published',
        _status: 'published',
      })
      for (const answer of published) expect(answer.status, JSON.stringify(answer.body)).toBe(200)
      const mails = (await outboxRows()).filter((row) =>
        row.idempotencyKey.startsWith(`release:${release.id}:`),
      )
      expect(mails.map((row) => row.to).sort()).toEqual(releaseRecipients)
    })

    it('license alerts: the sweep every instance starts at boot ran once, and run on A and B at once queues each alert once per recipient', async () => {
      const today = new Date().toISOString().slice(0, 10)
      const runs = await asAdmin(
        'GET',
        `/api/scheduled-runs?where[task][equals]=license-alerts&depth=0&limit=100`,
      )
      expect(
        runs.body.docs.map((run: { runKey: string; status: string }) => [run.runKey, run.status]),
      ).toEqual([[`license-alerts:${today}`, 'done']])

      const day = 24 * 3600_000
      const license = await createLicense({
        maxClients: 1,
        expiresAt: new Date(Date.now() + 3 * day - 3600_000).toISOString(),
      })
      const sweepOnBoth = async () => {
        const answers = await onBoth('POST', '/api/scheduled-runs/run-now', {
          task: 'license-alerts',
        })
        for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBe(200)
      }
      await sweepOnBoth()
      const alerts = (await outboxRows()).filter((row) => row.license === license.id)
      expect(alerts.length).toBeGreaterThan(0)
      const perRecipient = countBy(alerts.map((row) => `${row.to} ${row.templateKey}`))
      expect(Object.values(perRecipient), JSON.stringify(perRecipient)).toEqual(
        Array(alerts.length).fill(1),
      )
      // Again on both: everything due today is queued already.
      await sweepOnBoth()
      expect((await outboxRows()).filter((row) => row.license === license.id)).toHaveLength(
        alerts.length,
      )
    })

    it('retention run on A and B at once: the expired release is archived and its files deleted, neither fails, and a run after it has nothing left to do', async () => {
      // ProMonitor keeps 90 days: 7.2.0 (180 days old) and 6.8.0 expire; 6.9.0 (200 days) stays,
      // as the version the pulled 6.9.2 sends apps back to.
      const product = await asAdmin('PATCH', `/api/products/${productId}`, {
        keepVersionsDays: 90,
      })
      expect(product.status, JSON.stringify(product.body)).toBe(200)
      await sleep(2_500) // every instance re-reads the catalogue within 2 s of a change
      const answers = await onBoth('POST', '/api/scheduled-runs/run-now', { task: 'retention' })
      for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBe(200)
      const archived = answers.flatMap(
        (answer) => (answer.body.result as { archived: string[] }).archived,
      )
      expect(new Set(archived)).toEqual(new Set(['promonitor v6 6.8.0', 'promonitor v7 7.2.0']))

      const release = await asAdmin(
        'GET',
        `/api/releases?where[version][equals]=7.2.0&where[product][equals]=${productId}&depth=0`,
      )
      expect(release.body.docs[0].archived).toBe(true)
      const artifacts = await asAdmin(
        'GET',
        `/api/artifacts?where[release][equals]=${release.body.docs[0].id}&depth=0`,
      )
      expect(artifacts.body.totalDocs).toBeGreaterThan(0)
      for (const artifact of artifacts.body.docs) expect(artifact.fileDeletedAt).toBeTruthy()
      const again = await call(appB.url, 'POST', '/api/scheduled-runs/run-now', {
        body: { task: 'retention' },
        headers: admin,
      })
      expect(again.body.result).toEqual({ archived: [], deletedFiles: 0 })
    })

    it('every queued mail is delivered once, though every instance delivers the outbox (its timer, and run now on A and B at once)', async () => {
      // Some may be sent already: four instances deliver every 15 s.
      const answers = await onBoth('POST', '/api/scheduled-runs/run-now', {
        task: 'deliver-outbox',
      })
      for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBe(200)
      let rows = await outboxRows()
      const deadline = Date.now() + 30_000
      while (rows.some((row) => row.status !== 'sent') && Date.now() < deadline) {
        await sleep(500)
        rows = await outboxRows()
      }
      expect(countBy(rows.map((row) => row.status))).toEqual({ sent: rows.length })
      await smtp.waitFor(rows.length)
      await sleep(500)
      const messageIds = smtp.mails.map((mail) => mail.messageId)
      expect(messageIds).toHaveLength(rows.length)
      expect(new Set(messageIds)).toEqual(new Set(rows.map((row) => row.messageId)))
      const releaseMailsTo = smtp.mails
        .filter((mail) => mail.subject?.includes('7.99.0'))
        .map((mail) => (mail.to as { text: string }).text)
        .sort()
      expect(releaseMailsTo).toEqual(releaseRecipients)
    })

    // The odd-input property of docs/odd-input.md through the load balancer: the generators of
    // test/security/oddInput.property.spec.ts against nginx, on PostgreSQL, several instances.
    // Last, so the writes it does make (an accepted activation, trial…) touch no test above.
    // CLUSTER_PROPERTY_RUNS=50 searches deeper.
    it('every /api/v1 endpoint through nginx answers 2xx, 3xx or a 4xx with a code, never a 5xx, and a refused request changes no licenses, activations, usage records, trial requests or outbox rows', async () => {
      const database = new pg.Client({ connectionString: sharedEnv.DATABASE_URL })
      await database.connect()
      const rowCounts = async () =>
        (
          await database.query(
            `SELECT (SELECT count(*) FROM licenses) AS licenses,
               (SELECT count(*) FROM activations) AS activations,
               (SELECT count(*) FROM usage_records) AS "usageRecords",
               (SELECT count(*) FROM trial_requests) AS "trialRequests",
               (SELECT count(*) FROM outbox) AS outbox`,
          )
        ).rows[0] as Record<string, string>
      try {
        const license = await createLicense({ maxClients: 2 })
        const artifacts = await asAdmin('GET', '/api/artifacts?limit=1&depth=0&sort=-id')
        const knownGood = fc.constantFrom<unknown>(
          license.key,
          'promonitor',
          'v7',
          'v6',
          'stable',
          'linux-x64',
          '7.3.0',
          'fp-1',
          customerId,
          'trial',
          'subscription',
          3,
        )
        const credentials = [
          {},
          { Authorization: `License ${license.key}` },
          { Authorization: 'License PMON-0000-0000-0000-0000' },
          { Authorization: 'Bearer nonsense' },
          admin,
        ]
        const operations = operationsOf(
          (await viaNginx('GET', '/api/v1/openapi.json')).body as never,
        )
        expect(operations.length).toBeGreaterThanOrEqual(12)
        const runsPerEndpoint = Number(process.env.CLUSTER_PROPERTY_RUNS) || 20
        const statuses: number[] = []
        for (const { method, path: route, operation } of operations) {
          const hasBody = method !== 'GET' && method !== 'HEAD'
          await fc.assert(
            fc.asyncProperty(
              pathFor(route, String(artifacts.body.docs[0]?.id ?? 1)),
              queryFor(operation, knownGood),
              hasBody ? bodyFor(operation, knownGood) : fc.constant(undefined),
              fc.constantFrom(...credentials),
              clientAddress,
              async (filledPath, query, rawBody, headers, address) => {
                const before = await rowCounts()
                const answer = await viaNginx(
                  method,
                  `${filledPath}${query ? `?${query}` : ''}`,
                  // nginx appends the real address to X-Forwarded-For: the instances count the
                  // client's one (429s are fine answers here).
                  { rawBody, headers: { ...headers, 'X-Forwarded-For': address } },
                )
                statuses.push(answer.status)
                const context = `${method} ${filledPath}?${query} ${rawBody?.slice(0, 200)}: ${describeAnswer(answer)}`
                expect(answer.status, context).toBeLessThan(500)
                if (answer.status >= 400) {
                  // nginx refuses some requests itself (a NUL in the path: its own 400 page) and
                  // they never reach an instance; every instance's answer carries a request id.
                  const fromInstance = answer.headers['x-request-id'] !== undefined
                  if (fromInstance) expect(answer.body.code, context).toEqual(expect.any(String))
                  else expect(answer.bytes.toString(), context).toContain('nginx')
                  expect(await rowCounts(), context).toEqual(before)
                }
              },
            ),
            { numRuns: runsPerEndpoint },
          )
        }
        console.info(
          `cluster fuzz: ${statuses.length} requests through nginx, by status ${JSON.stringify(countBy(statuses.map(String)))}`,
        )
      } finally {
        await database.end()
      }
    })
  },
)
