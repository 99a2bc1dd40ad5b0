import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_customers_origin" AS ENUM('staff', 'trial', 'reseller');
  CREATE TABLE "sign_in_failures" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"account" varchar,
  	"failures" numeric DEFAULT 0 NOT NULL,
  	"window_started_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "registration_claims" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"token_id" varchar NOT NULL,
  	"email" varchar NOT NULL,
  	"customer_id" integer,
  	"license_id" integer,
  	"account_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "customers" ADD COLUMN "origin" "enum_customers_origin" DEFAULT 'staff';
  ALTER TABLE "customers" ADD COLUMN "reseller_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sign_in_failures_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "registration_claims_id" integer;
  ALTER TABLE "registration_claims" ADD CONSTRAINT "registration_claims_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "registration_claims" ADD CONSTRAINT "registration_claims_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "registration_claims" ADD CONSTRAINT "registration_claims_account_id_customer_users_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "sign_in_failures_key_idx" ON "sign_in_failures" USING btree ("key");
  CREATE INDEX "sign_in_failures_account_idx" ON "sign_in_failures" USING btree ("account");
  CREATE INDEX "sign_in_failures_updated_at_idx" ON "sign_in_failures" USING btree ("updated_at");
  CREATE INDEX "sign_in_failures_created_at_idx" ON "sign_in_failures" USING btree ("created_at");
  CREATE UNIQUE INDEX "registration_claims_token_id_idx" ON "registration_claims" USING btree ("token_id");
  CREATE INDEX "registration_claims_email_idx" ON "registration_claims" USING btree ("email");
  CREATE INDEX "registration_claims_customer_idx" ON "registration_claims" USING btree ("customer_id");
  CREATE INDEX "registration_claims_license_idx" ON "registration_claims" USING btree ("license_id");
  CREATE INDEX "registration_claims_account_idx" ON "registration_claims" USING btree ("account_id");
  CREATE INDEX "registration_claims_updated_at_idx" ON "registration_claims" USING btree ("updated_at");
  CREATE INDEX "registration_claims_created_at_idx" ON "registration_claims" USING btree ("created_at");
  ALTER TABLE "customers" ADD CONSTRAINT "customers_reseller_id_resellers_id_fk" FOREIGN KEY ("reseller_id") REFERENCES "public"."resellers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sign_in_failures_fk" FOREIGN KEY ("sign_in_failures_id") REFERENCES "public"."sign_in_failures"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_registration_claims_fk" FOREIGN KEY ("registration_claims_id") REFERENCES "public"."registration_claims"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "customers_origin_idx" ON "customers" USING btree ("origin");
  CREATE INDEX "customers_reseller_idx" ON "customers" USING btree ("reseller_id");
  CREATE INDEX "payload_locked_documents_rels_sign_in_failures_id_idx" ON "payload_locked_documents_rels" USING btree ("sign_in_failures_id");
  CREATE INDEX "payload_locked_documents_rels_registration_claims_id_idx" ON "payload_locked_documents_rels" USING btree ("registration_claims_id");
  ALTER TABLE "users" DROP COLUMN "login_attempts";
  ALTER TABLE "users" DROP COLUMN "lock_until";
  ALTER TABLE "customer_users" DROP COLUMN "login_attempts";
  ALTER TABLE "customer_users" DROP COLUMN "lock_until";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "sign_in_failures" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "registration_claims" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "sign_in_failures" CASCADE;
  DROP TABLE "registration_claims" CASCADE;
  ALTER TABLE "customers" DROP CONSTRAINT "customers_reseller_id_resellers_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sign_in_failures_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_registration_claims_fk";
  
  DROP INDEX "customers_origin_idx";
  DROP INDEX "customers_reseller_idx";
  DROP INDEX "payload_locked_documents_rels_sign_in_failures_id_idx";
  DROP INDEX "payload_locked_documents_rels_registration_claims_id_idx";
  ALTER TABLE "users" ADD COLUMN "login_attempts" numeric DEFAULT 0;
  ALTER TABLE "users" ADD COLUMN "lock_until" timestamp(3) with time zone;
  ALTER TABLE "customer_users" ADD COLUMN "login_attempts" numeric DEFAULT 0;
  ALTER TABLE "customer_users" ADD COLUMN "lock_until" timestamp(3) with time zone;
  ALTER TABLE "customers" DROP COLUMN "origin";
  ALTER TABLE "customers" DROP COLUMN "reseller_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sign_in_failures_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "registration_claims_id";
  DROP TYPE "public"."enum_customers_origin";`)
}
