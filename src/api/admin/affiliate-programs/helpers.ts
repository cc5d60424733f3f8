import type { MedusaContainer } from "@medusajs/framework/types"
import { AFFILIATE_MODULE, type AffiliateProgramDTO } from "../../../modules/affiliate"
import { RULE_TARGETS } from "../../../modules/affiliate/models/affiliate-commission-rule"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { escapeLike } from "../../../modules/affiliate/utils/escape-like"
import { findRuleTargetLabels } from "../../../workflows/utils/rule-targets"

type StoredProgram = Awaited<ReturnType<AffiliateModuleService["retrieveAffiliateProgram"]>>
type StoredRule = Awaited<ReturnType<AffiliateModuleService["retrieveAffiliateCommissionRule"]>>

const PROGRAM_FIELDS = [
  "id",
  "name",
  "is_default",
  "commission_type",
  "commission_rate",
  "commission_amounts",
  "connection_lifetime",
  "connection_lifetime_value",
  "referral_window_days",
  "auto_approve_commissions",
  "self_referral_policy",
  "tier_metric",
  "tier_period",
  "tiers",
  "metadata",
  "created_at",
  "updated_at",
]

const RULE_FIELDS = [
  "id",
  "program_id",
  "target",
  "target_id",
  "kind",
  "rate",
  "amounts",
  "created_at",
  "updated_at",
]

/** A program as the admin sees it (rates as numbers). */
export function formatProgram(program: StoredProgram) {
  return {
    id: program.id,
    name: program.name,
    is_default: program.is_default,
    commission_type: program.commission_type,
    commission_rate: program.commission_rate == null ? null : Number(program.commission_rate),
    commission_amounts: program.commission_amounts as AffiliateProgramDTO["commission_amounts"],
    connection_lifetime: program.connection_lifetime,
    connection_lifetime_value: program.connection_lifetime_value,
    referral_window_days: program.referral_window_days,
    auto_approve_commissions: program.auto_approve_commissions,
    self_referral_policy: program.self_referral_policy,
    tier_metric: program.tier_metric,
    tier_period: program.tier_period,
    tiers: program.tiers as unknown as AffiliateProgramDTO["tiers"],
    metadata: program.metadata,
    created_at: program.created_at,
    updated_at: program.updated_at,
  }
}

/** A rule as the admin sees it, with its target's name (null once the target is deleted). */
export function formatRule(rule: StoredRule, targetLabel: string | null) {
  return {
    id: rule.id,
    program_id: rule.program_id,
    target: rule.target,
    target_id: rule.target_id,
    target_label: targetLabel,
    kind: rule.kind,
    rate: rule.rate == null ? null : Number(rule.rate),
    amounts: rule.amounts as Record<string, number> | null,
    created_at: rule.created_at,
    updated_at: rule.updated_at,
  }
}

/** The names of the rules' targets, read from Medusa now, by target and id. */
async function ruleTargetLabels(scope: MedusaContainer, rules: StoredRule[]) {
  const labels = await Promise.all(
    RULE_TARGETS.map(async (target) => {
      const ids = rules.filter((rule) => rule.target === target).map((rule) => rule.target_id)
      return [target, await findRuleTargetLabels(scope, target, ids)] as const
    })
  )
  const byTarget = new Map(labels)
  return (rule: StoredRule) => byTarget.get(rule.target)?.get(rule.target_id) ?? null
}

/** The programs with how many affiliates and rules each has (see countProgramMembers). */
async function withCounts(service: AffiliateModuleService, programs: StoredProgram[]) {
  const counts = await service.countProgramMembers(programs)
  return programs.map((program) => ({ ...formatProgram(program), ...counts.get(program.id)! }))
}

/**
 * Programs, the default one first, then by name; `q` searches names. The
 * default program is made first if a database lost it.
 */
export async function listPrograms(
  scope: MedusaContainer,
  { q, skip, take }: { q?: string; skip: number; take: number }
) {
  const service: AffiliateModuleService = scope.resolve(AFFILIATE_MODULE)
  await service.retrieveDefaultProgram()
  const search = q?.trim()
  const [programs, count] = await service.listAndCountAffiliatePrograms(
    search ? { name: { $ilike: `%${escapeLike(search)}%` } } : {},
    {
      select: PROGRAM_FIELDS,
      order: { is_default: "DESC", name: "ASC", id: "ASC" },
      skip,
      take,
    }
  )
  return { programs: await withCounts(service, programs), count }
}

/** One program with its rules (each with its target's name) and counts; 404 when unknown. */
export async function retrieveProgram(scope: MedusaContainer, id: string) {
  const service: AffiliateModuleService = scope.resolve(AFFILIATE_MODULE)
  // Throws Medusa's not-found error (a 404) for an unknown id.
  const program = await service.retrieveAffiliateProgram(id, { select: PROGRAM_FIELDS })
  const rules = await service.listAffiliateCommissionRules(
    { program_id: id },
    { select: RULE_FIELDS, order: { target: "ASC", created_at: "ASC", id: "ASC" } }
  )
  const [[counted], labelOf] = await Promise.all([
    withCounts(service, [program]),
    ruleTargetLabels(scope, rules),
  ])
  return { ...counted, rules: rules.map((rule) => formatRule(rule, labelOf(rule))) }
}

/** One rule of one program, with its target's name; 404 when the rule is not that program's. */
export async function retrieveRule(scope: MedusaContainer, programId: string, ruleId: string) {
  const service: AffiliateModuleService = scope.resolve(AFFILIATE_MODULE)
  const rule = await service.retrieveAffiliateCommissionRule(ruleId, { select: RULE_FIELDS })
  const labelOf = await ruleTargetLabels(scope, [rule])
  return { ...formatRule(rule, labelOf(rule)), program_id: programId }
}
