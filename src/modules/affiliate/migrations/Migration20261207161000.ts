import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Money paid once: a payout keeps the payout details it was made for, and the
 * database refuses the two writes that would pay a commission twice or pay
 * one that is no longer owed, whichever code path (or concurrent request)
 * attempts them:
 * - a payout line for a commission that is not approved (taking a share lock
 *   on the commission, so a concurrent rejection waits or is seen);
 * - a status change of a commission a live payout holds, other than the one
 *   that follows its payout (paid with a paid payout, approved again while
 *   the payout is draft or processing).
 */
export class Migration20261207161000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_payout" add column if not exists "payout_method" text check ("payout_method" in ('paypal', 'bank_transfer', 'other')) null, add column if not exists "payout_details" jsonb null;`);
    // Payouts not yet paid take the details their affiliate has now; paid ones too, as the best record there is.
    this.addSql(`update "affiliate_payout" p set "payout_method" = a."payout_method", "payout_details" = a."payout_details" from "affiliate" a where a."id" = p."affiliate_id" and p."payout_method" is null;`);

    this.addSql(`
      create or replace function affiliate_payout_item_owed() returns trigger language plpgsql as $$
      declare
        commission_status text;
      begin
        if new.deleted_at is not null or new.released_at is not null then
          return new;
        end if;
        if new.commission_id is not null then
          select status into commission_status from affiliate_commission
            where id = new.commission_id and deleted_at is null for share;
          if commission_status is distinct from 'approved' then
            raise exception 'affiliate_commission % is %: only an approved commission can be paid', new.commission_id, coalesce(commission_status, 'missing')
              using errcode = 'P0001', hint = 'affiliate_money_invariant';
          end if;
        elsif new.adjustment_id is not null then
          select c.status into commission_status from affiliate_commission c
            join affiliate_commission_adjustment a on a.commission_id = c.id
            where a.id = new.adjustment_id and a.deleted_at is null and c.deleted_at is null
            for share of c;
          if commission_status is null or commission_status not in ('approved', 'paid') then
            raise exception 'affiliate_commission_adjustment % belongs to a commission that is %', new.adjustment_id, coalesce(commission_status, 'missing')
              using errcode = 'P0001', hint = 'affiliate_money_invariant';
          end if;
        end if;
        return new;
      end $$;`);
    this.addSql(`drop trigger if exists "affiliate_payout_item_owed" on "affiliate_payout_item";`);
    this.addSql(`create trigger "affiliate_payout_item_owed" before insert or update of "released_at", "deleted_at" on "affiliate_payout_item" for each row execute function affiliate_payout_item_owed();`);

    this.addSql(`
      create or replace function affiliate_commission_follows_payout() returns trigger language plpgsql as $$
      declare
        holding record;
      begin
        select p.id, p.status into holding from affiliate_payout_item i
          join affiliate_payout p on p.id = i.payout_id
          where i.commission_id = old.id and i.released_at is null and i.deleted_at is null
          limit 1;
        if holding.id is null then
          return new;
        end if;
        if (new.status = 'paid' and holding.status = 'paid')
          or (new.status = 'approved' and holding.status in ('draft', 'processing')) then
          return new;
        end if;
        raise exception 'affiliate_commission % is held by payout % (%): it cannot become %', old.id, holding.id, holding.status, new.status
          using errcode = 'P0001', hint = 'affiliate_money_invariant';
      end $$;`);
    this.addSql(`drop trigger if exists "affiliate_commission_follows_payout" on "affiliate_commission";`);
    this.addSql(`create trigger "affiliate_commission_follows_payout" before update of "status" on "affiliate_commission" for each row when (old.status is distinct from new.status) execute function affiliate_commission_follows_payout();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "affiliate_commission_follows_payout" on "affiliate_commission";`);
    this.addSql(`drop function if exists affiliate_commission_follows_payout();`);
    this.addSql(`drop trigger if exists "affiliate_payout_item_owed" on "affiliate_payout_item";`);
    this.addSql(`drop function if exists affiliate_payout_item_owed();`);
    this.addSql(`alter table if exists "affiliate_payout" drop column if exists "payout_method", drop column if exists "payout_details";`);
  }

}
