import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Where an affiliate promotes the store: their website, set by them or an admin. */
export class Migration20261207235500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate" add column if not exists "website" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate" drop column if exists "website";`);
  }

}
