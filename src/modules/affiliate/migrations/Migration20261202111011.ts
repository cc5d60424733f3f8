import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202111011 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_job_cursor" drop constraint if exists "affiliate_job_cursor_job_unique";`);
    this.addSql(`create table if not exists "affiliate_job_cursor" ("id" text not null, "job" text not null, "position_created_at" timestamptz not null, "position_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_job_cursor_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_job_cursor_deleted_at" ON "affiliate_job_cursor" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_job_cursor_job_unique" ON "affiliate_job_cursor" ("job") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_job_cursor" cascade;`);
  }

}
