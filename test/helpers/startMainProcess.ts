import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import type { TestPayload } from './bootPayload'

const repoRoot = path.resolve(import.meta.dirname, '../..')

/** A cold start compiles the server with tsx first; workers start one after another. */
const startTimeoutMs = 90_000

export type RunningHost = {
  child: ChildProcess
  url: string
  output: () => string
  exited: Promise<number | null>
  /** SIGTERM, then waits for the exit (SIGKILL after 30 s). */
  stop: () => Promise<void>
}

/**
 * `npm run start:api` (src/server/main.ts) as production runs it, in its own process with its
 * own Payload, on the database and data folder of `booted`; PORT=0. `env` adds variables
 * (API_HOST_WORKERS, METRICS_TOKEN, REDIS_URL, …).
 */
export const startMainProcess = async (
  booted: TestPayload,
  env: Record<string, string> = {},
): Promise<RunningHost> => {
  const workers = Number(env.API_HOST_WORKERS ?? 1)
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
        ...env,
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
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`API host did not start:\n${output}`))
    }, startTimeoutMs)
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
  const stop = async () => {
    if (child.exitCode !== null) return
    child.kill('SIGTERM')
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    await exited
    clearTimeout(killer)
  }
  return { child, url, output: () => output, exited, stop }
}
