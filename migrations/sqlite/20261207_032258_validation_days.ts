import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`validation_days\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`day\` text NOT NULL,
  	\`count\` numeric DEFAULT 0 NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`validation_days_day_idx\` ON \`validation_days\` (\`day\`);`)
  await db.run(sql`CREATE INDEX \`validation_days_updated_at_idx\` ON \`validation_days\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`validation_days_created_at_idx\` ON \`validation_days\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`validation_days_id\` integer REFERENCES validation_days(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_validation_days_id_idx\` ON \`payload_locked_documents_rels\` (\`validation_days_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`validation_days\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
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
  	\`usage_records_id\` integer,
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
  	FOREIGN KEY (\`usage_records_id\`) REFERENCES \`usage_records\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`resellers_id\`) REFERENCES \`resellers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`registration_claims_id\`) REFERENCES \`registration_claims\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`update_channels_id\`) REFERENCES \`update_channels\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`signed_manifests_id\`) REFERENCES \`signed_manifests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`release_events_id\`) REFERENCES \`release_events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "customers_id", "customer_users_id", "products_id", "releases_id", "artifacts_id", "changelogs_id", "video_teasers_id", "doc_links_id", "faqs_id", "email_templates_id", "licenses_id", "media_id", "scheduled_runs_id", "outbox_id", "sign_in_failures_id", "signing_keys_id", "activations_id", "license_events_id", "trial_requests_id", "usage_records_id", "resellers_id", "registration_claims_id", "update_channels_id", "signed_manifests_id", "release_events_id") SELECT "id", "order", "parent_id", "path", "users_id", "customers_id", "customer_users_id", "products_id", "releases_id", "artifacts_id", "changelogs_id", "video_teasers_id", "doc_links_id", "faqs_id", "email_templates_id", "licenses_id", "media_id", "scheduled_runs_id", "outbox_id", "sign_in_failures_id", "signing_keys_id", "activations_id", "license_events_id", "trial_requests_id", "usage_records_id", "resellers_id", "registration_claims_id", "update_channels_id", "signed_manifests_id", "release_events_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_usage_records_id_idx\` ON \`payload_locked_documents_rels\` (\`usage_records_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_resellers_id_idx\` ON \`payload_locked_documents_rels\` (\`resellers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_registration_claims_id_idx\` ON \`payload_locked_documents_rels\` (\`registration_claims_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_update_channels_id_idx\` ON \`payload_locked_documents_rels\` (\`update_channels_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_signed_manifests_id_idx\` ON \`payload_locked_documents_rels\` (\`signed_manifests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_release_events_id_idx\` ON \`payload_locked_documents_rels\` (\`release_events_id\`);`)
}
