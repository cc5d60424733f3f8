import { z } from "@medusajs/framework/zod"
import {
  RULE_KINDS,
  RULE_TARGETS,
} from "../../../modules/affiliate/models/affiliate-commission-rule"
import {
  CONNECTION_LIFETIMES,
  PROGRAM_COMMISSION_TYPES,
  SELF_REFERRAL_POLICIES,
  TIER_METRICS,
  TIER_PERIODS,
} from "../../../modules/affiliate/models/affiliate-program"
import {
  programTermsProblem,
  ruleTermsProblem,
} from "../../../modules/affiliate/utils/program-terms"
import {
  createListParams,
  idParam,
  metadataParam,
  searchParam,
  withoutControlCharacters,
} from "../../utils/validators"

export const PROGRAM_NAME_MAX_LENGTH = 100
export const PROGRAM_CURRENCIES_MAX = 20
export const PROGRAM_TIERS_MAX = 20
export const AMOUNT_MAX = 1_000_000
/** Affiliates one request may move into a program. */
export const MOVE_AFFILIATES_MAX = 1000

const oneOf = <const T extends readonly [string, ...string[]]>(field: string, values: T) =>
  z.enum(values, { error: `${field} must be one of ${values.join(", ")}` })

/** At most 4 decimals: 12.3456 is a rate, 12.34567 is not. */
const hasAtMost4Decimals = (value: number) => Math.round(value * 10_000) / 10_000 === value

/** A percentage from 0 to 100 with at most 4 decimals. */
const percent = (field: string) =>
  z
    .number({ error: `${field} must be a number from 0 to 100` })
    .min(0, { error: `${field} must be at least 0` })
    .max(100, { error: `${field} must be at most 100` })
    .refine(hasAtMost4Decimals, { error: `${field} has at most 4 decimals` })

/** Amounts per lower-case currency code, in major units: { usd: 5, eur: 4.5 }. */
const currencyAmounts = (field: string) =>
  z
    .record(
      z.string(),
      z
        .number({ error: `${field}: each amount must be a number` })
        .min(0, { error: `${field}: amounts must be at least 0` })
        .max(AMOUNT_MAX, { error: `${field}: amounts are at most ${AMOUNT_MAX}` }),
      { error: `${field} must be an object of amounts per currency, like { usd: 5 }` }
    )
    .superRefine((amounts, ctx) => {
      const codes = Object.keys(amounts)
      const bad = codes.find((code) => !/^[a-z]{3}$/.test(code))
      if (bad !== undefined) {
        ctx.addIssue({
          code: "custom",
          message: `${field}: ${JSON.stringify(bad)} is not a lower-case three-letter currency code, like usd`,
        })
      }
      if (codes.length > PROGRAM_CURRENCIES_MAX) {
        ctx.addIssue({
          code: "custom",
          message: `${field} takes at most ${PROGRAM_CURRENCIES_MAX} currencies`,
        })
      }
    })

const tiers = z
  .array(
    z
      .object({
        threshold: z
          .number({ error: "tiers: each threshold must be a number" })
          .min(0, { error: "tiers: thresholds must be at least 0" }),
        rate: percent("tiers: rate"),
      })
      .strict(),
    { error: "tiers must be a list of { threshold, rate }" }
  )
  .max(PROGRAM_TIERS_MAX, { error: `tiers takes at most ${PROGRAM_TIERS_MAX} tiers` })
  .refine(
    (list) => list.every((tier, i) => i === 0 || tier.threshold > list[i - 1].threshold),
    { error: "tiers: thresholds must be strictly ascending" }
  )

