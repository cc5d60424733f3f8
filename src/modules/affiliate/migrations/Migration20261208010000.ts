import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Clicks on affiliates' links: who the affiliate is, a keyed hash of the visitor, where they landed. */
export class Migration20261208010000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "affiliate_visit" ("id" text not null, "affiliate_id" text not null, "visitor_key" text not null, "is_unique" boolean not null default false, "landing_url" text null, "referrer_host" text null, "sub_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_visit_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_visit_deleted_at" ON "affiliate_visit" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_visit_affiliate_id_created_at" ON "affiliate_visit" ("affiliate_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_visit_created_at" ON "affiliate_visit" ("created_at");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_visit_affiliate_id_visitor_key_created_at" ON "affiliate_visit" ("affiliate_id", "visitor_key", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_visit" cascade;`);
  }

}
