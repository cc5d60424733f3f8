import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Clicks and unique visitors per affiliate, day and sub_id: kept when old visits are deleted. */
export class Migration20261208020000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "affiliate_visit_stat" ("id" text not null, "affiliate_id" text not null, "day" timestamptz not null, "sub_id" text not null default '', "visits" integer not null default 0, "unique_visitors" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_visit_stat_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_visit_stat_deleted_at" ON "affiliate_visit_stat" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_visit_stat_affiliate_id_day_sub_id_unique" ON "affiliate_visit_stat" ("affiliate_id", "day", "sub_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_visit_stat_day" ON "affiliate_visit_stat" ("day") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_visit_stat" cascade;`);
  }

}
