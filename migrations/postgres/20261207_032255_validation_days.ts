import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "validation_days" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"day" varchar NOT NULL,
  	"count" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "validation_days_id" integer;
  CREATE UNIQUE INDEX "validation_days_day_idx" ON "validation_days" USING btree ("day");
  CREATE INDEX "validation_days_updated_at_idx" ON "validation_days" USING btree ("updated_at");
  CREATE INDEX "validation_days_created_at_idx" ON "validation_days" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_validation_days_fk" FOREIGN KEY ("validation_days_id") REFERENCES "public"."validation_days"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_validation_days_id_idx" ON "payload_locked_documents_rels" USING btree ("validation_days_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "validation_days" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "validation_days" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_validation_days_fk";
  
  DROP INDEX "payload_locked_documents_rels_validation_days_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "validation_days_id";`)
}
