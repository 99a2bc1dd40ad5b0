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

const dataDir = path.resolve(process.env.DATA_DIR || 'data')

export const env = {
  isProduction,
  dataDir,
  /** `postgres://…` picks PostgreSQL; `file:<path>` (or nothing) the embedded SQLite file. */
  databaseUrl: process.env.DATABASE_URL || `file:${path.join(dataDir, 'hub.db')}`,
  payloadSecret: requiredInProduction('PAYLOAD_SECRET', 'development-secret-do-not-use-in-production'),
  publicUrl: (process.env.PUBLIC_URL || 'http://localhost:3000').replace(/\/$/, ''),
  smtpUrl: process.env.SMTP_URL || undefined,
  mailFrom: process.env.MAIL_FROM || 'hub@promonitor.example',
  mailFromName: process.env.MAIL_FROM_NAME || 'ProMonitor',
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
  scheduledTasks: flag('SCHEDULED_TASKS', true),
}

export const usesPostgres = (url: string): boolean => /^postgres(ql)?:\/\//.test(url)
