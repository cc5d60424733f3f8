import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { createPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { createAffiliatePromotionsStep } from "../steps/create-affiliate-promotions"
import { prepareAffiliateCouponStep } from "../steps/prepare-affiliate-coupon"

export const createAffiliateCouponWorkflowId = "create-affiliate-coupon"

/**
 * "Create coupon": a Medusa promotion whose code is the affiliate's code,
 * taking their program's percentage off the order, active at once and
 * assigned to them, so an order that uses it credits them. Both are undone
 * together if either fails.
 */
export const createAffiliateCouponWorkflow = createWorkflow(
  createAffiliateCouponWorkflowId,
  (input: WorkflowData<{ affiliate_id: string }>) => {
    const coupon = prepareAffiliateCouponStep(input)
    const promotions = createPromotionsWorkflow.runAsStep({
      input: transform({ coupon }, ({ coupon }) => ({
        promotionsData: [
          {
            code: coupon.code,
            type: "standard" as const,
            status: "active" as const,
            is_automatic: false,
            application_method: {
              type: "percentage" as const,
              target_type: "order" as const,
              allocation: "across" as const,
              value: coupon.percentage,
            },
          },
        ],
      })),
    })
    createAffiliatePromotionsStep(
      transform({ coupon, promotions }, ({ coupon, promotions }) => [
        { affiliate_id: coupon.affiliate_id, promotion_id: promotions[0].id, code: coupon.code },
      ])
    )
    return new WorkflowResponse(
      transform({ coupon, promotions }, ({ coupon, promotions }) => ({
        promotion_id: promotions[0].id,
        code: coupon.code,
        percentage: coupon.percentage,
      }))
    )
  }
)
