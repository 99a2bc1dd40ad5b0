// `npm run check:fresh-clone`: what a newcomer does, proved. Clones this repository into an empty
// folder, runs `npm ci`, starts the README's run command (`npm run dev`, the embedded default with
// nothing configured), and requires /admin/login to answer 200 and the seeded V7 stable manifest
// to verify with the SDK against the server's published keys. Prints how long each step took.
// An ignored folder that existed only on one machine once hid a start that failed for everyone.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { TrustStore, assertManifestIsFor, verifyManifest } from '../src/sdk'

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const manifestPath =
  '/api/v1/updates/manifest?product=promonitor&line=v7&channel=stable&platform=linux-x64'
/** How long the started app may take to answer its first page (first compile, migrations, seed). */
const startTimeoutMs = Number(process.env.FRESH_CLONE_START_TIMEOUT_MS || 420_000)

// The app's own settings (.env.example) are left out: a newcomer has none of them.
const appSettings = readFileSync(path.join(repository, '.env.example'), 'utf8')
  .split('\n')
  .map((line) => line.match(/^([A-Z][A-Z0-9_]*)=/)?.[1])
  .filter((name): name is string => Boolean(name))

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`
const log = (message: string) => console.log(`[fresh clone] ${message}`)

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

const run = (command: string, args: string[], cwd: string) => {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' })
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`)
}

/**
 * GETs `url` until it answers (the first request waits for the compile); fails when `app` dies or
 * time runs out.
 */
const firstAnswer = async (url: string, app: ChildProcess, deadline: number): Promise<Response> => {
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`npm run dev exited with code ${app.exitCode}`)
    try {
      return await fetch(url, { signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())) })
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  throw new Error(`no answer from ${url} within ${startTimeoutMs / 1000} s`)
}

const groupIsAlive = (pid: number) => {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Stops `npm run dev` and every process under it (Next's workers write to .next until they exit).
 */
const stopApp = async (app: ChildProcess) => {
  const pid = app.pid!
  if (!groupIsAlive(pid)) return
  process.kill(-pid, 'SIGTERM')
  for (let waited = 0; groupIsAlive(pid) && waited < 10_000; waited += 100)
    await new Promise((resolve) => setTimeout(resolve, 100))
  if (groupIsAlive(pid)) process.kill(-pid, 'SIGKILL')
}

const folder = mkdtempSync(path.join(os.tmpdir(), 'hub-fresh-clone-'))
const clone = path.join(folder, 'hub')
const logs: Array<{ at: number; text: string }> = []
/**
 * The dev server's milestones (ready, compiles, requests, seeding) with when they came, to see
 * where a slow start goes.
 */
const timeline = (since: number) =>
  logs
    .flatMap(({ at, text }) => text.split('\n').map((line) => ({ at, line: line.trim() })))
    .filter(({ line }) => /Ready in|Compil|GET |seed|Seed/.test(line))
    .map(({ at, line }) => `  +${((at - since) / 1000).toFixed(1)} s  ${line}`)
    .join('\n')
let devStarted = 0
let app: ChildProcess | undefined
let failed = false
try {
  let started = Date.now()
  run('git', ['clone', '--quiet', '--no-hardlinks', repository, clone], folder)
  // FRESH_CLONE_REF checks out another commit of the clone (to show the check failing on an old
  // one).
  if (process.env.FRESH_CLONE_REF)
    run('git', ['checkout', '--quiet', process.env.FRESH_CLONE_REF], clone)
  log(
    `cloned ${spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: clone, encoding: 'utf8' }).stdout.trim()} in ${seconds(started)}`,
  )

  started = Date.now()
  run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], clone)
  log(`npm ci in ${seconds(started)}`)

  const port = await freePort()
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) }
  for (const name of [...appSettings, 'NODE_ENV', 'TEST_DATABASE', 'FRESH_CLONE_REF'])
    if (name !== 'PORT') delete env[name]
  started = Date.now()
  app = spawn('npm', ['run', 'dev'], {
    cwd: clone,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  devStarted = started
  for (const stream of [app.stdout!, app.stderr!])
    stream.on('data', (chunk) => logs.push({ at: Date.now(), text: String(chunk) }))
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + startTimeoutMs

  const login = await firstAnswer(`${base}/admin/login`, app, deadline)
  if (login.status !== 200) throw new Error(`/admin/login answered ${login.status}`)
  log(`npm run dev → first 200 from /admin/login after ${seconds(started)}`)

  const manifestStarted = Date.now()
  const manifest = await firstAnswer(`${base}${manifestPath}`, app, deadline)
  if (manifest.status !== 200)
    throw new Error(`the manifest answered ${manifest.status}: ${await manifest.text()}`)
  const keys = (await (await firstAnswer(`${base}/api/v1/keys`, app, deadline)).json()) as {
    keys: ConstructorParameters<typeof TrustStore>[0]
  }
  const verified = await verifyManifest(await manifest.text(), new TrustStore(keys.keys))
  assertManifestIsFor(verified, {
    product: 'promonitor',
    line: 'v7',
    channel: 'stable',
    platform: 'linux-x64',
  })
  if (verified.releases.length === 0) throw new Error('the seeded manifest lists no release')
  log(
    `signed manifest (sequence ${verified.sequence}, ${verified.releases.length} releases, newest ${verified.releases[0].version}) verified after ${seconds(manifestStarted)} more`,
  )
  log(`where the start went:\n${timeline(devStarted)}`)
  log('passed')
} catch (error) {
  failed = true
  console.error(`[fresh clone] FAILED: ${(error as Error).message}`)
  if (logs.length > 0)
    console.error(
      `--- npm run dev (last lines) ---\n${logs
        .map(({ text }) => text)
        .join('')
        .split('\n')
        .slice(-60)
        .join('\n')}`,
    )
} finally {
  if (app) await stopApp(app)
  if (process.env.FRESH_CLONE_KEEP !== '1')
    rmSync(folder, { recursive: true, force: true, maxRetries: 5 })
}
process.exit(failed ? 1 : 0)
