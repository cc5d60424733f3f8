import type { MedusaContainer } from "@medusajs/framework/types"
import { AFFILIATE_MODULE } from "../modules/affiliate"
import type AffiliateModuleService from "../modules/affiliate/service"
import { processAffiliateSyncRun } from "../workflows"

/**
 * Resumes account-sync runs whose process died (a worker killed or
 * redeployed mid-run): a running run with no heartbeat for longer than the
 * lease, or never picked up, is claimed here and finishes where it stopped.
 * The claim is atomic, so with several workers one resumes it.
 */
export default async function resumeAffiliateSyncRuns(container: MedusaContainer) {
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  const leaseSeconds = (await service.retrieveOptions()).accountSyncLeaseSeconds
  const silentSince = new Date(Date.now() - leaseSeconds * 1000)
  const abandoned = await service.listAffiliateSyncRuns(
    {
      status: "running",
      $or: [
        { heartbeat_at: { $lt: silentSince } },
        { heartbeat_at: null, created_at: { $lt: silentSince } },
      ],
    },
    { select: ["id"] }
  )
  for (const run of abandoned) {
    await processAffiliateSyncRun(container, run.id)
  }
}

export const config = {
  name: "affiliate-resume-sync-runs",
  schedule: "* * * * *",
}
