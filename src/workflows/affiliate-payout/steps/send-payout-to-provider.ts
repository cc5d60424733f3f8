import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { PayoutMethod } from "../../../modules/affiliate/models/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type SendPayoutToProviderInput = { id: string; provider_id: string }

export const sendPayoutToProviderStepId = "send-affiliate-payout-to-provider"

/**
 * Asks the payout provider to pay a draft payout and marks it processing
 * with the provider's reference. The provider gets the payout's id as its
 * idempotency key: money sent cannot be taken back by a compensation, but a
 * retried call after a failure pays once.
 */
export const sendPayoutToProviderStep = createStep(
  sendPayoutToProviderStepId,
  async (input: SendPayoutToProviderInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const provider = await service.retrievePayoutProvider(input.provider_id)
    const payout = await service.retrieveAffiliatePayout(input.id, {
      select: [
        "id",
        "status",
        "currency_code",
        "amount",
        "payout_method",
        "payout_details",
        "affiliate.id",
        "affiliate.name",
        "affiliate.email",
        "affiliate.status",
      ],
      relations: ["affiliate"],
    })
    if (payout.status !== "draft") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Payout ${payout.id} is ${payout.status}: only a draft payout can be sent to a provider`
      )
    }
    if (!payout.affiliate || payout.affiliate.status === "blocked") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Payout ${payout.id} cannot be sent: its affiliate is ` +
          `${payout.affiliate ? "blocked" : "deleted"}; cancel the payout instead`
      )
    }
    // Where the batch said to pay, not wherever the affiliate points now.
    const toPay = {
      id: payout.id,
      currency_code: payout.currency_code,
      amount: Number(payout.amount),
      affiliate: {
        id: payout.affiliate.id,
        name: payout.affiliate.name,
        email: payout.affiliate.email,
        payout_method: payout.payout_method as PayoutMethod | null,
        payout_details: payout.payout_details,
      },
    }
    const { reference } = await provider.pay(toPay).catch((error: Error) => {
      // The store owner sees why and can retry: the payout stays a draft.
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The payout provider ${input.provider_id} did not pay ${payout.id}: ${error.message}`
      )
    })
    const updated = await service.updateAffiliatePayouts({
      id: payout.id,
      status: "processing",
      provider_id: input.provider_id,
      provider_reference: reference,
    })
    return new StepResponse(updated, payout.id)
  },
  async (payoutId, { container }) => {
    if (!payoutId) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    await service.updateAffiliatePayouts({
      id: payoutId,
      status: "draft",
      provider_id: null,
      provider_reference: null,
    })
  }
)
