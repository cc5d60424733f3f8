import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * A sync run counts the affiliates it had nothing to do for apart from
 * those it skipped (which need the store owner's attention).
 */
export class Migration20261207234500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_sync_run" add column if not exists "unchanged" integer not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_sync_run" drop column if exists "unchanged";`);
  }

}
