import type { Payload } from 'payload'

type OutboxRow = {
  to: string
  templateKey: string
  template: number | string | null
  subject: string
  text: string
  html: string
  status: string
  attempts: number
  nextAttemptAt: string
  idempotencyKey: string
  context: Record<string, unknown> | null
  license: number | string | null
  createdAt: string
  updatedAt: string
}

type Pool = { query: (text: string, values: unknown[]) => Promise<{ rows: Array<{ id: number }> }> }

/** The node-postgres pool of the PostgreSQL adapter, or undefined on SQLite. */
export const postgresPoolOf = (payload: Payload): Pool | undefined =>
  payload.db.name === 'postgres' ? (payload.db as unknown as { pool?: Pool }).pool : undefined

/**
 * Many outbox rows in one statement on PostgreSQL: one array parameter per column (`unnest`), so
 * a thousand mails cost 14 parameters instead of 14,000 that drizzle would build one by one (the
 * sweep's bottleneck). Same effect as the drizzle insert: existing idempotency keys are skipped.
 */
export const insertOutboxRowsPostgres = async (pool: Pool, rows: OutboxRow[]): Promise<number> => {
  const column = <K extends keyof OutboxRow>(key: K) => rows.map((row) => row[key])
  const { rows: inserted } = await pool.query(
    `INSERT INTO "outbox" ("to", "template_key", "template_id", "subject", "text", "html", "status", "attempts", "next_attempt_at", "idempotency_key", "context", "license_id", "created_at", "updated_at")
     SELECT "to", "template_key"::"enum_outbox_template_key", "template_id", "subject", "text", "html", "status"::"enum_outbox_status", "attempts", "next_attempt_at", "idempotency_key", "context", "license_id", "created_at", "updated_at"
       FROM unnest($1::varchar[], $2::text[], $3::int[], $4::varchar[], $5::varchar[], $6::varchar[], $7::text[], $8::numeric[], $9::timestamptz[], $10::varchar[], $11::jsonb[], $12::int[], $13::timestamptz[], $14::timestamptz[])
         AS t("to", "template_key", "template_id", "subject", "text", "html", "status", "attempts", "next_attempt_at", "idempotency_key", "context", "license_id", "created_at", "updated_at")
     ON CONFLICT ("idempotency_key") DO NOTHING
     RETURNING "id"`,
    [
      column('to'),
      column('templateKey'),
      column('template'),
      column('subject'),
      column('text'),
      column('html'),
      column('status'),
      column('attempts'),
      column('nextAttemptAt'),
      column('idempotencyKey'),
      rows.map((row) => (row.context === null ? null : JSON.stringify(row.context))),
      column('license'),
      column('createdAt'),
      column('updatedAt'),
    ],
  )
  return inserted.length
}
