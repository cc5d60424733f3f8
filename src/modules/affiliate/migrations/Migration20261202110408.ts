import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202110408 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate" add column if not exists "account_invited_at" timestamptz null;`);

    this.addSql(`alter table if exists "affiliate_sync_run" add column if not exists "heartbeat_at" timestamptz null, add column if not exists "cursor" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate" drop column if exists "account_invited_at";`);

    this.addSql(`alter table if exists "affiliate_sync_run" drop column if exists "heartbeat_at", drop column if exists "cursor";`);
  }

}
