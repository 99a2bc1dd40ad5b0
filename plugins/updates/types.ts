export type UpdatesS3Options = {
  /**
   * Bucket artifacts live in when S3 storage is configured (`S3_BUCKET`); empty means local disk.
   */
  bucket?: string
  endpoint?: string
  region?: string
  accessKeyId?: string
  secretAccessKey?: string
  forcePathStyle?: boolean
}

export type UpdatesPluginOptions = {
  /**
   * When false the plugin's collections stay (schema unchanged) but no endpoint, hook or job runs.
   * @default true
   */
  enabled?: boolean
  /**
   * Public base URL of the hub (`PUBLIC_URL`): artifact URLs and release notes links point there.
   * @default 'http://localhost:3000'
   */
  publicUrl?: string
  /**
   * How long a signed manifest is valid (`expiresAt - issuedAt`); it is re-signed once less than
   * half of this remains, even when nothing changed (freeze-attack defence).
   * @default 7
   */
  manifestValidityDays?: number
  /**
   * How often (ms) an instance re-reads a channel's sequence before serving its cached manifest;
   * a change made on another instance is served by this one within this time.
   * @default 2000
   */
  sequenceCheckIntervalMs?: number
  /**
   * Lifetime (seconds) of a download link's token; at most 600.
   * @default 300
   */
  downloadTokenSeconds?: number
  /**
   * Lifetime (seconds) of a presigned object-storage URL (S3 storage only).
   * @default 60
   */
  presignedUrlSeconds?: number
  /**
   * Start the daily retention trigger on this instance (`SCHEDULED_TASKS`); the work itself is
   * claimed in the database, so it runs once a day however many instances trigger it.
   * @default true
   */
  scheduleTasks?: boolean
  /**
   * When the daily retention runs (cron rule, server time).
   * @default '20 3 * * *'
   */
  retentionSchedule?: string
  /**
   * License keys one client address may try on direct-link pages (`/r/…`) per window, on each
   * instance: a flood guard that makes guessing keys slow.
   * @default { limit: 10, windowMs: 600000 }
   */
  directLinkKeyChecks?: { limit: number; windowMs: number }
  /** S3-compatible storage of artifacts (same settings as the storage adapter). */
  s3?: UpdatesS3Options
}

export type UpdatesSettings = Required<Omit<UpdatesPluginOptions, 's3'>> & { s3: UpdatesS3Options }

export const defaultUpdatesOptions: UpdatesSettings = {
  enabled: true,
  publicUrl: 'http://localhost:3000',
  manifestValidityDays: 7,
  sequenceCheckIntervalMs: 2000,
  downloadTokenSeconds: 300,
  presignedUrlSeconds: 60,
  scheduleTasks: true,
  retentionSchedule: '20 3 * * *',
  directLinkKeyChecks: { limit: 10, windowMs: 600_000 },
  s3: {},
}

export const resolveUpdatesOptions = (options: UpdatesPluginOptions): UpdatesSettings => {
  const settings: UpdatesSettings = {
    ...defaultUpdatesOptions,
    ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
    s3: { ...(options.s3 ?? {}) },
  }
  if (settings.downloadTokenSeconds > 600 || settings.downloadTokenSeconds < 1) {
    throw new Error('updatesPlugin: downloadTokenSeconds must be between 1 and 600')
  }
  if (!(settings.manifestValidityDays > 0))
    throw new Error('updatesPlugin: manifestValidityDays must be positive')
  return { ...settings, publicUrl: settings.publicUrl.replace(/\/$/, '') }
}
