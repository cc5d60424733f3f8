import type { MedusaContainer } from "@medusajs/framework/types"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

type StoredPayout = Awaited<ReturnType<AffiliateModuleService["retrieveAffiliatePayout"]>>

const PAYOUT_FIELDS = [
  "id",
  "batch_id",
  "currency_code",
  "amount",
  "status",
  "reason",
  "provider_id",
  "provider_reference",
  "paid_at",
  "created_at",
  "updated_at",
  "payout_method",
  "payout_details",
  "affiliate.id",
  "affiliate.name",
  "affiliate.email",
  "affiliate.code",
  "affiliate.status",
]

export type PayoutFilters = {
  batch_id?: string[]
  affiliate_id?: string[]
  status?: string[]
  currency_code?: string[]
}

/**
 * A payout as the admin sees it: where to pay, as it was when the batch was
 * made (the affiliate's later changes go to their next payout), and who.
 */
export function formatPayout(payout: StoredPayout) {
  return {
    id: payout.id,
    batch_id: payout.batch_id,
    currency_code: payout.currency_code,
    amount: Number(payout.amount),
    status: payout.status,
    reason: payout.reason,
    provider_id: payout.provider_id,
    provider_reference: payout.provider_reference,
    paid_at: payout.paid_at,
    created_at: payout.created_at,
    updated_at: payout.updated_at,
    payout_method: payout.payout_method,
    payout_details: payout.payout_details,
    affiliate: payout.affiliate && {
      id: payout.affiliate.id,
      name: payout.affiliate.name,
      email: payout.affiliate.email,
      code: payout.affiliate.code,
      status: payout.affiliate.status,
    },
  }
}

export async function listPayouts(
  scope: MedusaContainer,
  filters: PayoutFilters,
  pagination: { skip: number; take?: number }
) {
  const service: AffiliateModuleService = scope.resolve(AFFILIATE_MODULE)
  const [payouts, count] = await service.listAndCountAffiliatePayouts(filters, {
    select: PAYOUT_FIELDS,
    relations: ["affiliate"],
    order: { created_at: "DESC", id: "DESC" },
    ...pagination,
  })
  return { affiliate_payouts: payouts.map(formatPayout), count }
}

/** One payout with the lines it pays (released lines too, marked as such). */
export async function retrievePayout(scope: MedusaContainer, id: string) {
  const service: AffiliateModuleService = scope.resolve(AFFILIATE_MODULE)
  // Throws Medusa's not-found error (a 404) for an unknown id.
  const payout = await service.retrieveAffiliatePayout(id, {
    select: [...PAYOUT_FIELDS, "items.id", "items.commission_id", "items.adjustment_id", "items.amount", "items.released_at"],
    relations: ["affiliate", "items"],
  })
  return {
    ...formatPayout(payout),
    items: payout.items.map((item) => ({
      id: item.id,
      commission_id: item.commission_id,
      adjustment_id: item.adjustment_id,
      amount: Number(item.amount),
      released_at: item.released_at,
    })),
  }
}
