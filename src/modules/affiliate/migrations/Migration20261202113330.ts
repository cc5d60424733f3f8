import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202113330 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_connection" add column if not exists "customer_email" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_connection_customer_email" ON "affiliate_connection" ("customer_email") WHERE ended_at IS NULL AND deleted_at IS NULL;`);
    // Connections made before: copy their customers' emails.
    this.addSql(`do $$ begin
      if to_regclass('customer') is not null then
        update "affiliate_connection" set "customer_email" = lower(customer.email)
        from "customer" customer
        where customer.id = "affiliate_connection".customer_id and "affiliate_connection".customer_email is null;
      end if;
    end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_affiliate_connection_customer_email";`);
    this.addSql(`alter table if exists "affiliate_connection" drop column if exists "customer_email";`);
  }

}
