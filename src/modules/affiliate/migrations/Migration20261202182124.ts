import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202182124 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_commission_rule" drop constraint if exists "affiliate_commission_rule_program_id_target_target_id_unique";`);
    this.addSql(`alter table if exists "affiliate_program" drop constraint if exists "affiliate_program_name_unique";`);
    this.addSql(`alter table if exists "affiliate_program" drop constraint if exists "affiliate_program_default_unique";`);
    this.addSql(`create table if not exists "affiliate_program" ("id" text not null, "name" text not null, "is_default" boolean not null default false, "commission_type" text check ("commission_type" in ('percentage', 'fixed')) not null default 'percentage', "commission_rate" numeric null, "commission_amounts" jsonb null, "connection_lifetime" text check ("connection_lifetime" in ('forever', 'days', 'orders')) not null default 'forever', "connection_lifetime_value" integer null, "referral_window_days" integer null, "auto_approve_commissions" boolean null, "self_referral_policy" text check ("self_referral_policy" in ('reject', 'flag', 'allow')) not null default 'reject', "tier_metric" text check ("tier_metric" in ('revenue', 'orders')) null, "tier_period" text check ("tier_period" in ('month', 'lifetime')) not null default 'month', "tiers" jsonb null, "metadata" jsonb null, "raw_commission_rate" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_program_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_program_deleted_at" ON "affiliate_program" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_program_default_unique" ON "affiliate_program" ("is_default") WHERE is_default = true AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_program_name_unique" ON "affiliate_program" ("name") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_commission_rule" ("id" text not null, "program_id" text not null, "target" text check ("target" in ('product', 'category', 'collection', 'type')) not null, "target_id" text not null, "kind" text check ("kind" in ('percentage', 'fixed', 'excluded')) not null, "rate" numeric null, "amounts" jsonb null, "raw_rate" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_commission_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_rule_program_id" ON "affiliate_commission_rule" ("program_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_rule_deleted_at" ON "affiliate_commission_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_commission_rule_program_id_target_target_id_unique" ON "affiliate_commission_rule" ("program_id", "target", "target_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate_commission_rule" add constraint "affiliate_commission_rule_program_id_foreign" foreign key ("program_id") references "affiliate_program" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "affiliate_connection" drop constraint if exists "affiliate_connection_ended_reason_check";`);

    this.addSql(`alter table if exists "affiliate" add column if not exists "program_id" text null;`);
    this.addSql(`alter table if exists "affiliate" add constraint "affiliate_program_id_foreign" foreign key ("program_id") references "affiliate_program" ("id") on update cascade on delete set null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_program_id" ON "affiliate" ("program_id") WHERE deleted_at IS NULL AND program_id IS NOT NULL;`);

    this.addSql(`alter table if exists "affiliate_connection" add column if not exists "credited_orders" integer not null default 0;`);
    this.addSql(`alter table if exists "affiliate_connection" add constraint "affiliate_connection_ended_reason_check" check("ended_reason" in ('replaced', 'removed', 'expired'));`);

    // The default program, which every existing affiliate is in (program_id null).
    this.addSql(`insert into "affiliate_program" ("id", "name", "is_default") values ('affprog_default', 'Default program', true) on conflict do nothing;`);

    this.addSql(`alter table if exists "affiliate_commission" add column if not exists "program_id" text null, add column if not exists "lines" jsonb null, add column if not exists "tier" jsonb null, add column if not exists "flag" text null, add column if not exists "reassigned_to_id" text null, add column if not exists "reassigned_from_id" text null, add column if not exists "reassigned_by" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_commission_rule" drop constraint if exists "affiliate_commission_rule_program_id_foreign";`);

    this.addSql(`alter table if exists "affiliate" drop constraint if exists "affiliate_program_id_foreign";`);

    this.addSql(`drop table if exists "affiliate_program" cascade;`);

    this.addSql(`drop table if exists "affiliate_commission_rule" cascade;`);

    this.addSql(`alter table if exists "affiliate_connection" drop constraint if exists "affiliate_connection_ended_reason_check";`);

    this.addSql(`drop index if exists "IDX_affiliate_program_id";`);
    this.addSql(`alter table if exists "affiliate" drop column if exists "program_id";`);

    this.addSql(`alter table if exists "affiliate_commission" drop column if exists "program_id", drop column if exists "lines", drop column if exists "tier", drop column if exists "flag", drop column if exists "reassigned_to_id", drop column if exists "reassigned_from_id", drop column if exists "reassigned_by";`);

    this.addSql(`alter table if exists "affiliate_connection" drop column if exists "credited_orders";`);

    this.addSql(`alter table if exists "affiliate_connection" add constraint "affiliate_connection_ended_reason_check" check("ended_reason" in ('replaced', 'removed'));`);
  }

}
