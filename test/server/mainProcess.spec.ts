import { spawn, type ChildProcess } from 'node:child_process'
import { Agent, request } from 'node:http'
import { connect } from 'node:net'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { addDays } from '../../src/lib/time'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCustomer, createLicense, createProduct } from '../helpers/fixtures'
import { jsonOf, rawRequest } from './rawHttp'

const repoRoot = path.resolve(import.meta.dirname, '../..')

/**
 * A cold start compiles the whole server with tsx first: 4 s here, 12 s with every core busy;
 * workers start one after another.
 */
const startTimeoutMs = 90_000

type RunningHost = {
  child: ChildProcess
  url: string
  output: () => string
  exited: Promise<number | null>
}

/**
 * `npm run start:api`, as production runs it: its own process and its own Payload, here on the
 * database (and data folder, so the same signing key) this test file set up. PORT=0.
 */
const startMainProcess = async (booted: TestPayload, workers: number): Promise<RunningHost> => {
  // The node command of the start:api script rather than npm: one process, so the pid the test
  // signals (or kills if it fails) is the server itself.
  const child = spawn(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', 'src/server/main.ts'],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        NODE_OPTIONS: '--no-deprecation',
        DATABASE_URL: booted.cacheKey,
        DATA_DIR: booted.dataDir,
        MEDIA_DIR: booted.mediaDir,
        PORT: '0',
        SEED_ON_INIT: 'false',
        SCHEDULED_TASKS: 'off',
        API_HOST_WORKERS: String(workers),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`API host did not start:\n${output}`)),
      startTimeoutMs,
    )
    // One process says it serves; a primary says so once every worker does.
    const ready =
      workers > 1
        ? /primary: \d+ workers serving \/api\/v1 on (http:\/\/[\w.:[\]-]+)/
        : /serving \/api\/v1 on (http:\/\/[\w.:[\]-]+)/
    const look = () => {
      const found = ready.exec(output)
      if (found) {
        clearTimeout(timer)
        resolve(found[1].replace('localhost', '127.0.0.1'))
      }
    }
    child.stdout!.on('data', look)
    child.stderr!.on('data', look)
    void exited.then((code) => reject(new Error(`API host exited with ${code}:\n${output}`)))
  })
  return { child, url, output: () => output, exited }
}

let booted: TestPayload
let license: { id: number; key: string }
let running: RunningHost | undefined

