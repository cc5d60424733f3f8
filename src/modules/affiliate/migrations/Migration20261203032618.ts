import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203032618 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_commission" add column if not exists "order_display_id" integer null;`);
    // Commissions credited before: copy their orders' display ids (where the
    // order module shares this database; a page reads the rest from it).
    this.addSql(`do $$ begin
      if to_regclass('"order"') is not null then
        update "affiliate_commission" set "order_display_id" = o.display_id
        from "order" o
        where o.id = "affiliate_commission".order_id and "affiliate_commission".order_display_id is null;
      end if;
    end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_commission" drop column if exists "order_display_id";`);
  }

}
