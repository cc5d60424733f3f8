import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Commissions made by hand: an order credited by an admin (attribution
 * `manual`, also on the order's attribution record), and bonuses and
 * deductions, which have no order. Who made each and why.
 */
export class Migration20261207230000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_commission" drop constraint if exists "affiliate_commission_attribution_check";`);
    this.addSql(`alter table if exists "affiliate_commission" add constraint "affiliate_commission_attribution_check" check ("attribution" in ('connection', 'coupon', 'link', 'manual'));`);
    this.addSql(`alter table if exists "affiliate_commission" alter column "order_id" drop not null;`);
    this.addSql(`alter table if exists "affiliate_commission" add column if not exists "created_by" text null, add column if not exists "note" text null;`);
    this.addSql(`alter table if exists "affiliate_order_attribution" drop constraint if exists "affiliate_order_attribution_method_check";`);
    this.addSql(`alter table if exists "affiliate_order_attribution" add constraint "affiliate_order_attribution_method_check" check ("method" in ('connection', 'coupon', 'link', 'manual'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "affiliate_commission" where "order_id" is null;`);
    this.addSql(`alter table if exists "affiliate_commission" drop column if exists "created_by", drop column if exists "note";`);
    this.addSql(`alter table if exists "affiliate_commission" alter column "order_id" set not null;`);
    this.addSql(`alter table if exists "affiliate_commission" drop constraint if exists "affiliate_commission_attribution_check";`);
    this.addSql(`alter table if exists "affiliate_commission" add constraint "affiliate_commission_attribution_check" check ("attribution" in ('connection', 'coupon', 'link'));`);
    this.addSql(`alter table if exists "affiliate_order_attribution" drop constraint if exists "affiliate_order_attribution_method_check";`);
    this.addSql(`alter table if exists "affiliate_order_attribution" add constraint "affiliate_order_attribution_method_check" check ("method" in ('connection', 'coupon', 'link'));`);
  }

}
