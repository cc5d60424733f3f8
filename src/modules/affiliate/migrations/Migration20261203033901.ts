import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203033901 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_flag" ON "affiliate_commission" ("flag") WHERE deleted_at IS NULL AND flag IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_affiliate_commission_flag";`);
  }

}
