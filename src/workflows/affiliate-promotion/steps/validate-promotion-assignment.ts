import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { escapeLike } from "../../../modules/affiliate/utils/escape-like"

export type ValidatePromotionAssignmentStepInput = {
  affiliate_id: string
  codes: string[]
}

export const validatePromotionAssignmentStepId = "validate-promotion-assignment"

/**
 * Finds the promotions by code and checks none belongs to another affiliate
 * (a coupon credits one affiliate). Returns those not yet assigned to this one.
 */
export const validatePromotionAssignmentStep = createStep(
  validatePromotionAssignmentStepId,
  async (input: ValidatePromotionAssignmentStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.retrieveAffiliate(input.affiliate_id, { select: ["id"] })

    // Codes are matched case-insensitively, as a shopper types them: "lena10"
    // finds LENA10. An exact match wins where two promotions differ by case only.
    const candidates = await container.resolve(Modules.PROMOTION).listPromotions(
      { $or: input.codes.map((code) => ({ code: { $ilike: escapeLike(code) } })) },
      { select: ["id", "code"] }
    )
    const missing: string[] = []
    const ambiguous: string[] = []
    const promotions = new Map<string, { id: string; code: string }>()
    for (const code of input.codes) {
      const matches = candidates.filter((p) => p.code?.toLowerCase() === code.toLowerCase())
      const match = matches.find((p) => p.code === code) ?? (matches.length === 1 ? matches[0] : undefined)
      if (match) {
        promotions.set(match.id, { id: match.id, code: match.code ?? code })
      } else if (matches.length) {
        ambiguous.push(`${code} (${matches.map((p) => p.code).join(", ")})`)
      } else {
        missing.push(code)
      }
    }
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `codes: no promotion with the code ${missing.join(", ")}`
      )
    }
    if (ambiguous.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `codes: several promotions match ${ambiguous.join("; ")}: type the code exactly`
      )
    }

    const assigned = await service.listAffiliatePromotions(
      { promotion_id: [...promotions.keys()] },
      { relations: ["affiliate"] }
    )
    const elsewhere = assigned.find((a) => a.affiliate.id !== input.affiliate_id)
    if (elsewhere) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `codes: ${elsewhere.code} already belongs to affiliate ${elsewhere.affiliate.name} (${elsewhere.affiliate.code})`
      )
    }

    return new StepResponse(
      [...promotions.values()]
        .filter((p) => !assigned.some((a) => a.promotion_id === p.id))
        .map((p) => ({
          affiliate_id: input.affiliate_id,
          promotion_id: p.id,
          code: p.code,
        }))
    )
  }
)
