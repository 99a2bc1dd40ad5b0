export type HealthPluginOptions = {
  /**
   * When false, `GET /api/v1/health` and `/api/v1/health/ready` are not served.
   * @default true
   */
  enabled?: boolean
  /**
   * How this instance got its schema, as the database adapter decides it: `migrations` in
   * production (the adapter's `prodMigrations` run at boot), `push` otherwise (the development
   * schema push). Readiness checks what that way leaves in `payload_migrations`.
   * @default 'push'
   */
  schemaSource?: SchemaSource
  /**
   * How long readiness waits for the database before it answers 503 `DATABASE_UNAVAILABLE`.
   * @default 2000
   */
  databaseTimeoutMs?: number
}

export type SchemaSource = 'migrations' | 'push'

export const defaultHealthOptions = {
  enabled: true,
  schemaSource: 'push',
  databaseTimeoutMs: 2_000,
} satisfies HealthPluginOptions
