import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from './freePort'

export type NextServer = { url: string; logs: string[]; stop: () => Promise<void> }

/**
 * `npm start` (the app's server in front of Next) on the production build, on a fresh embedded
 * database seeded on first start: what
 * a newcomer gets, in production mode (migrations, no schema push).
 */
export const startNextServer = async (env: Record<string, string> = {}): Promise<NextServer> => {
  const port = await freePort()
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hub-e2e-data-'))
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'hub-e2e-media-'))
  const url = `http://127.0.0.1:${port}`
  const logs: string[] = []
  // What `npm start` runs: the app's own server (src/server/nextServer.ts) serving the build.
  const child: ChildProcess = spawn(
    process.execPath,
    ['--no-deprecation', '--import', 'tsx', 'src/server/nextServer.ts'],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        PORT: String(port),
        HOST: '127.0.0.1',
        PAYLOAD_SECRET: 'e2e-secret-0123456789',
        DATA_DIR: dataDir,
        MEDIA_DIR: mediaDir,
        DATABASE_URL: `file:${path.join(dataDir, 'hub.db')}`,
        PUBLIC_URL: url,
        SEED_ON_INIT: 'true',
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
    if (child.exitCode === null) {
      process.kill(-child.pid!, 'SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
    }
    for (const dir of [dataDir, mediaDir]) rmSync(dir, { recursive: true, force: true })
  }

  // Payload initialises (migrates, seeds) on the first request: wait for the catalogue to answer.
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`npm start exited with ${child.exitCode}:\n${logs.join('')}`)
    try {
      const response = await fetch(`${url}/api/products?limit=1`)
      if (response.ok && ((await response.json()) as { totalDocs: number }).totalDocs > 0)
        return { url, logs, stop }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  await stop()
  throw new Error(`npm start did not become ready:\n${logs.join('')}`)
}
