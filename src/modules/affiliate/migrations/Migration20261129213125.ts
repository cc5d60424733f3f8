import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129213125 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index if exists "IDX_affiliate_commission_created_at";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_created_at_id" ON "affiliate_commission" ("created_at", "id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_affiliate_id_created_at" ON "affiliate_commission" ("affiliate_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_customer_id" ON "affiliate_commission" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_connection_created_at_id" ON "affiliate_connection" ("created_at", "id") WHERE ended_at IS NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_connection_active_affiliate_id" ON "affiliate_connection" ("affiliate_id") WHERE ended_at IS NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_affiliate_commission_created_at_id";`);
    this.addSql(`drop index if exists "IDX_affiliate_commission_affiliate_id_created_at";`);
    this.addSql(`drop index if exists "IDX_affiliate_commission_customer_id";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_created_at" ON "affiliate_commission" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`drop index if exists "IDX_affiliate_connection_created_at_id";`);
    this.addSql(`drop index if exists "IDX_affiliate_connection_active_affiliate_id";`);
  }

}