const validate = (url: string, nonce?: string) =>
  fetch(`${url}/api/v1/licenses/validate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key: license.key, nonce }),
  })
const validationCount = async () =>
  (await booted.payload.findByID({ collection: 'licenses', id: license.id, overrideAccess: true }))
    .validationCount ?? 0
const workerPids = (output: string) =>
  [...output.matchAll(/serving \/api\/v1 on \S+ \(worker (\d+)\)/g)].map((found) =>
    Number(found[1]),
  )

beforeAll(async () => {
  booted = await bootPayload()
  const { payload } = booted
  const product = await createProduct(payload, 'promonitor', {
    name: 'ProMonitor',
    lines: ['v7'],
    platforms: ['linux-x64'],
  })
  const created = await createLicense(payload, {
    customer: await createCustomer(payload, 'Acme Industrial'),
    product,
    type: 'perpetual',
    startsAt: addDays(new Date(), -1).toISOString(),
    expiresAt: null,
  })
  license = { id: created.id, key: created.key as string }
})

afterAll(async () => {
  if (running && running.child.exitCode === null) running.child.kill('SIGKILL')
  await booted?.shutdown()
})

describe.each([1, 2])('npm run start:api (src/server/main.ts), API_HOST_WORKERS=%i', (workers) => {
  it(
    'boots its own Payload, serves /api/v1 and only /api/v1',
    async () => {
      running = await startMainProcess(booted, workers)
      const openapi = await fetch(`${running.url}/api/v1/openapi.json`)
      expect(openapi.status).toBe(200)
      expect(((await openapi.json()) as { openapi: string }).openapi).toBe('3.1.0')
      const admin = await rawRequest(running.url, { path: '/admin' })
      expect(admin.status).toBe(404)
      expect(jsonOf(admin).code).toBe('NOT_FOUND')
    },
    startTimeoutMs + 10_000,
  )

  it('on SIGTERM finishes an in-flight validation, writes the batched counts, closes the database and exits 0', async () => {
    const host = running!
    const countBefore = await validationCount()
    // Connections go to the workers in turn: each has counts of its own to write.
    for (let count = 0; count < 4; count += 1)
      expect(((await (await validate(host.url)).json()) as { code: string }).code).toBe('VALID')

    // An idle keep-alive connection must not hold the exit.
    const agent = new Agent({ keepAlive: true })
    const { hostname, port } = new URL(host.url)
    await new Promise<void>((resolve, reject) => {
      request({ host: hostname, port, path: '/api/v1/openapi.json', agent }, (incoming) =>
        incoming.resume().on('end', resolve),
      )
        .on('error', reject)
        .end()
    })
    expect(Object.values(agent.freeSockets).flat()).toHaveLength(1)

    // A validation in flight: headers and half its body are sent when SIGTERM arrives.
    const body = Buffer.from(JSON.stringify({ key: license.key, nonce: 'in-flight' }))
    const socket = connect(Number(port), hostname)
    await new Promise((resolve) => socket.once('connect', resolve))
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString()))
    const answered = new Promise((resolve) => socket.once('end', resolve))
    // Expect: 100-continue makes the worker say when it holds the request (a fixed wait was not
    // enough on a loaded machine: the connection could still be on its way to a worker).
    socket.write(
      `POST /api/v1/licenses/validate HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\n\r\n`,
    )
    await expect.poll(() => answer, { timeout: 10_000 }).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\n/)
    answer = ''
    socket.write(body.subarray(0, 10))

    const started = Date.now()
    host.child.kill('SIGTERM')
    await expect.poll(() => host.output(), { timeout: 5_000 }).toMatch(/SIGTERM: draining/)
    const newRequest = () =>
      fetch(`${host.url}/api/v1/openapi.json`).then(
        () => 'served',
        () => 'refused',
      )
    await expect.poll(newRequest, { timeout: 5_000 }).toBe('refused')
    socket.write(body.subarray(10))
    await answered
    expect(answer).toMatch(/^HTTP\/1\.1 200/)
    expect(answer.toLowerCase()).toContain('connection: close')
    expect(answer).toContain('"code":"VALID"')

    expect(await host.exited).toBe(0)
    expect(Date.now() - started).toBeLessThan(8_000)
    expect(host.output()).toMatch(/API host stopped/)
    agent.destroy()

    expect(await validationCount()).toBe(countBefore + 5)
    if (workers > 1)
      await expect.poll(() => host.output().match(/API host stopped/g)?.length).toBe(workers)
  })
})

describe('npm run start:api with API_HOST_WORKERS=2: a worker that dies', () => {
  it(
    'is replaced, and the other serves meanwhile',
    async () => {
      running = await startMainProcess(booted, 2)
      const host = running
      // Each worker logs on its own stdout buffer: its line may come after the primary's.
      await expect.poll(() => workerPids(host.output()).length, { timeout: 5_000 }).toBe(2)
      const [first] = workerPids(host.output())
      process.kill(first, 'SIGKILL')
      await expect
        .poll(() => host.output(), { timeout: 5_000 })
        .toMatch(new RegExp(`worker ${first} exited \\(SIGKILL\\): starting another`))
      // Until the replacement listens, the survivor answers every request.
      for (let count = 0; count < 4; count += 1) expect((await validate(host.url)).status).toBe(200)
      await expect.poll(() => workerPids(host.output()).length, { timeout: startTimeoutMs }).toBe(3)
      host.child.kill('SIGTERM')
      expect(await host.exited).toBe(0)
    },
    startTimeoutMs * 2,
  )
})
