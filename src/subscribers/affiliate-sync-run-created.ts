import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AffiliateEvents } from "../modules/affiliate/events"
import { processAffiliateSyncRun } from "../workflows"

/**
 * Works through a full account-sync run in the background. A second delivery
 * of the event finds the run claimed and returns.
 */
export default async function affiliateSyncRunCreatedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await processAffiliateSyncRun(container, data.id)
}

export const config: SubscriberConfig = {
  event: AffiliateEvents.SYNC_RUN_CREATED,
  context: { subscriberId: "affiliate-process-sync-run" },
}
