import { OrderStatus } from "@medusajs/framework/utils"
import type { AffiliateProgramTermsDTO, AffiliateSettingsDTO } from "../../../modules/affiliate"
import { addDays } from "../../../modules/affiliate/utils/dates"
import type { OrderAttributionDecision } from "./types"

type NewCommission = NonNullable<OrderAttributionDecision["commission"]>

export type CommissionStatusDecision = Pick<NewCommission, "status" | "reason" | "available_at" | "flag">

export type CommissionStatusInput = {
  order: { status: string; created_at: string | Date }
  program: Pick<AffiliateProgramTermsDTO, "self_referral_policy" | "auto_approve_commissions">
  settings: Pick<AffiliateSettingsDTO, "hold_days" | "auto_approve_commissions">
  is_self_referral: boolean
}

/**
 * How a new commission starts. A self-referral is rejected, flagged for
 * review or credited as the program's policy says; a canceled order's late
 * credit is kept, rejected; a hold keeps it pending until the hold ends.
 */
export function decideCommissionStatus({
  order,
  program,
  settings,
  is_self_referral,
}: CommissionStatusInput): CommissionStatusDecision {
  const policy = is_self_referral ? program.self_referral_policy : null
  // A late credit (a lost `order.placed`) of an order canceled since: kept for
  // audit, rejected as the cancellation would have done.
  const isCanceled = order.status === OrderStatus.CANCELED
  const isRejected = policy === "reject" || isCanceled
  const isFlagged = !isRejected && policy === "flag"
  // A held commission waits for its hold to end, even with auto-approve on:
  // the approval job approves it then.
  const isHeld = !isRejected && settings.hold_days > 0
  const autoApprove = program.auto_approve_commissions ?? settings.auto_approve_commissions
  return {
    status: isRejected ? "rejected" : autoApprove && !isHeld && !isFlagged ? "approved" : "pending",
    reason: policy === "reject" ? "self_referral" : isCanceled ? "order_canceled" : null,
    // The hold counts from the order's placement.
    available_at: isHeld ? addDays(order.created_at, settings.hold_days) : null,
    flag: isFlagged ? "self_referral" : null,
  }
}
