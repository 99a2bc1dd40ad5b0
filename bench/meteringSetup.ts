// What the PostgreSQL benches share: the hosts' environment, the data meteringPrepare.ts makes,
// and a single-process API host on it.
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { MeteringPrepared } from './meteringPrepare'
import { freePort, spawnLogged, startServer, waitForExit, type ChildServer } from './processes'

/** As `npm run start:api` runs a script (see src/server/main.ts for the condition). */
export const tsx = (script: string, ...args: string[]) => ({
  command: process.execPath,
  args: ['--conditions=production', '--import', 'tsx', script, ...args],
})

export const meteringEnv = (databaseUrl: string, workDir: string): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: databaseUrl,
  DATA_DIR: path.join(workDir, 'data'),
  MEDIA_DIR: path.join(workDir, 'media'),
  PAYLOAD_SECRET: randomBytes(24).toString('hex'),
  SIGNING_PRIVATE_JWK: JSON.stringify(
    generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }),
  ),
  SEED_ON_INIT: 'false',
  SCHEDULED_TASKS: 'off',
  SMTP_URL: '',
  S3_BUCKET: '',
  // The prepare step boots on the migrations, as production does; so does the host.
  NODE_ENV: 'production',
  NODE_OPTIONS: '--no-deprecation',
})

/** Runs meteringPrepare.ts as a child process and returns what it made. */
export const prepareMetering = async (
  env: NodeJS.ProcessEnv,
  workDir: string,
  usageLicenses: number,
  sweepLicenses: number,
): Promise<MeteringPrepared> => {
  const prepare = tsx('bench/meteringPrepare.ts', String(usageLicenses), String(sweepLicenses))
  const { child, logFile } = spawnLogged(
    'metering-prepare',
    prepare.command,
    prepare.args,
    env,
    workDir,
  )
  await waitForExit(child, 'Preparing the metering bench', logFile)
  const line = readFileSync(logFile, 'utf8')
    .split('\n')
    .find((text) => text.startsWith('PREPARED '))
  if (!line) throw new Error(`meteringPrepare.ts printed no PREPARED line; see ${logFile}`)
  return JSON.parse(line.slice('PREPARED '.length)) as MeteringPrepared
}

/** One API host process (API_HOST_WORKERS=1) on the bench's database, on a free port. */
export const startMeteringHost = async (
  name: string,
  env: NodeJS.ProcessEnv,
  workDir: string,
  extraEnv: Record<string, string> = {},
): Promise<ChildServer> => {
  const port = await freePort()
  return startServer({
    name,
    ...tsx('src/server/main.ts'),
    env: {
      ...env,
      ...extraEnv,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      API_HOST_WORKERS: '1',
    },
    workDir,
    port,
    readyPath: '/api/v1/openapi.json',
  })
}
