import type { InferTypeOf } from "@medusajs/framework/types"
import type Affiliate from "../models/affiliate"
import type AffiliateCommissionRule from "../models/affiliate-commission-rule"
import type AffiliateProgram from "../models/affiliate-program"
import type {
  AffiliateCommissionRuleDTO,
  AffiliateDTO,
  AffiliateProgramDTO,
} from "../types"

/**
 * Rows as the service returns them, mapped to the module's DTOs: only the
 * DTO's fields, and bigNumber columns as plain numbers (they can read back
 * as number-like values). The JSON columns are typed in their models.
 */

type StoredAffiliate = InferTypeOf<typeof Affiliate>
type StoredProgram = InferTypeOf<typeof AffiliateProgram>
type StoredCommissionRule = InferTypeOf<typeof AffiliateCommissionRule>

/** A nullable bigNumber column as a number. */
const numberOrNull = (value: number | null | undefined): number | null =>
  value == null ? null : Number(value)

export function toAffiliateDTO(
  affiliate: Pick<StoredAffiliate, keyof AffiliateDTO>
): AffiliateDTO {
  return {
    id: affiliate.id,
    name: affiliate.name,
    email: affiliate.email,
    code: affiliate.code,
    status: affiliate.status,
    commission_rate: numberOrNull(affiliate.commission_rate),
    metadata: affiliate.metadata,
    customer_id: affiliate.customer_id,
    auth_identity_id: affiliate.auth_identity_id,
    created_at: affiliate.created_at,
    updated_at: affiliate.updated_at,
  }
}

export function toAffiliateProgramDTO(
  program: Pick<StoredProgram, keyof AffiliateProgramDTO>
): AffiliateProgramDTO {
  return {
    id: program.id,
    name: program.name,
    is_default: program.is_default,
    commission_type: program.commission_type,
    commission_rate: numberOrNull(program.commission_rate),
    commission_amounts: program.commission_amounts,
    connection_lifetime: program.connection_lifetime,
    connection_lifetime_value: program.connection_lifetime_value,
    referral_window_days: program.referral_window_days,
    auto_approve_commissions: program.auto_approve_commissions,
    self_referral_policy: program.self_referral_policy,
    tier_metric: program.tier_metric,
    tier_period: program.tier_period,
    tiers: program.tiers,
    coupon_percentage: program.coupon_percentage,
    auto_create_coupon: program.auto_create_coupon,
    metadata: program.metadata,
    created_at: program.created_at,
    updated_at: program.updated_at,
  }
}

export function toCommissionRuleDTO(
  rule: Pick<StoredCommissionRule, keyof AffiliateCommissionRuleDTO>
): AffiliateCommissionRuleDTO {
  return {
    id: rule.id,
    program_id: rule.program_id,
    target: rule.target,
    target_id: rule.target_id,
    kind: rule.kind,
    rate: numberOrNull(rule.rate),
    amounts: rule.amounts,
    created_at: rule.created_at,
    updated_at: rule.updated_at,
  }
}
