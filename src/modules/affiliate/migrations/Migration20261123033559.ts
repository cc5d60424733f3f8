import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123033559 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_connection" drop constraint if exists "affiliate_connection_active_customer_unique";`);
    this.addSql(`create table if not exists "affiliate_connection" ("id" text not null, "affiliate_id" text not null, "customer_id" text not null, "source" text check ("source" in ('admin', 'referral', 'import', 'api')) not null, "created_by" text null, "ended_at" timestamptz null, "ended_reason" text check ("ended_reason" in ('replaced', 'removed')) null, "ended_by" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_connection_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_connection_affiliate_id" ON "affiliate_connection" ("affiliate_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_connection_deleted_at" ON "affiliate_connection" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_connection_active_customer_unique" ON "affiliate_connection" ("customer_id") WHERE ended_at IS NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_connection_affiliate_id_created_at" ON "affiliate_connection" ("affiliate_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate_connection" add constraint "affiliate_connection_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_connection" cascade;`);
  }

}
