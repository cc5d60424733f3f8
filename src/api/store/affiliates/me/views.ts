import type { PayoutStatus } from "../../../../modules/affiliate/models/affiliate-payout"
import { withNetAmount } from "../../../utils/commission-net-amount"

/**
 * What an affiliate sees of their own records: each field named here, so a
 * new column (or the `raw_*` twins of money fields) never reaches them by
 * accident, and no buyer's identity or internal customer id does either.
 */

/** A payout's status in the affiliate's words: a draft is a payout still to be paid. */
const PAYOUT_STATUS_FOR_AFFILIATE: Record<PayoutStatus, string> = {
  draft: "pending",
  processing: "processing",
  paid: "paid",
  failed: "failed",
  canceled: "canceled",
}

type StorePayoutRow = {
  id: string
  currency_code: string
  amount: unknown
  status: PayoutStatus
  paid_at: Date | string | null
  created_at: Date | string
}

export function toStorePayout(payout: StorePayoutRow) {
  return {
    id: payout.id,
    currency_code: payout.currency_code,
    amount: Number(payout.amount),
    status: PAYOUT_STATUS_FOR_AFFILIATE[payout.status],
    paid_at: payout.paid_at,
    created_at: payout.created_at,
  }
}

type OrderItemRow = {
  product_title?: string | null
  variant_title?: string | null
  quantity?: unknown
  detail?: { quantity?: unknown } | null
} | null

type StoreOrderRow = { display_id?: number | null; items?: OrderItemRow[] | null }

export type StoreCommissionRow = {
  id: string
  order_id: string | null
  currency_code: string
  base_amount: unknown
  rate: unknown
  amount: unknown
  attribution: string
  status: string
  reason: string | null
  note: string | null
  available_at: Date | string | null
  created_at: Date | string
  adjustments?: ({ amount: unknown; reason: string | null; created_at: Date | string } | null)[] | null
}

/** The fields a commission query reads for `toStoreCommission`. */
export const STORE_COMMISSION_FIELDS = [
  "id",
  "order_id",
  "currency_code",
  "base_amount",
  "rate",
  "amount",
  "attribution",
  "status",
  "reason",
  "note",
  "available_at",
  "created_at",
  "adjustments.amount",
  "adjustments.reason",
  "adjustments.created_at",
]

/** The fields of the commissions' orders: their number and what was sold. */
export const STORE_COMMISSION_ORDER_FIELDS = [
  "id",
  "display_id",
  "items.product_title",
  "items.variant_title",
  "items.quantity",
  // The order item's own quantity: `items.quantity` alone comes back empty.
  "items.detail.quantity",
]

/** A commission with its order's number and products: what was sold, never to whom. */
export function toStoreCommission(row: StoreCommissionRow, order: StoreOrderRow | undefined) {
  const { adjustment_total, net_amount } = withNetAmount(row)
  return {
    id: row.id,
    // An order's commission, or a bonus or deduction the store gave (no order).
    kind: row.order_id ? "order" : Number(row.amount) < 0 ? "deduction" : "bonus",
    order_id: row.order_id,
    // null when the order is gone (deleted from the store)
    order: order
      ? {
          display_id: order.display_id ?? null,
          items: (order.items ?? []).flatMap((item) =>
            item
              ? [
                  {
                    product_title: item.product_title ?? null,
                    variant_title: item.variant_title ?? null,
                    quantity: Number(item.quantity ?? item.detail?.quantity),
                  },
                ]
              : []
          ),
        }
      : null,
    currency_code: row.currency_code,
    base_amount: Number(row.base_amount),
    // null for a fixed amount
    rate: row.rate == null ? null : Number(row.rate),
    amount: Number(row.amount),
    adjustment_total,
    net_amount,
    attribution: row.attribution,
    status: row.status,
    reason: row.reason,
    // The store's words on a commission made by hand.
    note: row.note,
    available_at: row.available_at,
    created_at: row.created_at,
    adjustments: (row.adjustments ?? []).flatMap((adjustment) =>
      adjustment
        ? [{ amount: Number(adjustment.amount), reason: adjustment.reason, created_at: adjustment.created_at }]
        : []
    ),
  }
}
