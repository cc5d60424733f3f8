import { MedusaError } from "@medusajs/framework/utils"
import { affiliateApprovedNotice } from "./affiliate-approved"
import { affiliateSignedUpNotice } from "./affiliate-signed-up"
import { commissionEarnedNotice } from "./commission-earned"
import { commissionPaidNotice } from "./commission-paid"
import { loginInviteNotice } from "./login-invite"
import { passwordResetNotice } from "./password-reset"
import { payoutMethodUpdatedNotice } from "./payout-method-updated"
import { payoutPaidNotice } from "./payout-paid"

export * from "./types"

/**
 * Every notification the plugin sends on an event. A new one is a file in
 * this folder and an entry here (and a subscriber for its event, or the
 * workflow that sends it): its template option and default follow from the
 * entry.
 */
export const affiliateNotices = [
  affiliateApprovedNotice,
  commissionEarnedNotice,
  commissionPaidNotice,
  payoutPaidNotice,
  affiliateSignedUpNotice,
  loginInviteNotice,
  passwordResetNotice,
  payoutMethodUpdatedNotice,
] as const

/** What happened, as the plugin tells people about it. */
export type AffiliateNotice = (typeof affiliateNotices)[number]["id"]

/** The template option key of each notice, under `notifications`. */
export type AffiliateNoticeOptionKey = (typeof affiliateNotices)[number]["optionKey"]

export function getAffiliateNotice(id: AffiliateNotice) {
  const notice = affiliateNotices.find((candidate) => candidate.id === id)
  if (!notice) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown affiliate notice: ${id}`)
  }
  return notice
}
