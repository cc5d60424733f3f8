/** Events this plugin emits. Payloads carry ids only. */
export const AffiliateEvents = {
  CREATED: "affiliate.created",
  APPROVED: "affiliate.approved",
  CONNECTION_CREATED: "affiliate_connection.created",
  CONNECTION_DELETED: "affiliate_connection.deleted",
  COMMISSION_CREATED: "affiliate_commission.created",
  COMMISSION_UPDATED: "affiliate_commission.updated",
  SYNC_RUN_CREATED: "affiliate_sync_run.created",
  SYNC_RUN_COMPLETED: "affiliate_sync_run.completed",
  PAYOUT_CREATED: "affiliate_payout.created",
  PAYOUT_PAID: "affiliate_payout.paid",
  PAYOUT_FAILED: "affiliate_payout.failed",
} as const
