import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'support', 'release-manager', 'editor');
  CREATE TYPE "public"."enum_customers_contacts_receives" AS ENUM('licenses', 'releases');
  CREATE TYPE "public"."enum_releases_recipients_source" AS ENUM('global', 'extra');
  CREATE TYPE "public"."enum_releases_channel" AS ENUM('stable', 'beta', 'alpha');
  CREATE TYPE "public"."enum_releases_release_status" AS ENUM('draft', 'published', 'pulled');
  CREATE TYPE "public"."enum_releases_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__releases_v_version_recipients_source" AS ENUM('global', 'extra');
  CREATE TYPE "public"."enum__releases_v_version_channel" AS ENUM('stable', 'beta', 'alpha');
  CREATE TYPE "public"."enum__releases_v_version_release_status" AS ENUM('draft', 'published', 'pulled');
  CREATE TYPE "public"."enum__releases_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_changelogs_entries_kind" AS ENUM('added', 'changed', 'fixed', 'security');
  CREATE TYPE "public"."enum_doc_links_kind" AS ENUM('doc', 'wiki');
  CREATE TYPE "public"."enum_faqs_topic" AS ENUM('licensing', 'install', 'updates', 'billing', 'other');
  CREATE TYPE "public"."enum_email_templates_key" AS ENUM('release-published', 'license-expiring', 'license-expired', 'trial-created', 'license-created', 'staff-renewal-due', 'staff-trial-expiring', 'staff-limit-reached');
  CREATE TYPE "public"."enum_licenses_type" AS ENUM('trial', 'subscription', 'perpetual', 'on-usage');
  CREATE TYPE "public"."enum_licenses_status" AS ENUM('active', 'suspended');
  CREATE TYPE "public"."enum_scheduled_runs_status" AS ENUM('running', 'done', 'failed');
  CREATE TYPE "public"."enum_outbox_template_key" AS ENUM('release-published', 'license-expiring', 'license-expired', 'trial-created', 'license-created', 'staff-renewal-due', 'staff-trial-expiring', 'staff-limit-reached');
  CREATE TYPE "public"."enum_outbox_status" AS ENUM('queued', 'sending', 'sent', 'failed');
  CREATE TYPE "public"."enum_signing_keys_status" AS ENUM('active', 'retired');
  CREATE TYPE "public"."enum_activations_role" AS ENUM('app', 'collector', 'cockpit', 'slave');
  CREATE TYPE "public"."enum_license_events_type" AS ENUM('created', 'updated', 'trial-started', 'extended', 'converted', 'modules-added', 'pack-added', 'suspended', 'reinstated', 'activated', 'deactivated', 'limit-reached', 'trial-mail-resent');
  CREATE TYPE "public"."enum_license_events_actor_kind" AS ENUM('staff', 'reseller', 'app', 'customer', 'system');
  CREATE TYPE "public"."enum_resellers_allowed_types" AS ENUM('trial', 'subscription', 'perpetual', 'on-usage');
  CREATE TYPE "public"."enum_update_channels_channel" AS ENUM('stable', 'beta', 'alpha');
  CREATE TYPE "public"."enum_release_events_action" AS ENUM('pulled', 'restored');
  CREATE TABLE "users_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "customers_contacts_receives" (
  	"order" integer NOT NULL,
  	"parent_id" varchar NOT NULL,
  	"value" "enum_customers_contacts_receives",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "customers_contacts" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"email" varchar NOT NULL,
  	"name" varchar
  );
  
  CREATE TABLE "customers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "customer_users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "customer_users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"enable_a_p_i_key" boolean,
  	"api_key" varchar,
  	"api_key_index" varchar,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "customer_users_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"customers_id" integer
  );
  
  CREATE TABLE "products" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"keep_versions_days" numeric DEFAULT 730 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "products_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "releases_requires" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"product" varchar,
  	"range" varchar
  );
  
  CREATE TABLE "releases_recipients" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"email" varchar,
  	"include" boolean DEFAULT true,
  	"source" "enum_releases_recipients_source" DEFAULT 'extra'
  );
  
  CREATE TABLE "releases" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"product_id" integer,
  	"line" varchar,
  	"version" varchar,
  	"channel" "enum_releases_channel" DEFAULT 'stable',
  	"status" "enum_releases_release_status" DEFAULT 'draft',
  	"released_at" timestamp(3) with time zone,
  	"critical" boolean DEFAULT false,
  	"minimum_upgrade_from" varchar,
  	"rollout_percent" numeric DEFAULT 100,
  	"summary" varchar,
  	"notes" jsonb,
  	"changelog_id" integer,
  	"video_teaser_id" integer,
  	"rollback_to" varchar,
  	"pulled_at" timestamp(3) with time zone,
  	"archived" boolean DEFAULT false,
  	"notify_by_email" boolean DEFAULT false,
  	"email_template_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_releases_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "releases_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"doc_links_id" integer
  );
  
  CREATE TABLE "_releases_v_version_requires" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"product" varchar,
  	"range" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_releases_v_version_recipients" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"email" varchar,
  	"include" boolean DEFAULT true,
  	"source" "enum__releases_v_version_recipients_source" DEFAULT 'extra',
  	"_uuid" varchar
  );
  
  CREATE TABLE "_releases_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_product_id" integer,
  	"version_line" varchar,
  	"version_version" varchar,
  	"version_channel" "enum__releases_v_version_channel" DEFAULT 'stable',
  	"version_status" "enum__releases_v_version_release_status" DEFAULT 'draft',
  	"version_released_at" timestamp(3) with time zone,
  	"version_critical" boolean DEFAULT false,
  	"version_minimum_upgrade_from" varchar,
  	"version_rollout_percent" numeric DEFAULT 100,
  	"version_summary" varchar,
  	"version_notes" jsonb,
  	"version_changelog_id" integer,
  	"version_video_teaser_id" integer,
  	"version_rollback_to" varchar,
  	"version_pulled_at" timestamp(3) with time zone,
  	"version_archived" boolean DEFAULT false,
  	"version_notify_by_email" boolean DEFAULT false,
  	"version_email_template_id" integer,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__releases_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_releases_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"doc_links_id" integer
  );
  
  CREATE TABLE "artifacts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"release_id" integer,
  	"platform" varchar NOT NULL,
  	"sha256" varchar,
  	"size" numeric,
  	"file_deleted_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "changelogs_entries" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" "enum_changelogs_entries_kind" DEFAULT 'changed' NOT NULL,
  	"text" varchar NOT NULL
  );
  
  CREATE TABLE "changelogs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"release_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "video_teasers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"description" varchar,
  	"video_id" integer,
  	"url" varchar,
  	"poster_id" integer,
  	"product_id" integer,
  	"release_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "doc_links" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"url" varchar NOT NULL,
  	"kind" "enum_doc_links_kind" DEFAULT 'doc' NOT NULL,
  	"product_id" integer,
  	"release_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "faqs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"question" varchar NOT NULL,
  	"answer" jsonb NOT NULL,
  	"topic" "enum_faqs_topic" DEFAULT 'other' NOT NULL,
  	"order" numeric DEFAULT 100,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "email_templates" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"key" "enum_email_templates_key" NOT NULL,
  	"subject" varchar NOT NULL,
  	"body" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "licenses" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"customer_id" integer NOT NULL,
  	"product_id" integer NOT NULL,
  	"line" varchar NOT NULL,
  	"type" "enum_licenses_type" DEFAULT 'subscription' NOT NULL,
  	"status" "enum_licenses_status" DEFAULT 'active' NOT NULL,
  	"starts_at" timestamp(3) with time zone NOT NULL,
  	"expires_at" timestamp(3) with time zone,
  	"max_clients" numeric DEFAULT 1 NOT NULL,
  	"max_users" numeric DEFAULT 5 NOT NULL,
  	"credits" numeric,
  	"active_clients" numeric DEFAULT 0,
  	"limit_reached_count" numeric DEFAULT 0,
  	"validation_count" numeric DEFAULT 0,
  	"last_validated_at" timestamp(3) with time zone,
  	"notes" varchar,
  	"reseller_id" integer,
  	"creation_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "licenses_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"alt" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "scheduled_runs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"task" varchar NOT NULL,
  	"run_key" varchar NOT NULL,
  	"status" "enum_scheduled_runs_status" DEFAULT 'running' NOT NULL,
  	"instance" varchar,
  	"started_at" timestamp(3) with time zone,
  	"finished_at" timestamp(3) with time zone,
  	"result" jsonb,
  	"error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "outbox" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"to" varchar NOT NULL,
  	"template_key" "enum_outbox_template_key",
  	"template_id" integer,
  	"subject" varchar NOT NULL,
  	"text" varchar NOT NULL,
  	"html" varchar,
  	"status" "enum_outbox_status" DEFAULT 'queued' NOT NULL,
  	"attempts" numeric DEFAULT 0,
  	"next_attempt_at" timestamp(3) with time zone,
  	"idempotency_key" varchar NOT NULL,
  	"claimed_at" timestamp(3) with time zone,
  	"sent_at" timestamp(3) with time zone,
  	"message_id" varchar,
  	"last_error" varchar,
  	"context" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "signing_keys" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"kid" varchar NOT NULL,
  	"public_jwk" jsonb NOT NULL,
  	"status" "enum_signing_keys_status" DEFAULT 'active' NOT NULL,
  	"statement" varchar,
  	"retired_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "activations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"license_id" integer NOT NULL,
  	"fingerprint" varchar NOT NULL,
  	"hostname" varchar,
  	"role" "enum_activations_role" DEFAULT 'app' NOT NULL,
  	"app_version" varchar,
  	"activated_at" timestamp(3) with time zone NOT NULL,
  	"last_seen_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "license_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"license_id" integer NOT NULL,
  	"type" "enum_license_events_type" NOT NULL,
  	"actor_kind" "enum_license_events_actor_kind" NOT NULL,
  	"actor_ref" varchar,
  	"actor_label" varchar,
  	"details" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "trial_requests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"email" varchar NOT NULL,
  	"product" varchar,
  	"address" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "resellers_allowed_types" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_resellers_allowed_types",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "resellers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"active" boolean DEFAULT true,
  	"contact_email" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"enable_a_p_i_key" boolean,
  	"api_key" varchar,
  	"api_key_index" varchar
  );
  
  CREATE TABLE "resellers_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"products_id" integer
  );
  
  CREATE TABLE "update_channels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"product_id" integer NOT NULL,
  	"line" varchar NOT NULL,
  	"channel" "enum_update_channels_channel" NOT NULL,
  	"sequence" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "signed_manifests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"product_id" integer NOT NULL,
  	"line" varchar NOT NULL,
  	"channel" varchar NOT NULL,
  	"platform" varchar NOT NULL,
  	"sequence" numeric NOT NULL,
  	"issued_at" timestamp(3) with time zone NOT NULL,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"etag" varchar NOT NULL,
  	"body" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "release_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"release_id" integer NOT NULL,
  	"action" "enum_release_events_action" NOT NULL,
  	"version" varchar NOT NULL,
  	"rollback_to" varchar,
  	"actor_id" integer,
  	"summary" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"customers_id" integer,
  	"customer_users_id" integer,
  	"products_id" integer,
  	"releases_id" integer,
  	"artifacts_id" integer,
  	"changelogs_id" integer,
  	"video_teasers_id" integer,
  	"doc_links_id" integer,
  	"faqs_id" integer,
  	"email_templates_id" integer,
  	"licenses_id" integer,
  	"media_id" integer,
  	"scheduled_runs_id" integer,
  	"outbox_id" integer,
  	"signing_keys_id" integer,
  	"activations_id" integer,
  	"license_events_id" integer,
  	"trial_requests_id" integer,
  	"resellers_id" integer,
  	"update_channels_id" integer,
  	"signed_manifests_id" integer,
  	"release_events_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"customer_users_id" integer,
  	"resellers_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "customers_contacts_receives" ADD CONSTRAINT "customers_contacts_receives_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."customers_contacts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "customers_contacts" ADD CONSTRAINT "customers_contacts_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "customer_users_sessions" ADD CONSTRAINT "customer_users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."customer_users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "customer_users_rels" ADD CONSTRAINT "customer_users_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."customer_users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "customer_users_rels" ADD CONSTRAINT "customer_users_rels_customers_fk" FOREIGN KEY ("customers_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "products_texts" ADD CONSTRAINT "products_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "releases_requires" ADD CONSTRAINT "releases_requires_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "releases_recipients" ADD CONSTRAINT "releases_recipients_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "releases" ADD CONSTRAINT "releases_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "releases" ADD CONSTRAINT "releases_changelog_id_changelogs_id_fk" FOREIGN KEY ("changelog_id") REFERENCES "public"."changelogs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "releases" ADD CONSTRAINT "releases_video_teaser_id_video_teasers_id_fk" FOREIGN KEY ("video_teaser_id") REFERENCES "public"."video_teasers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "releases" ADD CONSTRAINT "releases_email_template_id_email_templates_id_fk" FOREIGN KEY ("email_template_id") REFERENCES "public"."email_templates"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "releases_rels" ADD CONSTRAINT "releases_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "releases_rels" ADD CONSTRAINT "releases_rels_doc_links_fk" FOREIGN KEY ("doc_links_id") REFERENCES "public"."doc_links"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_releases_v_version_requires" ADD CONSTRAINT "_releases_v_version_requires_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_releases_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_releases_v_version_recipients" ADD CONSTRAINT "_releases_v_version_recipients_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_releases_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_releases_v" ADD CONSTRAINT "_releases_v_parent_id_releases_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."releases"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_releases_v" ADD CONSTRAINT "_releases_v_version_product_id_products_id_fk" FOREIGN KEY ("version_product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_releases_v" ADD CONSTRAINT "_releases_v_version_changelog_id_changelogs_id_fk" FOREIGN KEY ("version_changelog_id") REFERENCES "public"."changelogs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_releases_v" ADD CONSTRAINT "_releases_v_version_video_teaser_id_video_teasers_id_fk" FOREIGN KEY ("version_video_teaser_id") REFERENCES "public"."video_teasers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_releases_v" ADD CONSTRAINT "_releases_v_version_email_template_id_email_templates_id_fk" FOREIGN KEY ("version_email_template_id") REFERENCES "public"."email_templates"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_releases_v_rels" ADD CONSTRAINT "_releases_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_releases_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_releases_v_rels" ADD CONSTRAINT "_releases_v_rels_doc_links_fk" FOREIGN KEY ("doc_links_id") REFERENCES "public"."doc_links"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "artifacts" ADD CONSTRAINT "artifacts_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "changelogs_entries" ADD CONSTRAINT "changelogs_entries_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."changelogs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "changelogs" ADD CONSTRAINT "changelogs_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "video_teasers" ADD CONSTRAINT "video_teasers_video_id_media_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "video_teasers" ADD CONSTRAINT "video_teasers_poster_id_media_id_fk" FOREIGN KEY ("poster_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "video_teasers" ADD CONSTRAINT "video_teasers_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "video_teasers" ADD CONSTRAINT "video_teasers_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "doc_links" ADD CONSTRAINT "doc_links_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "doc_links" ADD CONSTRAINT "doc_links_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "licenses" ADD CONSTRAINT "licenses_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "licenses" ADD CONSTRAINT "licenses_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "licenses" ADD CONSTRAINT "licenses_reseller_id_resellers_id_fk" FOREIGN KEY ("reseller_id") REFERENCES "public"."resellers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "licenses_texts" ADD CONSTRAINT "licenses_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "outbox" ADD CONSTRAINT "outbox_template_id_email_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."email_templates"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "activations" ADD CONSTRAINT "activations_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "license_events" ADD CONSTRAINT "license_events_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "resellers_allowed_types" ADD CONSTRAINT "resellers_allowed_types_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."resellers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "resellers_rels" ADD CONSTRAINT "resellers_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."resellers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "resellers_rels" ADD CONSTRAINT "resellers_rels_products_fk" FOREIGN KEY ("products_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "update_channels" ADD CONSTRAINT "update_channels_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "signed_manifests" ADD CONSTRAINT "signed_manifests_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "release_events" ADD CONSTRAINT "release_events_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "release_events" ADD CONSTRAINT "release_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_customers_fk" FOREIGN KEY ("customers_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_customer_users_fk" FOREIGN KEY ("customer_users_id") REFERENCES "public"."customer_users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_products_fk" FOREIGN KEY ("products_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_releases_fk" FOREIGN KEY ("releases_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_artifacts_fk" FOREIGN KEY ("artifacts_id") REFERENCES "public"."artifacts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_changelogs_fk" FOREIGN KEY ("changelogs_id") REFERENCES "public"."changelogs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_video_teasers_fk" FOREIGN KEY ("video_teasers_id") REFERENCES "public"."video_teasers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_doc_links_fk" FOREIGN KEY ("doc_links_id") REFERENCES "public"."doc_links"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_faqs_fk" FOREIGN KEY ("faqs_id") REFERENCES "public"."faqs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_email_templates_fk" FOREIGN KEY ("email_templates_id") REFERENCES "public"."email_templates"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_licenses_fk" FOREIGN KEY ("licenses_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_scheduled_runs_fk" FOREIGN KEY ("scheduled_runs_id") REFERENCES "public"."scheduled_runs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_outbox_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_signing_keys_fk" FOREIGN KEY ("signing_keys_id") REFERENCES "public"."signing_keys"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_activations_fk" FOREIGN KEY ("activations_id") REFERENCES "public"."activations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_license_events_fk" FOREIGN KEY ("license_events_id") REFERENCES "public"."license_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_trial_requests_fk" FOREIGN KEY ("trial_requests_id") REFERENCES "public"."trial_requests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_resellers_fk" FOREIGN KEY ("resellers_id") REFERENCES "public"."resellers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_update_channels_fk" FOREIGN KEY ("update_channels_id") REFERENCES "public"."update_channels"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_signed_manifests_fk" FOREIGN KEY ("signed_manifests_id") REFERENCES "public"."signed_manifests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_release_events_fk" FOREIGN KEY ("release_events_id") REFERENCES "public"."release_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_customer_users_fk" FOREIGN KEY ("customer_users_id") REFERENCES "public"."customer_users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_resellers_fk" FOREIGN KEY ("resellers_id") REFERENCES "public"."resellers"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_roles_order_idx" ON "users_roles" USING btree ("order");
  CREATE INDEX "users_roles_parent_idx" ON "users_roles" USING btree ("parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "customers_contacts_receives_order_idx" ON "customers_contacts_receives" USING btree ("order");
  CREATE INDEX "customers_contacts_receives_parent_idx" ON "customers_contacts_receives" USING btree ("parent_id");
  CREATE INDEX "customers_contacts_order_idx" ON "customers_contacts" USING btree ("_order");
  CREATE INDEX "customers_contacts_parent_id_idx" ON "customers_contacts" USING btree ("_parent_id");
  CREATE INDEX "customers_name_idx" ON "customers" USING btree ("name");
  CREATE INDEX "customers_updated_at_idx" ON "customers" USING btree ("updated_at");
  CREATE INDEX "customers_created_at_idx" ON "customers" USING btree ("created_at");
  CREATE INDEX "customer_users_sessions_order_idx" ON "customer_users_sessions" USING btree ("_order");
  CREATE INDEX "customer_users_sessions_parent_id_idx" ON "customer_users_sessions" USING btree ("_parent_id");
  CREATE INDEX "customer_users_updated_at_idx" ON "customer_users" USING btree ("updated_at");
  CREATE INDEX "customer_users_created_at_idx" ON "customer_users" USING btree ("created_at");
  CREATE UNIQUE INDEX "customer_users_email_idx" ON "customer_users" USING btree ("email");
  CREATE INDEX "customer_users_rels_order_idx" ON "customer_users_rels" USING btree ("order");
  CREATE INDEX "customer_users_rels_parent_idx" ON "customer_users_rels" USING btree ("parent_id");
  CREATE INDEX "customer_users_rels_path_idx" ON "customer_users_rels" USING btree ("path");
  CREATE INDEX "customer_users_rels_customers_id_idx" ON "customer_users_rels" USING btree ("customers_id");
  CREATE UNIQUE INDEX "products_slug_idx" ON "products" USING btree ("slug");
  CREATE INDEX "products_updated_at_idx" ON "products" USING btree ("updated_at");
  CREATE INDEX "products_created_at_idx" ON "products" USING btree ("created_at");
  CREATE INDEX "products_texts_order_parent" ON "products_texts" USING btree ("order","parent_id");
  CREATE INDEX "releases_requires_order_idx" ON "releases_requires" USING btree ("_order");
  CREATE INDEX "releases_requires_parent_id_idx" ON "releases_requires" USING btree ("_parent_id");
  CREATE INDEX "releases_recipients_order_idx" ON "releases_recipients" USING btree ("_order");
  CREATE INDEX "releases_recipients_parent_id_idx" ON "releases_recipients" USING btree ("_parent_id");
  CREATE INDEX "releases_product_idx" ON "releases" USING btree ("product_id");
  CREATE INDEX "releases_line_idx" ON "releases" USING btree ("line");
  CREATE INDEX "releases_channel_idx" ON "releases" USING btree ("channel");
  CREATE INDEX "releases_status_idx" ON "releases" USING btree ("status");
  CREATE INDEX "releases_changelog_idx" ON "releases" USING btree ("changelog_id");
  CREATE INDEX "releases_video_teaser_idx" ON "releases" USING btree ("video_teaser_id");
  CREATE INDEX "releases_archived_idx" ON "releases" USING btree ("archived");
  CREATE INDEX "releases_email_template_idx" ON "releases" USING btree ("email_template_id");
  CREATE INDEX "releases_updated_at_idx" ON "releases" USING btree ("updated_at");
  CREATE INDEX "releases_created_at_idx" ON "releases" USING btree ("created_at");
  CREATE INDEX "releases__status_idx" ON "releases" USING btree ("_status");
  CREATE UNIQUE INDEX "product_line_version_idx" ON "releases" USING btree ("product_id","line","version");
  CREATE INDEX "releases_rels_order_idx" ON "releases_rels" USING btree ("order");
  CREATE INDEX "releases_rels_parent_idx" ON "releases_rels" USING btree ("parent_id");
  CREATE INDEX "releases_rels_path_idx" ON "releases_rels" USING btree ("path");
  CREATE INDEX "releases_rels_doc_links_id_idx" ON "releases_rels" USING btree ("doc_links_id");
  CREATE INDEX "_releases_v_version_requires_order_idx" ON "_releases_v_version_requires" USING btree ("_order");
  CREATE INDEX "_releases_v_version_requires_parent_id_idx" ON "_releases_v_version_requires" USING btree ("_parent_id");
  CREATE INDEX "_releases_v_version_recipients_order_idx" ON "_releases_v_version_recipients" USING btree ("_order");
  CREATE INDEX "_releases_v_version_recipients_parent_id_idx" ON "_releases_v_version_recipients" USING btree ("_parent_id");
  CREATE INDEX "_releases_v_parent_idx" ON "_releases_v" USING btree ("parent_id");
  CREATE INDEX "_releases_v_version_version_product_idx" ON "_releases_v" USING btree ("version_product_id");
  CREATE INDEX "_releases_v_version_version_line_idx" ON "_releases_v" USING btree ("version_line");
  CREATE INDEX "_releases_v_version_version_channel_idx" ON "_releases_v" USING btree ("version_channel");
  CREATE INDEX "_releases_v_version_version_status_idx" ON "_releases_v" USING btree ("version_status");
  CREATE INDEX "_releases_v_version_version_changelog_idx" ON "_releases_v" USING btree ("version_changelog_id");
  CREATE INDEX "_releases_v_version_version_video_teaser_idx" ON "_releases_v" USING btree ("version_video_teaser_id");
  CREATE INDEX "_releases_v_version_version_archived_idx" ON "_releases_v" USING btree ("version_archived");
  CREATE INDEX "_releases_v_version_version_email_template_idx" ON "_releases_v" USING btree ("version_email_template_id");
  CREATE INDEX "_releases_v_version_version_updated_at_idx" ON "_releases_v" USING btree ("version_updated_at");
  CREATE INDEX "_releases_v_version_version_created_at_idx" ON "_releases_v" USING btree ("version_created_at");
  CREATE INDEX "_releases_v_version_version__status_idx" ON "_releases_v" USING btree ("version__status");
  CREATE INDEX "_releases_v_created_at_idx" ON "_releases_v" USING btree ("created_at");
  CREATE INDEX "_releases_v_updated_at_idx" ON "_releases_v" USING btree ("updated_at");
  CREATE INDEX "_releases_v_latest_idx" ON "_releases_v" USING btree ("latest");
  CREATE INDEX "version_product_version_line_version_version_idx" ON "_releases_v" USING btree ("version_product_id","version_line","version_version");
  CREATE INDEX "_releases_v_rels_order_idx" ON "_releases_v_rels" USING btree ("order");
  CREATE INDEX "_releases_v_rels_parent_idx" ON "_releases_v_rels" USING btree ("parent_id");
  CREATE INDEX "_releases_v_rels_path_idx" ON "_releases_v_rels" USING btree ("path");
  CREATE INDEX "_releases_v_rels_doc_links_id_idx" ON "_releases_v_rels" USING btree ("doc_links_id");
  CREATE INDEX "artifacts_release_idx" ON "artifacts" USING btree ("release_id");
  CREATE INDEX "artifacts_platform_idx" ON "artifacts" USING btree ("platform");
  CREATE INDEX "artifacts_sha256_idx" ON "artifacts" USING btree ("sha256");
  CREATE INDEX "artifacts_updated_at_idx" ON "artifacts" USING btree ("updated_at");
  CREATE INDEX "artifacts_created_at_idx" ON "artifacts" USING btree ("created_at");
  CREATE UNIQUE INDEX "artifacts_filename_idx" ON "artifacts" USING btree ("filename");
  CREATE UNIQUE INDEX "release_platform_idx" ON "artifacts" USING btree ("release_id","platform");
  CREATE INDEX "changelogs_entries_order_idx" ON "changelogs_entries" USING btree ("_order");
  CREATE INDEX "changelogs_entries_parent_id_idx" ON "changelogs_entries" USING btree ("_parent_id");
  CREATE INDEX "changelogs_release_idx" ON "changelogs" USING btree ("release_id");
  CREATE INDEX "changelogs_updated_at_idx" ON "changelogs" USING btree ("updated_at");
  CREATE INDEX "changelogs_created_at_idx" ON "changelogs" USING btree ("created_at");
  CREATE INDEX "video_teasers_video_idx" ON "video_teasers" USING btree ("video_id");
  CREATE INDEX "video_teasers_poster_idx" ON "video_teasers" USING btree ("poster_id");
  CREATE INDEX "video_teasers_product_idx" ON "video_teasers" USING btree ("product_id");
  CREATE INDEX "video_teasers_release_idx" ON "video_teasers" USING btree ("release_id");
  CREATE INDEX "video_teasers_updated_at_idx" ON "video_teasers" USING btree ("updated_at");
  CREATE INDEX "video_teasers_created_at_idx" ON "video_teasers" USING btree ("created_at");
  CREATE INDEX "doc_links_product_idx" ON "doc_links" USING btree ("product_id");
  CREATE INDEX "doc_links_release_idx" ON "doc_links" USING btree ("release_id");
  CREATE INDEX "doc_links_updated_at_idx" ON "doc_links" USING btree ("updated_at");
  CREATE INDEX "doc_links_created_at_idx" ON "doc_links" USING btree ("created_at");
  CREATE INDEX "faqs_updated_at_idx" ON "faqs" USING btree ("updated_at");
  CREATE INDEX "faqs_created_at_idx" ON "faqs" USING btree ("created_at");
  CREATE INDEX "email_templates_key_idx" ON "email_templates" USING btree ("key");
  CREATE INDEX "email_templates_updated_at_idx" ON "email_templates" USING btree ("updated_at");
  CREATE INDEX "email_templates_created_at_idx" ON "email_templates" USING btree ("created_at");
  CREATE UNIQUE INDEX "licenses_key_idx" ON "licenses" USING btree ("key");
  CREATE INDEX "licenses_customer_idx" ON "licenses" USING btree ("customer_id");
  CREATE INDEX "licenses_product_idx" ON "licenses" USING btree ("product_id");
  CREATE INDEX "licenses_type_idx" ON "licenses" USING btree ("type");
  CREATE INDEX "licenses_status_idx" ON "licenses" USING btree ("status");
  CREATE INDEX "licenses_expires_at_idx" ON "licenses" USING btree ("expires_at");
  CREATE INDEX "licenses_reseller_idx" ON "licenses" USING btree ("reseller_id");
  CREATE UNIQUE INDEX "licenses_creation_key_idx" ON "licenses" USING btree ("creation_key");
  CREATE INDEX "licenses_updated_at_idx" ON "licenses" USING btree ("updated_at");
  CREATE INDEX "licenses_created_at_idx" ON "licenses" USING btree ("created_at");
  CREATE INDEX "licenses_texts_order_parent" ON "licenses_texts" USING btree ("order","parent_id");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "scheduled_runs_task_idx" ON "scheduled_runs" USING btree ("task");
  CREATE UNIQUE INDEX "scheduled_runs_run_key_idx" ON "scheduled_runs" USING btree ("run_key");
  CREATE INDEX "scheduled_runs_updated_at_idx" ON "scheduled_runs" USING btree ("updated_at");
  CREATE INDEX "scheduled_runs_created_at_idx" ON "scheduled_runs" USING btree ("created_at");
  CREATE INDEX "outbox_to_idx" ON "outbox" USING btree ("to");
  CREATE INDEX "outbox_template_key_idx" ON "outbox" USING btree ("template_key");
  CREATE INDEX "outbox_template_idx" ON "outbox" USING btree ("template_id");
  CREATE INDEX "outbox_status_idx" ON "outbox" USING btree ("status");
  CREATE INDEX "outbox_next_attempt_at_idx" ON "outbox" USING btree ("next_attempt_at");
  CREATE UNIQUE INDEX "outbox_idempotency_key_idx" ON "outbox" USING btree ("idempotency_key");
  CREATE INDEX "outbox_updated_at_idx" ON "outbox" USING btree ("updated_at");
  CREATE INDEX "outbox_created_at_idx" ON "outbox" USING btree ("created_at");
  CREATE UNIQUE INDEX "signing_keys_kid_idx" ON "signing_keys" USING btree ("kid");
  CREATE INDEX "signing_keys_status_idx" ON "signing_keys" USING btree ("status");
  CREATE INDEX "signing_keys_updated_at_idx" ON "signing_keys" USING btree ("updated_at");
  CREATE INDEX "signing_keys_created_at_idx" ON "signing_keys" USING btree ("created_at");
  CREATE INDEX "activations_license_idx" ON "activations" USING btree ("license_id");
  CREATE INDEX "activations_updated_at_idx" ON "activations" USING btree ("updated_at");
  CREATE INDEX "activations_created_at_idx" ON "activations" USING btree ("created_at");
  CREATE UNIQUE INDEX "license_fingerprint_idx" ON "activations" USING btree ("license_id","fingerprint");
  CREATE INDEX "license_events_license_idx" ON "license_events" USING btree ("license_id");
  CREATE INDEX "license_events_type_idx" ON "license_events" USING btree ("type");
  CREATE INDEX "license_events_updated_at_idx" ON "license_events" USING btree ("updated_at");
  CREATE INDEX "license_events_created_at_idx" ON "license_events" USING btree ("created_at");
  CREATE INDEX "trial_requests_email_idx" ON "trial_requests" USING btree ("email");
  CREATE INDEX "trial_requests_updated_at_idx" ON "trial_requests" USING btree ("updated_at");
  CREATE INDEX "trial_requests_created_at_idx" ON "trial_requests" USING btree ("created_at");
  CREATE INDEX "resellers_allowed_types_order_idx" ON "resellers_allowed_types" USING btree ("order");
  CREATE INDEX "resellers_allowed_types_parent_idx" ON "resellers_allowed_types" USING btree ("parent_id");
  CREATE INDEX "resellers_updated_at_idx" ON "resellers" USING btree ("updated_at");
  CREATE INDEX "resellers_created_at_idx" ON "resellers" USING btree ("created_at");
  CREATE INDEX "resellers_rels_order_idx" ON "resellers_rels" USING btree ("order");
  CREATE INDEX "resellers_rels_parent_idx" ON "resellers_rels" USING btree ("parent_id");
  CREATE INDEX "resellers_rels_path_idx" ON "resellers_rels" USING btree ("path");
  CREATE INDEX "resellers_rels_products_id_idx" ON "resellers_rels" USING btree ("products_id");
  CREATE INDEX "update_channels_product_idx" ON "update_channels" USING btree ("product_id");
  CREATE INDEX "update_channels_updated_at_idx" ON "update_channels" USING btree ("updated_at");
  CREATE INDEX "update_channels_created_at_idx" ON "update_channels" USING btree ("created_at");
  CREATE UNIQUE INDEX "product_line_channel_idx" ON "update_channels" USING btree ("product_id","line","channel");
  CREATE INDEX "signed_manifests_product_idx" ON "signed_manifests" USING btree ("product_id");
  CREATE INDEX "signed_manifests_updated_at_idx" ON "signed_manifests" USING btree ("updated_at");
  CREATE INDEX "signed_manifests_created_at_idx" ON "signed_manifests" USING btree ("created_at");
  CREATE UNIQUE INDEX "product_line_channel_platform_sequence_idx" ON "signed_manifests" USING btree ("product_id","line","channel","platform","sequence");
  CREATE INDEX "release_events_release_idx" ON "release_events" USING btree ("release_id");
  CREATE INDEX "release_events_actor_idx" ON "release_events" USING btree ("actor_id");
  CREATE INDEX "release_events_updated_at_idx" ON "release_events" USING btree ("updated_at");
  CREATE INDEX "release_events_created_at_idx" ON "release_events" USING btree ("created_at");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_customers_id_idx" ON "payload_locked_documents_rels" USING btree ("customers_id");
  CREATE INDEX "payload_locked_documents_rels_customer_users_id_idx" ON "payload_locked_documents_rels" USING btree ("customer_users_id");
  CREATE INDEX "payload_locked_documents_rels_products_id_idx" ON "payload_locked_documents_rels" USING btree ("products_id");
  CREATE INDEX "payload_locked_documents_rels_releases_id_idx" ON "payload_locked_documents_rels" USING btree ("releases_id");
  CREATE INDEX "payload_locked_documents_rels_artifacts_id_idx" ON "payload_locked_documents_rels" USING btree ("artifacts_id");
  CREATE INDEX "payload_locked_documents_rels_changelogs_id_idx" ON "payload_locked_documents_rels" USING btree ("changelogs_id");
  CREATE INDEX "payload_locked_documents_rels_video_teasers_id_idx" ON "payload_locked_documents_rels" USING btree ("video_teasers_id");
  CREATE INDEX "payload_locked_documents_rels_doc_links_id_idx" ON "payload_locked_documents_rels" USING btree ("doc_links_id");
  CREATE INDEX "payload_locked_documents_rels_faqs_id_idx" ON "payload_locked_documents_rels" USING btree ("faqs_id");
  CREATE INDEX "payload_locked_documents_rels_email_templates_id_idx" ON "payload_locked_documents_rels" USING btree ("email_templates_id");
  CREATE INDEX "payload_locked_documents_rels_licenses_id_idx" ON "payload_locked_documents_rels" USING btree ("licenses_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_scheduled_runs_id_idx" ON "payload_locked_documents_rels" USING btree ("scheduled_runs_id");
  CREATE INDEX "payload_locked_documents_rels_outbox_id_idx" ON "payload_locked_documents_rels" USING btree ("outbox_id");
  CREATE INDEX "payload_locked_documents_rels_signing_keys_id_idx" ON "payload_locked_documents_rels" USING btree ("signing_keys_id");
  CREATE INDEX "payload_locked_documents_rels_activations_id_idx" ON "payload_locked_documents_rels" USING btree ("activations_id");
  CREATE INDEX "payload_locked_documents_rels_license_events_id_idx" ON "payload_locked_documents_rels" USING btree ("license_events_id");
  CREATE INDEX "payload_locked_documents_rels_trial_requests_id_idx" ON "payload_locked_documents_rels" USING btree ("trial_requests_id");
  CREATE INDEX "payload_locked_documents_rels_resellers_id_idx" ON "payload_locked_documents_rels" USING btree ("resellers_id");
  CREATE INDEX "payload_locked_documents_rels_update_channels_id_idx" ON "payload_locked_documents_rels" USING btree ("update_channels_id");
  CREATE INDEX "payload_locked_documents_rels_signed_manifests_id_idx" ON "payload_locked_documents_rels" USING btree ("signed_manifests_id");
  CREATE INDEX "payload_locked_documents_rels_release_events_id_idx" ON "payload_locked_documents_rels" USING btree ("release_events_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_preferences_rels_customer_users_id_idx" ON "payload_preferences_rels" USING btree ("customer_users_id");
  CREATE INDEX "payload_preferences_rels_resellers_id_idx" ON "payload_preferences_rels" USING btree ("resellers_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "users_roles" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "customers_contacts_receives" CASCADE;
  DROP TABLE "customers_contacts" CASCADE;
  DROP TABLE "customers" CASCADE;
  DROP TABLE "customer_users_sessions" CASCADE;
  DROP TABLE "customer_users" CASCADE;
  DROP TABLE "customer_users_rels" CASCADE;
  DROP TABLE "products" CASCADE;
  DROP TABLE "products_texts" CASCADE;
  DROP TABLE "releases_requires" CASCADE;
  DROP TABLE "releases_recipients" CASCADE;
  DROP TABLE "releases" CASCADE;
  DROP TABLE "releases_rels" CASCADE;
  DROP TABLE "_releases_v_version_requires" CASCADE;
  DROP TABLE "_releases_v_version_recipients" CASCADE;
  DROP TABLE "_releases_v" CASCADE;
  DROP TABLE "_releases_v_rels" CASCADE;
  DROP TABLE "artifacts" CASCADE;
  DROP TABLE "changelogs_entries" CASCADE;
  DROP TABLE "changelogs" CASCADE;
  DROP TABLE "video_teasers" CASCADE;
  DROP TABLE "doc_links" CASCADE;
  DROP TABLE "faqs" CASCADE;
  DROP TABLE "email_templates" CASCADE;
  DROP TABLE "licenses" CASCADE;
  DROP TABLE "licenses_texts" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "scheduled_runs" CASCADE;
  DROP TABLE "outbox" CASCADE;
  DROP TABLE "signing_keys" CASCADE;
  DROP TABLE "activations" CASCADE;
  DROP TABLE "license_events" CASCADE;
  DROP TABLE "trial_requests" CASCADE;
  DROP TABLE "resellers_allowed_types" CASCADE;
  DROP TABLE "resellers" CASCADE;
  DROP TABLE "resellers_rels" CASCADE;
  DROP TABLE "update_channels" CASCADE;
  DROP TABLE "signed_manifests" CASCADE;
  DROP TABLE "release_events" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."enum_users_roles";
  DROP TYPE "public"."enum_customers_contacts_receives";
  DROP TYPE "public"."enum_releases_recipients_source";
  DROP TYPE "public"."enum_releases_channel";
  DROP TYPE "public"."enum_releases_release_status";
  DROP TYPE "public"."enum_releases_status";
  DROP TYPE "public"."enum__releases_v_version_recipients_source";
  DROP TYPE "public"."enum__releases_v_version_channel";
  DROP TYPE "public"."enum__releases_v_version_release_status";
  DROP TYPE "public"."enum__releases_v_version_status";
  DROP TYPE "public"."enum_changelogs_entries_kind";
  DROP TYPE "public"."enum_doc_links_kind";
  DROP TYPE "public"."enum_faqs_topic";
  DROP TYPE "public"."enum_email_templates_key";
  DROP TYPE "public"."enum_licenses_type";
  DROP TYPE "public"."enum_licenses_status";
  DROP TYPE "public"."enum_scheduled_runs_status";
  DROP TYPE "public"."enum_outbox_template_key";
  DROP TYPE "public"."enum_outbox_status";
  DROP TYPE "public"."enum_signing_keys_status";
  DROP TYPE "public"."enum_activations_role";
  DROP TYPE "public"."enum_license_events_type";
  DROP TYPE "public"."enum_license_events_actor_kind";
  DROP TYPE "public"."enum_resellers_allowed_types";
  DROP TYPE "public"."enum_update_channels_channel";
  DROP TYPE "public"."enum_release_events_action";`)
}
