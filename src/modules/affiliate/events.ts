/** Events this plugin emits. Payloads carry ids only. */
export const AffiliateEvents = {
  CREATED: "affiliate.created",
  APPROVED: "affiliate.approved",
  /** An affiliate signed up themselves (the store sign-up), beside `affiliate.created`. */
  SIGNED_UP: "affiliate.signed_up",
  CONNECTION_CREATED: "affiliate_connection.created",
  CONNECTION_DELETED: "affiliate_connection.deleted",
  /** Connections ended because their program's lifetime was over: `[{ id }]`. */
  CONNECTION_EXPIRED: "affiliate_connection.expired",
  COMMISSION_CREATED: "affiliate_commission.created",
  COMMISSION_UPDATED: "affiliate_commission.updated",
  /** A commission moved to another affiliate: `{ id, previous_id }` (the new row and the rejected one). */
  COMMISSION_REASSIGNED: "affiliate_commission.reassigned",
  PROGRAM_CREATED: "affiliate_program.created",
  PROGRAM_UPDATED: "affiliate_program.updated",
  PROGRAM_DELETED: "affiliate_program.deleted",
  SYNC_RUN_CREATED: "affiliate_sync_run.created",
  SYNC_RUN_COMPLETED: "affiliate_sync_run.completed",
  PAYOUT_CREATED: "affiliate_payout.created",
  PAYOUT_PAID: "affiliate_payout.paid",
  PAYOUT_FAILED: "affiliate_payout.failed",
  /** The affiliate's payout method was set or changed: `{ id, updated_by }`. */
  PAYOUT_METHOD_UPDATED: "affiliate.payout_method_updated",
} as const
