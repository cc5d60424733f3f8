import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type ConnectReferredCustomerStepInput = {
  affiliate_id: string
  customer_id: string
  /** The customer's email (lower-cased), the connection's copy for guest orders. */
  customer_email: string | null
}

export const connectReferredCustomerStepId = "connect-referred-customer"

/**
 * Auto-connect: a referred customer without an affiliate becomes connected
 * (source `referral`), so later orders credit the affiliate without a link or
 * coupon. The decision asks for it only when the customer had no live
 * connection; one made since loses on the unique index of live connections,
 * and the customer keeps that affiliate: never a reason to fail the crediting.
 */
export const connectReferredCustomerStep = createStep(
  connectReferredCustomerStepId,
  async (input: ConnectReferredCustomerStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const connection = await service
      .createAffiliateConnections({ ...input, source: "referral" })
      .catch(() => null)
    return new StepResponse(
      { connection_id: connection?.id ?? null },
      connection?.id ?? null
    )
  },
  async (connectionId, { container }) => {
    if (!connectionId) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.deleteAffiliateConnections(connectionId)
  }
)
