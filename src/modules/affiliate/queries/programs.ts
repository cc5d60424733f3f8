import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { AffiliateProgramTermsDTO } from "../types"

/**
 * Each affiliate's program row: its own, or the default program when it has
 * none. As SQL joined on `a` (the affiliate) and naming the program `p`.
 */
export const PROGRAM_OF_AFFILIATE_SQL = `
  join affiliate_program p on p.deleted_at is null and p.id = coalesce(
    a.program_id,
    (select d.id from affiliate_program d where d.is_default = true and d.deleted_at is null limit 1))`

/** The settings row as stored (see AffiliateSettings). */
export type SavedSettings = {
  id: string
  default_commission_rate: unknown
  auto_approve: boolean | null
  auto_approve_commissions: boolean | null
  auto_connect: boolean | null
  attribution_order: unknown
  account_sync_enabled: boolean | null
  account_sync_tags: unknown
  hold_days: number | null
  minimum_payouts: unknown
}

type ProgramTermsRow = Omit<AffiliateProgramTermsDTO, "commission_rate" | "rules"> & {
  commission_rate: string | number | null
  rules: (Omit<AffiliateProgramTermsDTO["rules"][number], "rate"> & { rate: string | number | null })[]
}

/** One program's terms and rules as one row; `where` picks the program (`p`). */
const programTermsSql = (where: string) =>
  `select p.id, p.commission_type, p.commission_rate, p.commission_amounts,
          p.connection_lifetime, p.connection_lifetime_value, p.referral_window_days,
          p.auto_approve_commissions, p.self_referral_policy, p.tier_metric, p.tier_period, p.tiers,
          coalesce((
            select json_agg(json_build_object('id', r.id, 'target', r.target, 'target_id', r.target_id,
                     'kind', r.kind, 'rate', r.rate, 'amounts', r.amounts) order by r.id)
            from affiliate_commission_rule r
            where r.program_id = p.id and r.deleted_at is null), '[]') as rules
   from affiliate_program p
   where ${where} and p.deleted_at is null
   limit 1`

const toProgramTerms = (row: ProgramTermsRow): AffiliateProgramTermsDTO => ({
  ...row,
  commission_rate: row.commission_rate == null ? null : Number(row.commission_rate),
  rules: row.rules.map((rule) => ({ ...rule, rate: rule.rate == null ? null : Number(rule.rate) })),
})

/** Creates the default program with this id, unless there is one (one row whatever the concurrency). */
export async function insertDefaultProgram(knex: Knex, id: string): Promise<void> {
  await knex.raw(
    `insert into affiliate_program (id, name, is_default) values (?, 'Default program', true)
     on conflict (is_default) where is_default = true and deleted_at is null do nothing`,
    [id]
  )
}

/**
 * A program's terms with its rules (null: the default program's), or null
 * when it is missing: one query, as crediting reads them for every order.
 */
export async function readProgramTerms(
  knex: Knex,
  programId: string | null
): Promise<AffiliateProgramTermsDTO | null> {
  const { rows } = await knex.raw(programTermsSql(programId ? "p.id = ?" : "p.is_default"), programId ? [programId] : [])
  const [row] = rows as ProgramTermsRow[]
  return row ? toProgramTerms(row) : null
}

/**
 * What crediting an order reads before it knows anything of the order, in
 * one query: whether the order was decided, the saved settings row, the
 * default program's terms (null if it is missing), and whether any program
 * has rules by category, collection or type (then the order's products are
 * read ahead).
 */
export async function readCreditingContext(
  knex: Knex,
  orderId: string,
  settingsId: string
): Promise<{
  decided: boolean
  settings: SavedSettings | null
  default_terms: AffiliateProgramTermsDTO | null
  has_product_fact_rules: boolean
}> {
  const {
    rows: [row],
  } = await knex.raw(
    `select
       exists(select 1 from affiliate_order_attribution a where a.order_id = ? and a.deleted_at is null) as decided,
       (select to_jsonb(s) from affiliate_settings s where s.id = ? and s.deleted_at is null) as settings,
       (select to_jsonb(t) from (${programTermsSql("p.is_default")}) t) as default_terms,
       exists(select 1 from affiliate_commission_rule r join affiliate_program p on p.id = r.program_id
              where r.target <> 'product' and r.deleted_at is null and p.deleted_at is null) as has_product_fact_rules`,
    [orderId, settingsId]
  )
  const { decided, settings, default_terms, has_product_fact_rules } = row as {
    decided: boolean
    settings: SavedSettings | null
    default_terms: ProgramTermsRow | null
    has_product_fact_rules: boolean
  }
  return {
    decided,
    settings,
    default_terms: default_terms ? toProgramTerms(default_terms) : null,
    has_product_fact_rules,
  }
}

/**
 * How many affiliates and rules each program has, in two grouped queries
 * whatever the number of programs. The default program's affiliates are
 * those without a program (and any stored with its id).
 */
export async function countProgramMembers(
  knex: Knex,
  programs: { id: string; is_default: boolean }[]
): Promise<Map<string, { affiliate_count: number; rule_count: number }>> {
  const ids = programs.map((program) => program.id)
  const defaultId = programs.find((program) => program.is_default)?.id ?? null
  const [affiliates, rules] = await Promise.all([
    knex.raw(
      `select coalesce(program_id, ?) as program_id, count(*)::int as count
       from affiliate
       where deleted_at is null and (program_id = any(?) or (program_id is null and ?::text is not null))
       group by 1`,
      [defaultId, ids, defaultId]
    ),
    knex.raw(
      `select program_id, count(*)::int as count
       from affiliate_commission_rule
       where deleted_at is null and program_id = any(?)
       group by program_id`,
      [ids]
    ),
  ])
  const counted = (rows: { program_id: string; count: number }[]) =>
    new Map(rows.map((row) => [row.program_id, row.count]))
  const affiliateCounts = counted(affiliates.rows)
  const ruleCounts = counted(rules.rows)
  return new Map(
    ids.map((id) => [id, { affiliate_count: affiliateCounts.get(id) ?? 0, rule_count: ruleCounts.get(id) ?? 0 }])
  )
}