const programFields = {
  name: z
    .string({ error: "name must be a text" })
    .trim()
    .min(1, { error: "name is required" })
    .max(PROGRAM_NAME_MAX_LENGTH, {
      error: `name is at most ${PROGRAM_NAME_MAX_LENGTH} characters`,
    })
    .refine(...withoutControlCharacters("name")),
  commission_type: oneOf("commission_type", PROGRAM_COMMISSION_TYPES),
  commission_rate: percent("commission_rate").nullable(),
  commission_amounts: currencyAmounts("commission_amounts").nullable(),
  connection_lifetime: oneOf("connection_lifetime", CONNECTION_LIFETIMES),
  connection_lifetime_value: z
    .number({ error: "connection_lifetime_value must be a whole number" })
    .int({ error: "connection_lifetime_value must be a whole number" })
    .nullable(),
  referral_window_days: z
    .number({ error: "referral_window_days must be a whole number from 1 to 365" })
    .int({ error: "referral_window_days must be a whole number from 1 to 365" })
    .min(1, { error: "referral_window_days must be at least 1" })
    .max(365, { error: "referral_window_days must be at most 365" })
    .nullable(),
  auto_approve_commissions: z
    .boolean({ error: "auto_approve_commissions must be true, false or null" })
    .nullable(),
  self_referral_policy: oneOf("self_referral_policy", SELF_REFERRAL_POLICIES),
  tier_metric: oneOf("tier_metric", TIER_METRICS).nullable(),
  tier_period: oneOf("tier_period", TIER_PERIODS),
  tiers: tiers.nullable(),
  coupon_percentage: z
    .number({ error: "coupon_percentage must be a whole number from 1 to 100" })
    .int({ error: "coupon_percentage must be a whole number from 1 to 100" })
    .min(1, { error: "coupon_percentage must be at least 1" })
    .max(100, { error: "coupon_percentage must be at most 100" })
    .nullable(),
  auto_create_coupon: z.boolean({ error: "auto_create_coupon must be true or false" }),
  metadata: metadataParam,
}

export const AdminGetAffiliateProgramsParams = createListParams().extend({
  q: searchParam,
  order: z
    .string()
    .refine(() => false, {
      error: "order: programs have a fixed order, the default program first, then by name",
    })
    .optional(),
})
export type AdminGetAffiliateProgramsParamsType = z.infer<
  typeof AdminGetAffiliateProgramsParams
>

/**
 * A change to a program: any of its fields. The terms that depend on each
 * other are checked on the program as it would be after the change (in the
 * update workflow, which reads it).
 */
export const AdminUpdateAffiliateProgram = z.object(programFields).partial().strict()
export type AdminUpdateAffiliateProgramType = z.infer<typeof AdminUpdateAffiliateProgram>

/**
 * A new program. Terms left out take their defaults (a percentage at the
 * store's rate, connections forever, no tiers), and the terms that depend on
 * each other are checked together.
 */
export const AdminCreateAffiliateProgram = AdminUpdateAffiliateProgram.extend({
  name: programFields.name,
})
  .strict()
  .superRefine((program, ctx) => {
    const problem = programTermsProblem({
      commission_type: program.commission_type ?? "percentage",
      commission_amounts: program.commission_amounts ?? null,
      connection_lifetime: program.connection_lifetime ?? "forever",
      connection_lifetime_value: program.connection_lifetime_value ?? null,
      tier_metric: program.tier_metric ?? null,
      tiers: program.tiers ?? null,
    })
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem })
    }
  })
export type AdminCreateAffiliateProgramType = z.infer<typeof AdminCreateAffiliateProgram>

const ruleFields = {
  kind: oneOf("kind", RULE_KINDS),
  rate: percent("rate").nullable(),
  amounts: currencyAmounts("amounts").nullable(),
}

export const AdminCreateAffiliateCommissionRule = z
  .object({
    target: oneOf("target", RULE_TARGETS),
    target_id: idParam.trim().min(1, { error: "target_id is required" }),
    kind: ruleFields.kind,
    rate: ruleFields.rate.optional(),
    amounts: ruleFields.amounts.optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const problem = ruleTermsProblem({
      kind: rule.kind,
      rate: rule.rate ?? null,
      amounts: rule.amounts ?? null,
    })
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem })
    }
  })
export type AdminCreateAffiliateCommissionRuleType = z.infer<
  typeof AdminCreateAffiliateCommissionRule
>

/** A change to a rule's commission; its target stays (delete it and add another). */
export const AdminUpdateAffiliateCommissionRule = z
  .object({
    kind: ruleFields.kind.optional(),
    rate: ruleFields.rate.optional(),
    amounts: ruleFields.amounts.optional(),
  })
  .strict()
export type AdminUpdateAffiliateCommissionRuleType = z.infer<
  typeof AdminUpdateAffiliateCommissionRule
>

export const AdminMoveAffiliatesToProgram = z
  .object({
    affiliate_ids: z
      .array(idParam, { error: "affiliate_ids must be a list of affiliate ids" })
      .min(1, { error: "affiliate_ids must name at least one affiliate" })
      .max(MOVE_AFFILIATES_MAX, {
        error: `affiliate_ids can name at most ${MOVE_AFFILIATES_MAX} affiliates`,
      }),
  })
  .strict()
export type AdminMoveAffiliatesToProgramType = z.infer<typeof AdminMoveAffiliatesToProgram>
