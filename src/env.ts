import path from 'node:path'

/**
 * Every setting comes from the environment (documented in README.md and .env.example); this is
 * the one place that reads it, so defaults live in one place too.
 */
const isBuildStep = process.env.NEXT_PHASE === 'phase-production-build'
const isProduction = process.env.NODE_ENV === 'production'

const requiredInProduction = (name: string, developmentDefault: string): string => {
  const value = process.env[name]
  if (value) return value
  if (isProduction && !isBuildStep) {
    throw new Error(`${name} must be set in production (see README.md, "Configuration").`)
  }
  return developmentDefault
}

const flag = (name: string, defaultValue: boolean): boolean => {
  const value = process.env[name]?.trim().toLowerCase()
  if (!value) return defaultValue
  return !['0', 'false', 'off', 'no'].includes(value)
}

const wholeNumber = (name: string, defaultValue: number): number => {
  const value = process.env[name]?.trim()
  if (!value) return defaultValue
  if (!/^[1-9]\d*$/.test(value))
    throw new Error(`${name} must be a whole number of at least 1, got "${value}"`)
  return Number(value)
}

/** `HH:MM` (UTC), 00:00 … 23:59. */
const timeOfDay = (name: string, defaultValue: string): string => {
  const value = process.env[name]?.trim()
  if (!value) return defaultValue
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value))
    throw new Error(`${name} must be a UTC time HH:MM, got "${value}"`)
  return value
}

const emailList = (name: string): string[] =>
  (process.env[name] ?? '')
    .split(',')
    .map((email) => email.trim().toLowerCase())
    .filter(Boolean)

/** A bearer token an operator sets: unset, or long enough not to be guessed. */
const secretToken = (name: string): string | undefined => {
  const value = process.env[name]?.trim()
  if (!value) return undefined
  if (value.length < 16) throw new Error(`${name} must be at least 16 characters`)
  return value
}

const dataDir = path.resolve(process.env.DATA_DIR || 'data')

/** The Next app's port (`npm run dev`, `npm start`). */
const appPort = Number(process.env.PORT) > 0 ? Number(process.env.PORT) : 3000

/**
 * An origin pages may call the API from with credentials: `https://host[:port]` exactly. A
 * wildcard, `null` or a path would let Payload reflect an origin nobody chose (it answers a listed
 * origin with `Access-Control-Allow-Credentials: true`), so the app does not start with one.
 */
const browserOrigin = (name: string, entry: string): string => {
  let parsed: URL | undefined
  try {
    parsed = new URL(entry)
  } catch {
    parsed = undefined
  }
  const isOrigin =
    parsed !== undefined &&
    ['http:', 'https:'].includes(parsed.protocol) &&
    !entry.includes('*') &&
    !parsed.username &&
    !parsed.password &&
    parsed.pathname === '/' &&
    !parsed.search &&
    !parsed.hash
  if (!isOrigin)
    throw new Error(
      `${name}: "${entry}" is not an origin (scheme://host[:port], no wildcard, path or "null")`,
    )
  // As a browser sends it: lower case, no default port.
  return parsed!.origin
}

const origins = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter(Boolean)
    .map((origin) => browserOrigin('CORS_ORIGINS', origin))

