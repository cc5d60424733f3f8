import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { ConnectionSource } from "../../../modules/affiliate/models/affiliate-connection"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type DecideConnectionSourceStepInput = {
  affiliate_id: string
  customer_id: string
  requested: ConnectionSource
}

export const decideConnectionSourceStepId = "decide-connection-source"

/**
 * The server, not the caller, says where a connection came from: an admin
 * connecting a customer the affiliate referred (an order credited by their
 * link or coupon) makes a `referral` connection.
 */
export const decideConnectionSourceStep = createStep(
  decideConnectionSourceStepId,
  async (input: DecideConnectionSourceStepInput, { container }) => {
    if (input.requested !== "admin") {
      return new StepResponse(input.requested)
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const [referral] = await service.listAffiliateOrderAttributions(
      {
        affiliate_id: input.affiliate_id,
        customer_id: input.customer_id,
        outcome: "credited",
        method: ["coupon", "link"],
      },
      { select: ["id"], take: 1 }
    )
    return new StepResponse<ConnectionSource>(referral ? "referral" : "admin")
  }
)
