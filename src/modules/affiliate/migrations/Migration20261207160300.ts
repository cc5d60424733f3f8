import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207160300 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_job_cursor" add column if not exists "open_draft_order_ids" text[] null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_job_cursor" drop column if exists "open_draft_order_ids";`);
  }

}
