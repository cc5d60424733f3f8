import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The login invite of an affiliate an admin created: the hash of its token
 * (never the token), when it expires and when it was sent.
 */
export class Migration20261207180000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate" add column if not exists "login_invite_token_hash" text null, add column if not exists "login_invite_expires_at" timestamptz null, add column if not exists "login_invite_sent_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate" drop column if exists "login_invite_token_hash", drop column if exists "login_invite_expires_at", drop column if exists "login_invite_sent_at";`);
  }

}