export const env = {
  isProduction,
  /** `LOG_FORMAT`: `json` (one JSON object a line, pino's own) or `pretty`; JSON in production. */
  logFormat: (process.env.LOG_FORMAT?.trim().toLowerCase() === 'pretty'
    ? 'pretty'
    : process.env.LOG_FORMAT?.trim().toLowerCase() === 'json' || isProduction
      ? 'json'
      : 'pretty') as 'json' | 'pretty',
  dataDir,
  /** `postgres://…` picks PostgreSQL; `file:<path>` (or nothing) the embedded SQLite file. */
  databaseUrl: process.env.DATABASE_URL || `file:${path.join(dataDir, 'hub.db')}`,
  payloadSecret: requiredInProduction(
    'PAYLOAD_SECRET',
    'development-secret-do-not-use-in-production',
  ),
  publicUrl: (process.env.PUBLIC_URL || `http://localhost:${appPort}`).replace(/\/$/, ''),
  /**
   * The origins whose pages may call the API with the session cookie (Payload `csrf`) and read its
   * answers (`cors`): PUBLIC_URL's, and CORS_ORIGINS. Without a PUBLIC_URL, the app on this
   * machine is reached as localhost and as 127.0.0.1.
   */
  browserOrigins: [
    ...new Set([
      new URL(process.env.PUBLIC_URL || `http://localhost:${appPort}`).origin,
      ...(process.env.PUBLIC_URL ? [] : [`http://127.0.0.1:${appPort}`]),
      ...origins(process.env.CORS_ORIGINS),
    ]),
  ],
  smtpUrl: process.env.SMTP_URL || undefined,
  mailFrom: process.env.MAIL_FROM || 'hub@promonitor.example',
  mailFromName: process.env.MAIL_FROM_NAME || 'ProMonitor',
  /** The vendor named beside "License & Update Hub" in the admin (login page, tab title). */
  vendorName: process.env.VENDOR_NAME?.trim() || 'ProMonitor',
  s3: {
    bucket: process.env.S3_BUCKET || '',
    endpoint: process.env.S3_ENDPOINT || undefined,
    region: process.env.S3_REGION || 'us-east-1',
    accessKeyId: process.env.S3_ACCESS_KEY_ID || '',
    secretAccessKey: process.env.S3_SECRET_ACCESS_KEY || '',
    forcePathStyle: flag('S3_FORCE_PATH_STYLE', true),
  },
  seedOnInit: flag('SEED_ON_INIT', true),
  seedAdminPassword: process.env.SEED_ADMIN_PASSWORD || 'demo-admin-2026',
  /** How the seed summary names the admin password: never print one set through the environment. */
  seedPasswordHint: process.env.SEED_ADMIN_PASSWORD ? 'SEED_ADMIN_PASSWORD' : undefined,
  scheduledTasks: flag('SCHEDULED_TASKS', true),
  /**
   * The lease on a claimed scheduled run or outbox mail (`JOB_LEASE_SECONDS`): renewed while the
   * work runs, so a dead instance's work is taken over after at most this long.
   */
  jobLeaseMs:
    Number(process.env.JOB_LEASE_SECONDS) > 0
      ? Number(process.env.JOB_LEASE_SECONDS) * 1000
      : 120_000,
  /** The daily license-alerts sweep (expiry warnings, staff alerts), `HH:MM` UTC. */
  alertsAt: timeOfDay('ALERTS_AT', '07:00'),
  /** Staff addresses for every alert the `alert-settings` global leaves empty (comma-separated). */
  staffAlertsTo: emailList('STAFF_ALERTS_TO'),
  /** Days a signed update manifest stays valid; it is re-signed when less than half is left. */
  manifestValidityDays:
    Number(process.env.MANIFEST_VALIDITY_DAYS) > 0 ? Number(process.env.MANIFEST_VALIDITY_DAYS) : 7,
  /** The active Ed25519 private JWK (JSON); without it a development key is kept in DATA_DIR. */
  signingPrivateJwk: process.env.SIGNING_PRIVATE_JWK || undefined,
  /** The key SIGNING_PRIVATE_JWK replaces, set for the one boot that rotates to it. */
  signingPreviousPrivateJwk: process.env.SIGNING_PREVIOUS_PRIVATE_JWK || undefined,
  /**
   * The next Ed25519 private JWK, staged on every instance ahead of a rotation: when one instance
   * rotates to it (`npm run signing-key:rotate`), the others switch within SIGNING_KEY_REFRESH_MS.
   */
  signingNextPrivateJwk: process.env.SIGNING_NEXT_PRIVATE_JWK || undefined,
  /** How often each instance checks which signing key is active (ms). */
  signingKeyRefreshMs:
    Number(process.env.SIGNING_KEY_REFRESH_MS) > 0
      ? Number(process.env.SIGNING_KEY_REFRESH_MS)
      : 5_000,
  /** Length of a trial in days (in-app button, staff "Create trial", reseller trials). */
  trialDays: Number(process.env.TRIAL_DAYS) || 30,
  /** Days a license file stays valid offline before the app must refresh it online. */
  licenseFileDays: Number(process.env.LICENSE_FILE_DAYS) || 30,
  appPort,
  /**
   * The API host (`npm run start:api`, src/server): the port it listens on (PORT before it had its
   * own name).
   */
  apiHostPort: Number(process.env.API_HOST_PORT || process.env.PORT || 3001),
  /** How many API host processes share that port (node:cluster): one per core the host may use. */
  apiHostWorkers: wholeNumber('API_HOST_WORKERS', 1),
  /**
   * Which proxies' `X-Forwarded-For` / `X-Forwarded-Proto` both hosts believe (express "trust
   * proxy": `true`, a hop
   * count such as `1`, or addresses/subnets such as `loopback, 10.0.0.0/8`). Empty: none.
   */
  trustProxy: process.env.TRUST_PROXY?.trim() || '',
  /**
   * `redis://…`: the client API's rate limits are one budget across every instance using it.
   * Empty: each instance limits in its own memory.
   */
  redisUrl: process.env.REDIS_URL?.trim() || undefined,
  /**
   * The bearer token `/metrics` on the API host asks for. Empty: `/metrics` is not served (404).
   */
  metricsToken: secretToken('METRICS_TOKEN'),
}

/** Served over https (PUBLIC_URL says so): cookies get `Secure`, answers get HSTS. */
export const isHttpsPublicUrl = (publicUrl: string): boolean => publicUrl.startsWith('https://')

export const usesPostgres = (url: string): boolean => /^postgres(ql)?:\/\//.test(url)
