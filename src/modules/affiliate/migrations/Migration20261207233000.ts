import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * A program's affiliate coupon: the percentage off an order that "Create
 * coupon" gives (null: 10 %), and whether each affiliate gets one when
 * approved.
 */
export class Migration20261207233000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_program" add column if not exists "coupon_percentage" integer null, add column if not exists "auto_create_coupon" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_program" drop column if exists "coupon_percentage", drop column if exists "auto_create_coupon";`);
  }

}
