import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from './freePort'

export type ApiHostProcess = { url: string; logs: string[]; stop: () => Promise<void> }

/**
 * `npm run start:api` (the API host: headless Payload serving /api/v1 on node:http) as its own
 * process group, in production mode, with `env` over the defaults. With `API_HOST_WORKERS` > 1 it
 * resolves once the primary says every worker listens.
 */
export const startApiHostProcess = async (
  env: Record<string, string> = {},
): Promise<ApiHostProcess> => {
  const port = await freePort()
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hub-e2e-api-data-'))
  const url = `http://127.0.0.1:${port}`
  const logs: string[] = []
  const workers = Number(env.API_HOST_WORKERS ?? 1)
  // What `npm run start:api` runs.
  const child = spawn(
    process.execPath,
    ['--no-deprecation', '--conditions=production', '--import', 'tsx', 'src/server/main.ts'],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        API_HOST_PORT: String(port),
        PAYLOAD_SECRET: 'e2e-secret-0123456789',
        DATA_DIR: dataDir,
        SCHEDULED_TASKS: 'off',
        SMTP_URL: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  )
  child.stdout?.on('data', (chunk) => logs.push(String(chunk)))
  child.stderr?.on('data', (chunk) => logs.push(String(chunk)))

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      process.kill(-child.pid!, 'SIGTERM')
      await exited
    }
    rmSync(dataDir, { recursive: true, force: true })
  }

  const isReady = () =>
    workers > 1
      ? logs.join('').includes(`${workers} workers serving /api/v1`)
      : logs.join('').includes('API host: serving /api/v1')
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`npm run start:api exited with ${child.exitCode}:\n${logs.join('')}`)
    if (isReady()) {
      const keys = await fetch(`${url}/api/v1/keys`).catch(() => undefined)
      if (keys?.ok) return { url, logs, stop }
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  await stop()
  throw new Error(`npm run start:api did not become ready:\n${logs.join('')}`)
}
