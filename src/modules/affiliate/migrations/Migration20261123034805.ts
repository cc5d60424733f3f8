import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123034805 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_promotion" drop constraint if exists "affiliate_promotion_promotion_id_unique";`);
    this.addSql(`alter table if exists "affiliate_order_attribution" drop constraint if exists "affiliate_order_attribution_order_id_unique";`);
    this.addSql(`alter table if exists "affiliate_commission_adjustment" drop constraint if exists "affiliate_commission_adjustment_commission_id_reference_unique";`);
    this.addSql(`alter table if exists "affiliate_commission" drop constraint if exists "affiliate_commission_order_id_affiliate_id_unique";`);
    this.addSql(`create table if not exists "affiliate_commission" ("id" text not null, "affiliate_id" text not null, "order_id" text not null, "customer_id" text null, "currency_code" text not null, "base_amount" numeric not null, "rate" numeric not null, "amount" numeric not null, "attribution" text check ("attribution" in ('connection', 'coupon', 'link')) not null, "status" text check ("status" in ('pending', 'approved', 'paid', 'rejected')) not null default 'pending', "reason" text null, "metadata" jsonb null, "raw_base_amount" jsonb not null, "raw_rate" jsonb not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_commission_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_affiliate_id" ON "affiliate_commission" ("affiliate_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_deleted_at" ON "affiliate_commission" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_commission_order_id_affiliate_id_unique" ON "affiliate_commission" ("order_id", "affiliate_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_affiliate_id_status" ON "affiliate_commission" ("affiliate_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_created_at" ON "affiliate_commission" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_commission_adjustment" ("id" text not null, "commission_id" text not null, "amount" numeric not null, "reason" text check ("reason" in ('refund', 'order_canceled')) not null, "reference" text not null, "metadata" jsonb null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_commission_adjustment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_adjustment_commission_id" ON "affiliate_commission_adjustment" ("commission_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_adjustment_deleted_at" ON "affiliate_commission_adjustment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_commission_adjustment_commission_id_reference_unique" ON "affiliate_commission_adjustment" ("commission_id", "reference") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_order_attribution" ("id" text not null, "order_id" text not null, "affiliate_id" text null, "method" text check ("method" in ('connection', 'coupon', 'link')) null, "outcome" text check ("outcome" in ('credited', 'self_referral', 'blocked_affiliate', 'no_affiliate')) not null, "customer_id" text null, "email" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_order_attribution_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_order_attribution_deleted_at" ON "affiliate_order_attribution" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_order_attribution_order_id_unique" ON "affiliate_order_attribution" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_order_attribution_affiliate_id_method" ON "affiliate_order_attribution" ("affiliate_id", "method") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_promotion" ("id" text not null, "affiliate_id" text not null, "promotion_id" text not null, "code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_promotion_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_promotion_affiliate_id" ON "affiliate_promotion" ("affiliate_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_promotion_deleted_at" ON "affiliate_promotion" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_promotion_promotion_id_unique" ON "affiliate_promotion" ("promotion_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate_commission" add constraint "affiliate_commission_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id") on update cascade;`);

    this.addSql(`alter table if exists "affiliate_commission_adjustment" add constraint "affiliate_commission_adjustment_commission_id_foreign" foreign key ("commission_id") references "affiliate_commission" ("id") on update cascade;`);

    this.addSql(`alter table if exists "affiliate_promotion" add constraint "affiliate_promotion_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id") on update cascade;`);

    this.addSql(`alter table if exists "affiliate_settings" add column if not exists "auto_approve_commissions" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_commission_adjustment" drop constraint if exists "affiliate_commission_adjustment_commission_id_foreign";`);

    this.addSql(`drop table if exists "affiliate_commission" cascade;`);

    this.addSql(`drop table if exists "affiliate_commission_adjustment" cascade;`);

    this.addSql(`drop table if exists "affiliate_order_attribution" cascade;`);

    this.addSql(`drop table if exists "affiliate_promotion" cascade;`);

    this.addSql(`alter table if exists "affiliate_settings" drop column if exists "auto_approve_commissions";`);
  }

}
