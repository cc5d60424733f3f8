import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123095303 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_sync_run" drop constraint if exists "affiliate_sync_run_status_unique";`);
    this.addSql(`create table if not exists "affiliate_sync_run" ("id" text not null, "status" text check ("status" in ('running', 'completed', 'failed')) not null default 'running', "trigger" text check ("trigger" in ('resync', 'enabled', 'tags_changed')) not null, "tags" text[] not null, "total" integer not null default 0, "processed" integer not null default 0, "created" integer not null default 0, "linked" integer not null default 0, "tagged" integer not null default 0, "skipped" integer not null default 0, "failed" integer not null default 0, "errors" jsonb null, "message" text null, "claimed_at" timestamptz null, "completed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_sync_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_sync_run_deleted_at" ON "affiliate_sync_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_sync_run_status_unique" ON "affiliate_sync_run" ("status") WHERE status = 'running' AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate" add column if not exists "customer_id" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_customer_id" ON "affiliate" ("customer_id") WHERE deleted_at IS NULL AND customer_id IS NOT NULL;`);

    this.addSql(`alter table if exists "affiliate_settings" add column if not exists "account_sync_enabled" boolean not null default false, add column if not exists "account_sync_tags" text[] null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_sync_run" cascade;`);

    this.addSql(`drop index if exists "IDX_affiliate_customer_id";`);
    this.addSql(`alter table if exists "affiliate" drop column if exists "customer_id";`);

    this.addSql(`alter table if exists "affiliate_settings" drop column if exists "account_sync_enabled", drop column if exists "account_sync_tags";`);
  }

}
