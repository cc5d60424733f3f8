import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../modules/affiliate"
import type AffiliateModuleService from "../modules/affiliate/service"

const BATCH_SIZE = 1000
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Deletes the visits older than the `visitRetentionDays` option (180 by
 * default), a batch at a time; their daily counts stay for the reports.
 * Returns how many it deleted. Safe to run twice at once: a visit deleted
 * by the other run is simply gone.
 */
export async function deleteOldAffiliateVisits(container: MedusaContainer, now = new Date()): Promise<number> {
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  const { visitRetentionDays } = await service.retrieveOptions()
  const before = new Date(now.getTime() - visitRetentionDays * DAY_MS)
  let deleted = 0
  for (;;) {
    const old = await service.listAffiliateVisits(
      { created_at: { $lt: before } },
      { select: ["id"], take: BATCH_SIZE, withDeleted: true }
    )
    if (!old.length) {
      return deleted
    }
    await service.deleteAffiliateVisits(old.map((visit) => visit.id))
    deleted += old.length
  }
}

export default async function deleteOldAffiliateVisitsJob(container: MedusaContainer) {
  const deleted = await deleteOldAffiliateVisits(container)
  if (deleted) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`Old affiliate visits deleted: ${deleted}`)
  }
}

export const config = {
  name: "affiliate-delete-old-visits",
  schedule: "30 3 * * *",
}
