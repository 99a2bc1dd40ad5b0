import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`users_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`customers_contacts_receives\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`customers_contacts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`customers_contacts_receives_order_idx\` ON \`customers_contacts_receives\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`customers_contacts_receives_parent_idx\` ON \`customers_contacts_receives\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`customers_contacts\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`email\` text NOT NULL,
  	\`name\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`customers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`customers_contacts_order_idx\` ON \`customers_contacts\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`customers_contacts_parent_id_idx\` ON \`customers_contacts\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`customers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`notes\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`customers_name_idx\` ON \`customers\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`customers_updated_at_idx\` ON \`customers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`customers_created_at_idx\` ON \`customers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`customer_users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`customer_users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`customer_users_sessions_order_idx\` ON \`customer_users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`customer_users_sessions_parent_id_idx\` ON \`customer_users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`customer_users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`enable_a_p_i_key\` integer,
  	\`api_key\` text,
  	\`api_key_index\` text,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`customer_users_updated_at_idx\` ON \`customer_users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`customer_users_created_at_idx\` ON \`customer_users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`customer_users_email_idx\` ON \`customer_users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`customer_users_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`customers_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`customer_users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`customers_id\`) REFERENCES \`customers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`customer_users_rels_order_idx\` ON \`customer_users_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`customer_users_rels_parent_idx\` ON \`customer_users_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`customer_users_rels_path_idx\` ON \`customer_users_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`customer_users_rels_customers_id_idx\` ON \`customer_users_rels\` (\`customers_id\`);`)
  await db.run(sql`CREATE TABLE \`products\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`keep_versions_days\` numeric DEFAULT 730 NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`products_slug_idx\` ON \`products\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`products_updated_at_idx\` ON \`products\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`products_created_at_idx\` ON \`products\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`products_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`products\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`products_texts_order_parent\` ON \`products_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`releases_requires\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`product\` text,
  	\`range\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`releases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`releases_requires_order_idx\` ON \`releases_requires\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`releases_requires_parent_id_idx\` ON \`releases_requires\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`releases_recipients\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`email\` text,
  	\`include\` integer DEFAULT true,
  	\`source\` text DEFAULT 'extra',
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`releases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`releases_recipients_order_idx\` ON \`releases_recipients\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`releases_recipients_parent_id_idx\` ON \`releases_recipients\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`releases\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`product_id\` integer,
  	\`line\` text,
  	\`version\` text,
  	\`channel\` text DEFAULT 'stable',
  	\`status\` text DEFAULT 'draft',
  	\`released_at\` text,
  	\`critical\` integer DEFAULT false,
  	\`minimum_upgrade_from\` text,
  	\`rollout_percent\` numeric DEFAULT 100,
  	\`summary\` text,
  	\`notes\` text,
  	\`changelog_id\` integer,
  	\`video_teaser_id\` integer,
  	\`rollback_to\` text,
  	\`pulled_at\` text,
  	\`archived\` integer DEFAULT false,
  	\`notify_by_email\` integer DEFAULT false,
  	\`email_template_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`product_id\`) REFERENCES \`products\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`changelog_id\`) REFERENCES \`changelogs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`video_teaser_id\`) REFERENCES \`video_teasers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`email_template_id\`) REFERENCES \`email_templates\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`releases_product_idx\` ON \`releases\` (\`product_id\`);`)
  await db.run(sql`CREATE INDEX \`releases_line_idx\` ON \`releases\` (\`line\`);`)
  await db.run(sql`CREATE INDEX \`releases_channel_idx\` ON \`releases\` (\`channel\`);`)
  await db.run(sql`CREATE INDEX \`releases_status_idx\` ON \`releases\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`releases_changelog_idx\` ON \`releases\` (\`changelog_id\`);`)
  await db.run(sql`CREATE INDEX \`releases_video_teaser_idx\` ON \`releases\` (\`video_teaser_id\`);`)
  await db.run(sql`CREATE INDEX \`releases_archived_idx\` ON \`releases\` (\`archived\`);`)
  await db.run(sql`CREATE INDEX \`releases_email_template_idx\` ON \`releases\` (\`email_template_id\`);`)
  await db.run(sql`CREATE INDEX \`releases_updated_at_idx\` ON \`releases\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`releases_created_at_idx\` ON \`releases\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`releases__status_idx\` ON \`releases\` (\`_status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`product_line_version_idx\` ON \`releases\` (\`product_id\`,\`line\`,\`version\`);`)
  await db.run(sql`CREATE TABLE \`releases_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`doc_links_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`releases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`doc_links_id\`) REFERENCES \`doc_links\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`releases_rels_order_idx\` ON \`releases_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`releases_rels_parent_idx\` ON \`releases_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`releases_rels_path_idx\` ON \`releases_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`releases_rels_doc_links_id_idx\` ON \`releases_rels\` (\`doc_links_id\`);`)
  await db.run(sql`CREATE TABLE \`_releases_v_version_requires\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`product\` text,
  	\`range\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_releases_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_releases_v_version_requires_order_idx\` ON \`_releases_v_version_requires\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_requires_parent_id_idx\` ON \`_releases_v_version_requires\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_releases_v_version_recipients\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`email\` text,
  	\`include\` integer DEFAULT true,
  	\`source\` text DEFAULT 'extra',
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_releases_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_releases_v_version_recipients_order_idx\` ON \`_releases_v_version_recipients\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_recipients_parent_id_idx\` ON \`_releases_v_version_recipients\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_releases_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_product_id\` integer,
  	\`version_line\` text,
  	\`version_version\` text,
  	\`version_channel\` text DEFAULT 'stable',
  	\`version_status\` text DEFAULT 'draft',
  	\`version_released_at\` text,
  	\`version_critical\` integer DEFAULT false,
  	\`version_minimum_upgrade_from\` text,
  	\`version_rollout_percent\` numeric DEFAULT 100,
  	\`version_summary\` text,
  	\`version_notes\` text,
  	\`version_changelog_id\` integer,
  	\`version_video_teaser_id\` integer,
  	\`version_rollback_to\` text,
  	\`version_pulled_at\` text,
  	\`version_archived\` integer DEFAULT false,
  	\`version_notify_by_email\` integer DEFAULT false,
  	\`version_email_template_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`releases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_product_id\`) REFERENCES \`products\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_changelog_id\`) REFERENCES \`changelogs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_video_teaser_id\`) REFERENCES \`video_teasers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_email_template_id\`) REFERENCES \`email_templates\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_releases_v_parent_idx\` ON \`_releases_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_version_product_idx\` ON \`_releases_v\` (\`version_product_id\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_version_line_idx\` ON \`_releases_v\` (\`version_line\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_version_channel_idx\` ON \`_releases_v\` (\`version_channel\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_version_status_idx\` ON \`_releases_v\` (\`version_status\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_version_changelog_idx\` ON \`_releases_v\` (\`version_changelog_id\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_version_video_teaser_idx\` ON \`_releases_v\` (\`version_video_teaser_id\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_version_archived_idx\` ON \`_releases_v\` (\`version_archived\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_version_email_template_idx\` ON \`_releases_v\` (\`version_email_template_id\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_version_updated_at_idx\` ON \`_releases_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_version_created_at_idx\` ON \`_releases_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_version_version__status_idx\` ON \`_releases_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_created_at_idx\` ON \`_releases_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_updated_at_idx\` ON \`_releases_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_latest_idx\` ON \`_releases_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`version_product_version_line_version_version_idx\` ON \`_releases_v\` (\`version_product_id\`,\`version_line\`,\`version_version\`);`)
  await db.run(sql`CREATE TABLE \`_releases_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`doc_links_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_releases_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`doc_links_id\`) REFERENCES \`doc_links\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_releases_v_rels_order_idx\` ON \`_releases_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_rels_parent_idx\` ON \`_releases_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_rels_path_idx\` ON \`_releases_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_releases_v_rels_doc_links_id_idx\` ON \`_releases_v_rels\` (\`doc_links_id\`);`)
  await db.run(sql`CREATE TABLE \`artifacts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`release_id\` integer,
  	\`platform\` text NOT NULL,
  	\`sha256\` text,
  	\`size\` numeric,
  	\`file_deleted_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	FOREIGN KEY (\`release_id\`) REFERENCES \`releases\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`artifacts_release_idx\` ON \`artifacts\` (\`release_id\`);`)
  await db.run(sql`CREATE INDEX \`artifacts_platform_idx\` ON \`artifacts\` (\`platform\`);`)
  await db.run(sql`CREATE INDEX \`artifacts_sha256_idx\` ON \`artifacts\` (\`sha256\`);`)
  await db.run(sql`CREATE INDEX \`artifacts_updated_at_idx\` ON \`artifacts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`artifacts_created_at_idx\` ON \`artifacts\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`artifacts_filename_idx\` ON \`artifacts\` (\`filename\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`release_platform_idx\` ON \`artifacts\` (\`release_id\`,\`platform\`);`)
  await db.run(sql`CREATE TABLE \`changelogs_entries\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'changed' NOT NULL,
  	\`text\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`changelogs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`changelogs_entries_order_idx\` ON \`changelogs_entries\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`changelogs_entries_parent_id_idx\` ON \`changelogs_entries\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`changelogs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`release_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`release_id\`) REFERENCES \`releases\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`changelogs_release_idx\` ON \`changelogs\` (\`release_id\`);`)
  await db.run(sql`CREATE INDEX \`changelogs_updated_at_idx\` ON \`changelogs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`changelogs_created_at_idx\` ON \`changelogs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`video_teasers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`description\` text,
  	\`video_id\` integer,
  	\`url\` text,
  	\`poster_id\` integer,
  	\`product_id\` integer,
  	\`release_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`video_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`poster_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`product_id\`) REFERENCES \`products\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`release_id\`) REFERENCES \`releases\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`video_teasers_video_idx\` ON \`video_teasers\` (\`video_id\`);`)
  await db.run(sql`CREATE INDEX \`video_teasers_poster_idx\` ON \`video_teasers\` (\`poster_id\`);`)
  await db.run(sql`CREATE INDEX \`video_teasers_product_idx\` ON \`video_teasers\` (\`product_id\`);`)
  await db.run(sql`CREATE INDEX \`video_teasers_release_idx\` ON \`video_teasers\` (\`release_id\`);`)
  await db.run(sql`CREATE INDEX \`video_teasers_updated_at_idx\` ON \`video_teasers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`video_teasers_created_at_idx\` ON \`video_teasers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`doc_links\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`url\` text NOT NULL,
  	\`kind\` text DEFAULT 'doc' NOT NULL,
  	\`product_id\` integer,
  	\`release_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`product_id\`) REFERENCES \`products\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`release_id\`) REFERENCES \`releases\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`doc_links_product_idx\` ON \`doc_links\` (\`product_id\`);`)
  await db.run(sql`CREATE INDEX \`doc_links_release_idx\` ON \`doc_links\` (\`release_id\`);`)
  await db.run(sql`CREATE INDEX \`doc_links_updated_at_idx\` ON \`doc_links\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`doc_links_created_at_idx\` ON \`doc_links\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`faqs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`question\` text NOT NULL,
  	\`answer\` text NOT NULL,
  	\`topic\` text DEFAULT 'other' NOT NULL,
  	\`order\` numeric DEFAULT 100,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`faqs_updated_at_idx\` ON \`faqs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`faqs_created_at_idx\` ON \`faqs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`email_templates\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`key\` text NOT NULL,
  	\`subject\` text NOT NULL,
  	\`body\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`email_templates_key_idx\` ON \`email_templates\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`email_templates_updated_at_idx\` ON \`email_templates\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`email_templates_created_at_idx\` ON \`email_templates\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`licenses\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`customer_id\` integer NOT NULL,
  	\`product_id\` integer NOT NULL,
  	\`line\` text NOT NULL,
  	\`type\` text DEFAULT 'subscription' NOT NULL,
  	\`status\` text DEFAULT 'active' NOT NULL,
  	\`starts_at\` text NOT NULL,
  	\`expires_at\` text,
  	\`max_clients\` numeric DEFAULT 1 NOT NULL,
  	\`max_users\` numeric DEFAULT 5 NOT NULL,
  	\`credits\` numeric,
  	\`active_clients\` numeric DEFAULT 0,
  	\`limit_reached_count\` numeric DEFAULT 0,
  	\`validation_count\` numeric DEFAULT 0,
  	\`last_validated_at\` text,
  	\`notes\` text,
  	\`reseller_id\` integer,
  	\`creation_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`customer_id\`) REFERENCES \`customers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`product_id\`) REFERENCES \`products\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reseller_id\`) REFERENCES \`resellers\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`licenses_key_idx\` ON \`licenses\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`licenses_customer_idx\` ON \`licenses\` (\`customer_id\`);`)
  await db.run(sql`CREATE INDEX \`licenses_product_idx\` ON \`licenses\` (\`product_id\`);`)
  await db.run(sql`CREATE INDEX \`licenses_type_idx\` ON \`licenses\` (\`type\`);`)
  await db.run(sql`CREATE INDEX \`licenses_status_idx\` ON \`licenses\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`licenses_expires_at_idx\` ON \`licenses\` (\`expires_at\`);`)
  await db.run(sql`CREATE INDEX \`licenses_reseller_idx\` ON \`licenses\` (\`reseller_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`licenses_creation_key_idx\` ON \`licenses\` (\`creation_key\`);`)
  await db.run(sql`CREATE INDEX \`licenses_updated_at_idx\` ON \`licenses\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`licenses_created_at_idx\` ON \`licenses\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`licenses_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`licenses\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`licenses_texts_order_parent\` ON \`licenses_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`alt\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric
  );
  `)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`scheduled_runs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`task\` text NOT NULL,
  	\`run_key\` text NOT NULL,
  	\`status\` text DEFAULT 'running' NOT NULL,
  	\`instance\` text,
  	\`started_at\` text,
  	\`finished_at\` text,
  	\`result\` text,
  	\`error\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`scheduled_runs_task_idx\` ON \`scheduled_runs\` (\`task\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`scheduled_runs_run_key_idx\` ON \`scheduled_runs\` (\`run_key\`);`)
  await db.run(sql`CREATE INDEX \`scheduled_runs_updated_at_idx\` ON \`scheduled_runs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`scheduled_runs_created_at_idx\` ON \`scheduled_runs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`outbox\` (
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
  await db.run(sql`CREATE INDEX \`outbox_to_idx\` ON \`outbox\` (\`to\`);`)
  await db.run(sql`CREATE INDEX \`outbox_template_key_idx\` ON \`outbox\` (\`template_key\`);`)
  await db.run(sql`CREATE INDEX \`outbox_template_idx\` ON \`outbox\` (\`template_id\`);`)
  await db.run(sql`CREATE INDEX \`outbox_status_idx\` ON \`outbox\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`outbox_next_attempt_at_idx\` ON \`outbox\` (\`next_attempt_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`outbox_idempotency_key_idx\` ON \`outbox\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE INDEX \`outbox_updated_at_idx\` ON \`outbox\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`outbox_created_at_idx\` ON \`outbox\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`signing_keys\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kid\` text NOT NULL,
  	\`public_jwk\` text NOT NULL,
  	\`status\` text DEFAULT 'active' NOT NULL,
  	\`statement\` text,
  	\`retired_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`signing_keys_kid_idx\` ON \`signing_keys\` (\`kid\`);`)
  await db.run(sql`CREATE INDEX \`signing_keys_status_idx\` ON \`signing_keys\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`signing_keys_updated_at_idx\` ON \`signing_keys\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`signing_keys_created_at_idx\` ON \`signing_keys\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`activations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`license_id\` integer NOT NULL,
  	\`fingerprint\` text NOT NULL,
  	\`hostname\` text,
  	\`role\` text DEFAULT 'app' NOT NULL,
  	\`app_version\` text,
  	\`activated_at\` text NOT NULL,
  	\`last_seen_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`license_id\`) REFERENCES \`licenses\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`activations_license_idx\` ON \`activations\` (\`license_id\`);`)
  await db.run(sql`CREATE INDEX \`activations_updated_at_idx\` ON \`activations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`activations_created_at_idx\` ON \`activations\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`license_fingerprint_idx\` ON \`activations\` (\`license_id\`,\`fingerprint\`);`)
  await db.run(sql`CREATE TABLE \`license_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`license_id\` integer NOT NULL,
  	\`type\` text NOT NULL,
  	\`actor_kind\` text NOT NULL,
  	\`actor_ref\` text,
  	\`actor_label\` text,
  	\`details\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`license_id\`) REFERENCES \`licenses\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`license_events_license_idx\` ON \`license_events\` (\`license_id\`);`)
  await db.run(sql`CREATE INDEX \`license_events_type_idx\` ON \`license_events\` (\`type\`);`)
  await db.run(sql`CREATE INDEX \`license_events_updated_at_idx\` ON \`license_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`license_events_created_at_idx\` ON \`license_events\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`trial_requests\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`email\` text NOT NULL,
  	\`product\` text,
  	\`address\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`trial_requests_email_idx\` ON \`trial_requests\` (\`email\`);`)
  await db.run(sql`CREATE INDEX \`trial_requests_updated_at_idx\` ON \`trial_requests\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`trial_requests_created_at_idx\` ON \`trial_requests\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`resellers_allowed_types\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`resellers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`resellers_allowed_types_order_idx\` ON \`resellers_allowed_types\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`resellers_allowed_types_parent_idx\` ON \`resellers_allowed_types\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`resellers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`active\` integer DEFAULT true,
  	\`contact_email\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`enable_a_p_i_key\` integer,
  	\`api_key\` text,
  	\`api_key_index\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`resellers_updated_at_idx\` ON \`resellers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`resellers_created_at_idx\` ON \`resellers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`resellers_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`products_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`resellers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`products_id\`) REFERENCES \`products\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`resellers_rels_order_idx\` ON \`resellers_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`resellers_rels_parent_idx\` ON \`resellers_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`resellers_rels_path_idx\` ON \`resellers_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`resellers_rels_products_id_idx\` ON \`resellers_rels\` (\`products_id\`);`)
  await db.run(sql`CREATE TABLE \`update_channels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`product_id\` integer NOT NULL,
  	\`line\` text NOT NULL,
  	\`channel\` text NOT NULL,
  	\`sequence\` numeric DEFAULT 0 NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`product_id\`) REFERENCES \`products\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`update_channels_product_idx\` ON \`update_channels\` (\`product_id\`);`)
  await db.run(sql`CREATE INDEX \`update_channels_updated_at_idx\` ON \`update_channels\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`update_channels_created_at_idx\` ON \`update_channels\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`product_line_channel_idx\` ON \`update_channels\` (\`product_id\`,\`line\`,\`channel\`);`)
  await db.run(sql`CREATE TABLE \`signed_manifests\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`product_id\` integer NOT NULL,
  	\`line\` text NOT NULL,
  	\`channel\` text NOT NULL,
  	\`platform\` text NOT NULL,
  	\`sequence\` numeric NOT NULL,
  	\`issued_at\` text NOT NULL,
  	\`expires_at\` text NOT NULL,
  	\`etag\` text NOT NULL,
  	\`body\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`product_id\`) REFERENCES \`products\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`signed_manifests_product_idx\` ON \`signed_manifests\` (\`product_id\`);`)
  await db.run(sql`CREATE INDEX \`signed_manifests_updated_at_idx\` ON \`signed_manifests\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`signed_manifests_created_at_idx\` ON \`signed_manifests\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`product_line_channel_platform_sequence_idx\` ON \`signed_manifests\` (\`product_id\`,\`line\`,\`channel\`,\`platform\`,\`sequence\`);`)
  await db.run(sql`CREATE TABLE \`release_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`release_id\` integer NOT NULL,
  	\`action\` text NOT NULL,
  	\`version\` text NOT NULL,
  	\`rollback_to\` text,
  	\`actor_id\` integer,
  	\`summary\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`release_id\`) REFERENCES \`releases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`release_events_release_idx\` ON \`release_events\` (\`release_id\`);`)
  await db.run(sql`CREATE INDEX \`release_events_actor_idx\` ON \`release_events\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`release_events_updated_at_idx\` ON \`release_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`release_events_created_at_idx\` ON \`release_events\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
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
  	\`signing_keys_id\` integer,
  	\`activations_id\` integer,
  	\`license_events_id\` integer,
  	\`trial_requests_id\` integer,
  	\`resellers_id\` integer,
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
  	FOREIGN KEY (\`signing_keys_id\`) REFERENCES \`signing_keys\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`activations_id\`) REFERENCES \`activations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`license_events_id\`) REFERENCES \`license_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`trial_requests_id\`) REFERENCES \`trial_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`resellers_id\`) REFERENCES \`resellers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`update_channels_id\`) REFERENCES \`update_channels\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`signed_manifests_id\`) REFERENCES \`signed_manifests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`release_events_id\`) REFERENCES \`release_events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_signing_keys_id_idx\` ON \`payload_locked_documents_rels\` (\`signing_keys_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_activations_id_idx\` ON \`payload_locked_documents_rels\` (\`activations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_license_events_id_idx\` ON \`payload_locked_documents_rels\` (\`license_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_trial_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`trial_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_resellers_id_idx\` ON \`payload_locked_documents_rels\` (\`resellers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_update_channels_id_idx\` ON \`payload_locked_documents_rels\` (\`update_channels_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_signed_manifests_id_idx\` ON \`payload_locked_documents_rels\` (\`signed_manifests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_release_events_id_idx\` ON \`payload_locked_documents_rels\` (\`release_events_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	\`customer_users_id\` integer,
  	\`resellers_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`customer_users_id\`) REFERENCES \`customer_users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`resellers_id\`) REFERENCES \`resellers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_customer_users_id_idx\` ON \`payload_preferences_rels\` (\`customer_users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_resellers_id_idx\` ON \`payload_preferences_rels\` (\`resellers_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`users_roles\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`customers_contacts_receives\`;`)
  await db.run(sql`DROP TABLE \`customers_contacts\`;`)
  await db.run(sql`DROP TABLE \`customers\`;`)
  await db.run(sql`DROP TABLE \`customer_users_sessions\`;`)
  await db.run(sql`DROP TABLE \`customer_users\`;`)
  await db.run(sql`DROP TABLE \`customer_users_rels\`;`)
  await db.run(sql`DROP TABLE \`products\`;`)
  await db.run(sql`DROP TABLE \`products_texts\`;`)
  await db.run(sql`DROP TABLE \`releases_requires\`;`)
  await db.run(sql`DROP TABLE \`releases_recipients\`;`)
  await db.run(sql`DROP TABLE \`releases\`;`)
  await db.run(sql`DROP TABLE \`releases_rels\`;`)
  await db.run(sql`DROP TABLE \`_releases_v_version_requires\`;`)
  await db.run(sql`DROP TABLE \`_releases_v_version_recipients\`;`)
  await db.run(sql`DROP TABLE \`_releases_v\`;`)
  await db.run(sql`DROP TABLE \`_releases_v_rels\`;`)
  await db.run(sql`DROP TABLE \`artifacts\`;`)
  await db.run(sql`DROP TABLE \`changelogs_entries\`;`)
  await db.run(sql`DROP TABLE \`changelogs\`;`)
  await db.run(sql`DROP TABLE \`video_teasers\`;`)
  await db.run(sql`DROP TABLE \`doc_links\`;`)
  await db.run(sql`DROP TABLE \`faqs\`;`)
  await db.run(sql`DROP TABLE \`email_templates\`;`)
  await db.run(sql`DROP TABLE \`licenses\`;`)
  await db.run(sql`DROP TABLE \`licenses_texts\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`scheduled_runs\`;`)
  await db.run(sql`DROP TABLE \`outbox\`;`)
  await db.run(sql`DROP TABLE \`signing_keys\`;`)
  await db.run(sql`DROP TABLE \`activations\`;`)
  await db.run(sql`DROP TABLE \`license_events\`;`)
  await db.run(sql`DROP TABLE \`trial_requests\`;`)
  await db.run(sql`DROP TABLE \`resellers_allowed_types\`;`)
  await db.run(sql`DROP TABLE \`resellers\`;`)
  await db.run(sql`DROP TABLE \`resellers_rels\`;`)
  await db.run(sql`DROP TABLE \`update_channels\`;`)
  await db.run(sql`DROP TABLE \`signed_manifests\`;`)
  await db.run(sql`DROP TABLE \`release_events\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
}
