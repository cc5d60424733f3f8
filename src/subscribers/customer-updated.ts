import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AFFILIATE_MODULE } from "../modules/affiliate"
import type AffiliateModuleService from "../modules/affiliate/service"
import { findCustomerEmails } from "../workflows/utils/customer-emails"

/**
 * Keeps the connections' copy of their customer's email current, so guest
 * orders with the customer's new email credit their affiliate. It reads the
 * email now, so a late or repeated event writes what is true.
 */
export default async function customerUpdatedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  const [connection] = await service.listAffiliateConnections(
    { customer_id: data.id },
    { select: ["id"], take: 1 }
  )
  if (!connection) {
    return
  }
  const emails = await findCustomerEmails(container, [data.id])
  await service.updateAffiliateConnections({
    selector: { customer_id: data.id },
    data: { customer_email: emails.get(data.id) ?? null },
  })
}

export const config: SubscriberConfig = {
  event: "customer.updated",
  context: { subscriberId: "affiliate-connection-customer-email" },
}
