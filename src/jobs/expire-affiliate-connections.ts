import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { expireAffiliateConnectionsWorkflow } from "../workflows"

/**
 * Ends the connections whose program's lifetime (days or orders) is over.
 * An `orders` lifetime also ends a connection at the order that reaches it;
 * this catches the rest (days passing, a program's terms shortened). The
 * workflow takes a lock, so with several workers one run expires while an
 * overlapping one fails to take it and leaves it to the next hour.
 */
export default async function expireAffiliateConnectionsJob(container: MedusaContainer) {
  const { result: ids } = await expireAffiliateConnectionsWorkflow(container).run()
  if (ids.length) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`Affiliate connections expired: ${ids.length}`)
  }
}

export const config = {
  name: "affiliate-expire-connections",
  schedule: "0 * * * *",
}
