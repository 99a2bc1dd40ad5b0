import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_email_templates_key" ADD VALUE 'credit-low';
  ALTER TYPE "public"."enum_email_templates_key" ADD VALUE 'credit-exhausted';
  ALTER TYPE "public"."enum_email_templates_key" ADD VALUE 'staff-credit-low';
  ALTER TYPE "public"."enum_email_templates_key" ADD VALUE 'staff-credit-exhausted';
  ALTER TYPE "public"."enum_outbox_template_key" ADD VALUE 'credit-low';
  ALTER TYPE "public"."enum_outbox_template_key" ADD VALUE 'credit-exhausted';
  ALTER TYPE "public"."enum_outbox_template_key" ADD VALUE 'staff-credit-low';
  ALTER TYPE "public"."enum_outbox_template_key" ADD VALUE 'staff-credit-exhausted';
  ALTER TYPE "public"."enum_license_events_type" ADD VALUE 'credit-low';
  ALTER TYPE "public"."enum_license_events_type" ADD VALUE 'credit-exhausted';
  CREATE TABLE "usage_records" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"license_id" integer NOT NULL,
  	"customer_id" integer NOT NULL,
  	"activation_id" integer,
  	"quantity" numeric NOT NULL,
  	"idempotency_key" varchar NOT NULL,
  	"occurred_at" timestamp(3) with time zone NOT NULL,
  	"received_at" timestamp(3) with time zone NOT NULL,
  	"remaining_after" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "alert_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "alert_settings_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "alert_settings_numbers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"number" numeric,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL
  );
  
  ALTER TABLE "licenses" ADD COLUMN "users_in_use" numeric DEFAULT 0;
  ALTER TABLE "licenses" ADD COLUMN "users_limit_alerted_on" varchar;
  ALTER TABLE "licenses" ADD COLUMN "clients_limit_alerted_on" varchar;
  ALTER TABLE "licenses" ADD COLUMN "low_credit_threshold" numeric;
  ALTER TABLE "licenses" ADD COLUMN "credits_at_top_up" numeric;
  ALTER TABLE "licenses" ADD COLUMN "credits_after_last_use" numeric;
  ALTER TABLE "licenses" ADD COLUMN "credit_low_alerted_at" timestamp(3) with time zone;
  ALTER TABLE "licenses" ADD COLUMN "credit_exhausted_alerted_at" timestamp(3) with time zone;
  ALTER TABLE "scheduled_runs" ADD COLUMN "claimed_until" timestamp(3) with time zone;
  ALTER TABLE "outbox" ADD COLUMN "license_id" integer;
  ALTER TABLE "activations" ADD COLUMN "users" numeric;
  ALTER TABLE "activations" ADD COLUMN "users_reported_at" timestamp(3) with time zone;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "usage_records_id" integer;
  ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_activation_id_activations_id_fk" FOREIGN KEY ("activation_id") REFERENCES "public"."activations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "alert_settings_texts" ADD CONSTRAINT "alert_settings_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."alert_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "alert_settings_numbers" ADD CONSTRAINT "alert_settings_numbers_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."alert_settings"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "usage_records_license_idx" ON "usage_records" USING btree ("license_id");
  CREATE INDEX "usage_records_customer_idx" ON "usage_records" USING btree ("customer_id");
  CREATE INDEX "usage_records_activation_idx" ON "usage_records" USING btree ("activation_id");
  CREATE INDEX "usage_records_updated_at_idx" ON "usage_records" USING btree ("updated_at");
  CREATE INDEX "usage_records_created_at_idx" ON "usage_records" USING btree ("created_at");
  CREATE UNIQUE INDEX "license_idempotencyKey_idx" ON "usage_records" USING btree ("license_id","idempotency_key");
  CREATE INDEX "license_occurredAt_idx" ON "usage_records" USING btree ("license_id","occurred_at");
  CREATE INDEX "alert_settings_texts_order_parent" ON "alert_settings_texts" USING btree ("order","parent_id");
  CREATE INDEX "alert_settings_numbers_order_parent_idx" ON "alert_settings_numbers" USING btree ("order","parent_id");
  ALTER TABLE "outbox" ADD CONSTRAINT "outbox_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_usage_records_fk" FOREIGN KEY ("usage_records_id") REFERENCES "public"."usage_records"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "outbox_license_idx" ON "outbox" USING btree ("license_id");
  CREATE INDEX "payload_locked_documents_rels_usage_records_id_idx" ON "payload_locked_documents_rels" USING btree ("usage_records_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "usage_records" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "alert_settings" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "alert_settings_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "alert_settings_numbers" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "usage_records" CASCADE;
  DROP TABLE "alert_settings" CASCADE;
  DROP TABLE "alert_settings_texts" CASCADE;
  DROP TABLE "alert_settings_numbers" CASCADE;
  ALTER TABLE "outbox" DROP CONSTRAINT "outbox_license_id_licenses_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_usage_records_fk";
  
  ALTER TABLE "email_templates" ALTER COLUMN "key" SET DATA TYPE text;
  DROP TYPE "public"."enum_email_templates_key";
  CREATE TYPE "public"."enum_email_templates_key" AS ENUM('release-published', 'license-expiring', 'license-expired', 'trial-created', 'license-created', 'staff-renewal-due', 'staff-trial-expiring', 'staff-limit-reached');
  ALTER TABLE "email_templates" ALTER COLUMN "key" SET DATA TYPE "public"."enum_email_templates_key" USING "key"::"public"."enum_email_templates_key";
  ALTER TABLE "outbox" ALTER COLUMN "template_key" SET DATA TYPE text;
  DROP TYPE "public"."enum_outbox_template_key";
  CREATE TYPE "public"."enum_outbox_template_key" AS ENUM('release-published', 'license-expiring', 'license-expired', 'trial-created', 'license-created', 'staff-renewal-due', 'staff-trial-expiring', 'staff-limit-reached');
  ALTER TABLE "outbox" ALTER COLUMN "template_key" SET DATA TYPE "public"."enum_outbox_template_key" USING "template_key"::"public"."enum_outbox_template_key";
  ALTER TABLE "license_events" ALTER COLUMN "type" SET DATA TYPE text;
  DROP TYPE "public"."enum_license_events_type";
  CREATE TYPE "public"."enum_license_events_type" AS ENUM('created', 'updated', 'trial-started', 'extended', 'converted', 'modules-added', 'pack-added', 'suspended', 'reinstated', 'activated', 'deactivated', 'limit-reached', 'trial-mail-resent');
  ALTER TABLE "license_events" ALTER COLUMN "type" SET DATA TYPE "public"."enum_license_events_type" USING "type"::"public"."enum_license_events_type";
  DROP INDEX "outbox_license_idx";
  DROP INDEX "payload_locked_documents_rels_usage_records_id_idx";
  ALTER TABLE "licenses" DROP COLUMN "users_in_use";
  ALTER TABLE "licenses" DROP COLUMN "users_limit_alerted_on";
  ALTER TABLE "licenses" DROP COLUMN "clients_limit_alerted_on";
  ALTER TABLE "licenses" DROP COLUMN "low_credit_threshold";
  ALTER TABLE "licenses" DROP COLUMN "credits_at_top_up";
  ALTER TABLE "licenses" DROP COLUMN "credits_after_last_use";
  ALTER TABLE "licenses" DROP COLUMN "credit_low_alerted_at";
  ALTER TABLE "licenses" DROP COLUMN "credit_exhausted_alerted_at";
  ALTER TABLE "scheduled_runs" DROP COLUMN "claimed_until";
  ALTER TABLE "outbox" DROP COLUMN "license_id";
  ALTER TABLE "activations" DROP COLUMN "users";
  ALTER TABLE "activations" DROP COLUMN "users_reported_at";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "usage_records_id";`)
}
