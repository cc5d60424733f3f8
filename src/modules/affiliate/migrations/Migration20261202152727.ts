import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202152727 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_payout_item" drop constraint if exists "affiliate_payout_item_adjustment_id_unique";`);
    this.addSql(`alter table if exists "affiliate_payout_item" drop constraint if exists "affiliate_payout_item_commission_id_unique";`);
    this.addSql(`create table if not exists "affiliate_payout_batch" ("id" text not null, "created_by" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_payout_batch_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_payout_batch_deleted_at" ON "affiliate_payout_batch" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_payout" ("id" text not null, "batch_id" text not null, "affiliate_id" text not null, "currency_code" text not null, "amount" numeric not null, "status" text check ("status" in ('draft', 'processing', 'paid', 'failed', 'canceled')) not null default 'draft', "provider_id" text null, "provider_reference" text null, "reason" text null, "paid_at" timestamptz null, "metadata" jsonb null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_payout_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_payout_batch_id" ON "affiliate_payout" ("batch_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_payout_affiliate_id" ON "affiliate_payout" ("affiliate_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_payout_deleted_at" ON "affiliate_payout" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_payout_affiliate_id_created_at" ON "affiliate_payout" ("affiliate_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_payout_status" ON "affiliate_payout" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_payout_item" ("id" text not null, "payout_id" text not null, "commission_id" text null, "adjustment_id" text null, "amount" numeric not null, "released_at" timestamptz null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_payout_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_payout_item_payout_id" ON "affiliate_payout_item" ("payout_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_payout_item_deleted_at" ON "affiliate_payout_item" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_payout_item_commission_id_unique" ON "affiliate_payout_item" ("commission_id") WHERE deleted_at IS NULL AND released_at IS NULL AND commission_id IS NOT NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_payout_item_adjustment_id_unique" ON "affiliate_payout_item" ("adjustment_id") WHERE deleted_at IS NULL AND released_at IS NULL AND adjustment_id IS NOT NULL;`);

    this.addSql(`alter table if exists "affiliate_payout" add constraint "affiliate_payout_batch_id_foreign" foreign key ("batch_id") references "affiliate_payout_batch" ("id") on update cascade;`);
    this.addSql(`alter table if exists "affiliate_payout" add constraint "affiliate_payout_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id") on update cascade;`);

    this.addSql(`alter table if exists "affiliate_payout_item" add constraint "affiliate_payout_item_payout_id_foreign" foreign key ("payout_id") references "affiliate_payout" ("id") on update cascade;`);

    this.addSql(`alter table if exists "affiliate" add column if not exists "payout_method" text check ("payout_method" in ('paypal', 'bank_transfer', 'other')) null, add column if not exists "payout_details" jsonb null;`);

    this.addSql(`alter table if exists "affiliate_commission" add column if not exists "available_at" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_available_at" ON "affiliate_commission" ("available_at") WHERE deleted_at IS NULL AND status = 'pending' AND available_at IS NOT NULL;`);

    this.addSql(`alter table if exists "affiliate_settings" add column if not exists "hold_days" integer not null default 0, add column if not exists "minimum_payouts" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_payout" drop constraint if exists "affiliate_payout_batch_id_foreign";`);

    this.addSql(`alter table if exists "affiliate_payout_item" drop constraint if exists "affiliate_payout_item_payout_id_foreign";`);

    this.addSql(`drop table if exists "affiliate_payout_batch" cascade;`);

    this.addSql(`drop table if exists "affiliate_payout" cascade;`);

    this.addSql(`drop table if exists "affiliate_payout_item" cascade;`);

    this.addSql(`alter table if exists "affiliate" drop column if exists "payout_method", drop column if exists "payout_details";`);

    this.addSql(`drop index if exists "IDX_affiliate_commission_available_at";`);
    this.addSql(`alter table if exists "affiliate_commission" drop column if exists "available_at";`);

    this.addSql(`alter table if exists "affiliate_settings" drop column if exists "hold_days", drop column if exists "minimum_payouts";`);
  }

}
