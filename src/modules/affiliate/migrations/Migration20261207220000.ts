import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Who last set an affiliate's payout method (an admin user's id, or
 * `affiliate`) and when: the admin may now set it too.
 */
export class Migration20261207220000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate" add column if not exists "payout_method_updated_at" timestamptz null, add column if not exists "payout_method_updated_by" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate" drop column if exists "payout_method_updated_at", drop column if exists "payout_method_updated_by";`);
  }

}
