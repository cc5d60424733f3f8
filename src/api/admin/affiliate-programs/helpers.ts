import type { MedusaContainer } from "@medusajs/framework/types"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import { RULE_TARGETS } from "../../../modules/affiliate/models/affiliate-commission-rule"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { toAffiliateProgramDTO, toCommissionRuleDTO } from "../../../modules/affiliate/utils/dtos"
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
  "coupon_percentage",
  "auto_create_coupon",
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

/** A rule as the admin sees it, with its target's name (null once the target is deleted). */
export function formatRule(rule: StoredRule, targetLabel: string | null) {
  const { id, program_id, target, target_id, ...terms } = toCommissionRuleDTO(rule)
  return { id, program_id, target, target_id, target_label: targetLabel, ...terms }
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
  return programs.map((program) => ({ ...toAffiliateProgramDTO(program), ...counts.get(program.id)! }))
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
