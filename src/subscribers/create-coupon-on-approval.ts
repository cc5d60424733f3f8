import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../modules/affiliate"
import { AffiliateEvents } from "../modules/affiliate/events"
import type AffiliateModuleService from "../modules/affiliate/service"
import { createAffiliateCouponWorkflow } from "../workflows"

/**
 * In a program with `auto_create_coupon`, a newly approved affiliate without
 * a coupon gets one. A repeated or concurrent event finds the code taken (the
 * promotion's code is unique) and changes nothing; so does an affiliate
 * whose code another promotion has: the admin assigns that one by hand.
 */
export default async function createCouponOnApprovalHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  const [affiliate] = await service.listAffiliates({ id: data.id }, { select: ["id", "program_id"], take: 1 })
  if (!affiliate || !(await service.retrieveEffectiveProgram(affiliate.program_id)).auto_create_coupon) {
    return
  }
  if ((await service.listAffiliatePromotions({ affiliate_id: affiliate.id }, { take: 1 })).length) {
    return
  }
  try {
    await createAffiliateCouponWorkflow(container).run({ input: { affiliate_id: affiliate.id } })
  } catch (error) {
    if (!MedusaError.isMedusaError(error) || error.type !== MedusaError.Types.CONFLICT) {
      throw error
    }
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`Affiliate ${affiliate.id} gets no automatic coupon: ${error.message}`)
  }
}

export const config: SubscriberConfig = {
  event: AffiliateEvents.APPROVED,
  context: { subscriberId: "affiliate-create-coupon-on-approval" },
}
