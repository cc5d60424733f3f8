import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202104444 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate" add column if not exists "auth_identity_id" text null;`);
    // Affiliates who signed up before: their login is the identity tied to them.
    this.addSql(`do $$ begin
      if to_regclass('auth_identity') is not null then
        update "affiliate" set "auth_identity_id" = identity.id
        from "auth_identity" identity
        where identity.app_metadata ->> 'affiliate_id' = "affiliate".id
          and identity.deleted_at is null and "affiliate".auth_identity_id is null;
      end if;
    end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate" drop column if exists "auth_identity_id";`);
  }

}
