import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`usage_records\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`license_id\` integer NOT NULL,
  	\`customer_id\` integer NOT NULL,
  	\`activation_id\` integer,
  	\`quantity\` numeric NOT NULL,
  	\`idempotency_key\` text NOT NULL,
  	\`occurred_at\` text NOT NULL,
  	\`received_at\` text NOT NULL,
  	\`remaining_after\` numeric NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`license_id\`) REFERENCES \`licenses\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`customer_id\`) REFERENCES \`customers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`activation_id\`) REFERENCES \`activations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`usage_records_license_idx\` ON \`usage_records\` (\`license_id\`);`)
  await db.run(sql`CREATE INDEX \`usage_records_customer_idx\` ON \`usage_records\` (\`customer_id\`);`)
  await db.run(sql`CREATE INDEX \`usage_records_activation_idx\` ON \`usage_records\` (\`activation_id\`);`)
  await db.run(sql`CREATE INDEX \`usage_records_updated_at_idx\` ON \`usage_records\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`usage_records_created_at_idx\` ON \`usage_records\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`license_idempotencyKey_idx\` ON \`usage_records\` (\`license_id\`,\`idempotency_key\`);`)
  await db.run(sql`CREATE INDEX \`license_occurredAt_idx\` ON \`usage_records\` (\`license_id\`,\`occurred_at\`);`)
  await db.run(sql`CREATE TABLE \`alert_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`alert_settings_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`alert_settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`alert_settings_texts_order_parent\` ON \`alert_settings_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`alert_settings_numbers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`number\` numeric,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`alert_settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`alert_settings_numbers_order_parent_idx\` ON \`alert_settings_numbers\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`ALTER TABLE \`licenses\` ADD \`users_in_use\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`licenses\` ADD \`users_limit_alerted_on\` text;`)
  await db.run(sql`ALTER TABLE \`licenses\` ADD \`clients_limit_alerted_on\` text;`)
  await db.run(sql`ALTER TABLE \`licenses\` ADD \`low_credit_threshold\` numeric;`)
  await db.run(sql`ALTER TABLE \`licenses\` ADD \`credits_at_top_up\` numeric;`)
  await db.run(sql`ALTER TABLE \`licenses\` ADD \`credits_after_last_use\` numeric;`)
  await db.run(sql`ALTER TABLE \`licenses\` ADD \`credit_low_alerted_at\` text;`)
  await db.run(sql`ALTER TABLE \`licenses\` ADD \`credit_exhausted_alerted_at\` text;`)
  await db.run(sql`ALTER TABLE \`scheduled_runs\` ADD \`claimed_until\` text;`)
  await db.run(sql`ALTER TABLE \`outbox\` ADD \`license_id\` integer REFERENCES licenses(id) ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`outbox_license_idx\` ON \`outbox\` (\`license_id\`);`)
  await db.run(sql`ALTER TABLE \`activations\` ADD \`users\` numeric;`)
  await db.run(sql`ALTER TABLE \`activations\` ADD \`users_reported_at\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`usage_records_id\` integer REFERENCES usage_records(id) ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_usage_records_id_idx\` ON \`payload_locked_documents_rels\` (\`usage_records_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`usage_records\`;`)
  await db.run(sql`DROP TABLE \`alert_settings\`;`)
  await db.run(sql`DROP TABLE \`alert_settings_texts\`;`)
  await db.run(sql`DROP TABLE \`alert_settings_numbers\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_outbox\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`to\` text NOT NULL,
  	\`template_key\` text,
  	\`template_id\` integer,
  	\`subject\` text NOT NULL,
  	\`text\` text NOT NULL,
  	\`html\` text,
  	\`status\` text DEFAULT 'queued' NOT NULL,
  	\`attempts\` numeric DEFAULT 0,
  	\`next_attempt_at\` text,
  	\`idempotency_key\` text NOT NULL,
  	\`claimed_at\` text,
  	\`sent_at\` text,
  	\`message_id\` text,
  	\`last_error\` text,
  	\`context\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`template_id\`) REFERENCES \`email_templates\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_outbox\`("id", "to", "template_key", "template_id", "subject", "text", "html", "status", "attempts", "next_attempt_at", "idempotency_key", "claimed_at", "sent_at", "message_id", "last_error", "context", "updated_at", "created_at") SELECT "id", "to", "template_key", "template_id", "subject", "text", "html", "status", "attempts", "next_attempt_at", "idempotency_key", "claimed_at", "sent_at", "message_id", "last_error", "context", "updated_at", "created_at" FROM \`outbox\`;`)
  await db.run(sql`DROP TABLE \`outbox\`;`)
  await db.run(sql`ALTER TABLE \`__new_outbox\` RENAME TO \`outbox\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`outbox_to_idx\` ON \`outbox\` (\`to\`);`)
  await db.run(sql`CREATE INDEX \`outbox_template_key_idx\` ON \`outbox\` (\`template_key\`);`)
  await db.run(sql`CREATE INDEX \`outbox_template_idx\` ON \`outbox\` (\`template_id\`);`)
  await db.run(sql`CREATE INDEX \`outbox_status_idx\` ON \`outbox\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`outbox_next_attempt_at_idx\` ON \`outbox\` (\`next_attempt_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`outbox_idempotency_key_idx\` ON \`outbox\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE INDEX \`outbox_updated_at_idx\` ON \`outbox\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`outbox_created_at_idx\` ON \`outbox\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	\`customers_id\` integer,
  	\`customer_users_id\` integer,
  	\`products_id\` integer,
  	\`releases_id\` integer,
  	\`artifacts_id\` integer,
  	\`changelogs_id\` integer,
  	\`video_teasers_id\` integer,
  	\`doc_links_id\` integer,
  	\`faqs_id\` integer,
  	\`email_templates_id\` integer,
  	\`licenses_id\` integer,
  	\`media_id\` integer,
  	\`scheduled_runs_id\` integer,
  	\`outbox_id\` integer,
  	\`sign_in_failures_id\` integer,
  	\`signing_keys_id\` integer,
  	\`activations_id\` integer,
  	\`license_events_id\` integer,
  	\`trial_requests_id\` integer,
  	\`resellers_id\` integer,
  	\`registration_claims_id\` integer,
  	\`update_channels_id\` integer,
  	\`signed_manifests_id\` integer,
  	\`release_events_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`customers_id\`) REFERENCES \`customers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`customer_users_id\`) REFERENCES \`customer_users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`products_id\`) REFERENCES \`products\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`releases_id\`) REFERENCES \`releases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`artifacts_id\`) REFERENCES \`artifacts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`changelogs_id\`) REFERENCES \`changelogs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`video_teasers_id\`) REFERENCES \`video_teasers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`doc_links_id\`) REFERENCES \`doc_links\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`faqs_id\`) REFERENCES \`faqs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`email_templates_id\`) REFERENCES \`email_templates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`licenses_id\`) REFERENCES \`licenses\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`scheduled_runs_id\`) REFERENCES \`scheduled_runs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`outbox_id\`) REFERENCES \`outbox\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sign_in_failures_id\`) REFERENCES \`sign_in_failures\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`signing_keys_id\`) REFERENCES \`signing_keys\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`activations_id\`) REFERENCES \`activations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`license_events_id\`) REFERENCES \`license_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`trial_requests_id\`) REFERENCES \`trial_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`resellers_id\`) REFERENCES \`resellers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`registration_claims_id\`) REFERENCES \`registration_claims\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`update_channels_id\`) REFERENCES \`update_channels\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`signed_manifests_id\`) REFERENCES \`signed_manifests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`release_events_id\`) REFERENCES \`release_events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "customers_id", "customer_users_id", "products_id", "releases_id", "artifacts_id", "changelogs_id", "video_teasers_id", "doc_links_id", "faqs_id", "email_templates_id", "licenses_id", "media_id", "scheduled_runs_id", "outbox_id", "sign_in_failures_id", "signing_keys_id", "activations_id", "license_events_id", "trial_requests_id", "resellers_id", "registration_claims_id", "update_channels_id", "signed_manifests_id", "release_events_id") SELECT "id", "order", "parent_id", "path", "users_id", "customers_id", "customer_users_id", "products_id", "releases_id", "artifacts_id", "changelogs_id", "video_teasers_id", "doc_links_id", "faqs_id", "email_templates_id", "licenses_id", "media_id", "scheduled_runs_id", "outbox_id", "sign_in_failures_id", "signing_keys_id", "activations_id", "license_events_id", "trial_requests_id", "resellers_id", "registration_claims_id", "update_channels_id", "signed_manifests_id", "release_events_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_customers_id_idx\` ON \`payload_locked_documents_rels\` (\`customers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_customer_users_id_idx\` ON \`payload_locked_documents_rels\` (\`customer_users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_products_id_idx\` ON \`payload_locked_documents_rels\` (\`products_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_releases_id_idx\` ON \`payload_locked_documents_rels\` (\`releases_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_artifacts_id_idx\` ON \`payload_locked_documents_rels\` (\`artifacts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_changelogs_id_idx\` ON \`payload_locked_documents_rels\` (\`changelogs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_video_teasers_id_idx\` ON \`payload_locked_documents_rels\` (\`video_teasers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_doc_links_id_idx\` ON \`payload_locked_documents_rels\` (\`doc_links_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_faqs_id_idx\` ON \`payload_locked_documents_rels\` (\`faqs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_email_templates_id_idx\` ON \`payload_locked_documents_rels\` (\`email_templates_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_licenses_id_idx\` ON \`payload_locked_documents_rels\` (\`licenses_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_scheduled_runs_id_idx\` ON \`payload_locked_documents_rels\` (\`scheduled_runs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_outbox_id_idx\` ON \`payload_locked_documents_rels\` (\`outbox_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sign_in_failures_id_idx\` ON \`payload_locked_documents_rels\` (\`sign_in_failures_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_signing_keys_id_idx\` ON \`payload_locked_documents_rels\` (\`signing_keys_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_activations_id_idx\` ON \`payload_locked_documents_rels\` (\`activations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_license_events_id_idx\` ON \`payload_locked_documents_rels\` (\`license_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_trial_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`trial_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_resellers_id_idx\` ON \`payload_locked_documents_rels\` (\`resellers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_registration_claims_id_idx\` ON \`payload_locked_documents_rels\` (\`registration_claims_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_update_channels_id_idx\` ON \`payload_locked_documents_rels\` (\`update_channels_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_signed_manifests_id_idx\` ON \`payload_locked_documents_rels\` (\`signed_manifests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_release_events_id_idx\` ON \`payload_locked_documents_rels\` (\`release_events_id\`);`)
  await db.run(sql`ALTER TABLE \`licenses\` DROP COLUMN \`users_in_use\`;`)
  await db.run(sql`ALTER TABLE \`licenses\` DROP COLUMN \`users_limit_alerted_on\`;`)
  await db.run(sql`ALTER TABLE \`licenses\` DROP COLUMN \`clients_limit_alerted_on\`;`)
  await db.run(sql`ALTER TABLE \`licenses\` DROP COLUMN \`low_credit_threshold\`;`)
  await db.run(sql`ALTER TABLE \`licenses\` DROP COLUMN \`credits_at_top_up\`;`)
  await db.run(sql`ALTER TABLE \`licenses\` DROP COLUMN \`credits_after_last_use\`;`)
  await db.run(sql`ALTER TABLE \`licenses\` DROP COLUMN \`credit_low_alerted_at\`;`)
  await db.run(sql`ALTER TABLE \`licenses\` DROP COLUMN \`credit_exhausted_alerted_at\`;`)
  await db.run(sql`ALTER TABLE \`scheduled_runs\` DROP COLUMN \`claimed_until\`;`)
  await db.run(sql`ALTER TABLE \`activations\` DROP COLUMN \`users\`;`)
  await db.run(sql`ALTER TABLE \`activations\` DROP COLUMN \`users_reported_at\`;`)
}
