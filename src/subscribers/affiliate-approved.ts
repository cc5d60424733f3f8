import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AFFILIATE_MODULE } from "../modules/affiliate"
import { AffiliateEvents } from "../modules/affiliate/events"
import type AffiliateModuleService from "../modules/affiliate/service"
import { syncAffiliateAccountsWorkflow } from "../workflows"

/**
 * With account sync on, a newly approved affiliate becomes a store customer
 * right away. Syncing is idempotent, so a repeated event changes nothing; if
 * this fails, the next full run (Resync) catches the affiliate up.
 */
export default async function affiliateApprovedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  const { account_sync } = await service.retrieveEffectiveSettings()
  if (!account_sync.enabled) {
    return
  }
  await syncAffiliateAccountsWorkflow(container).run({
    input: { affiliate_ids: [data.id], tags: account_sync.tags },
  })
}

export const config: SubscriberConfig = {
  event: AffiliateEvents.APPROVED,
  context: { subscriberId: "affiliate-sync-approved-account" },
}
