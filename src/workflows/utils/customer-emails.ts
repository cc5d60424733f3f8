import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { normalizeEmail } from "../../modules/affiliate/utils/normalize"

/**
 * The lower-cased emails of these customers, by id, for the connections made
 * to them: a guest order is matched to a connected customer by email through
 * the connection's own indexed copy, not a scan of Medusa's customer table.
 */
export async function findCustomerEmails(
  container: MedusaContainer,
  customerIds: string[]
): Promise<Map<string, string>> {
  if (!customerIds.length) {
    return new Map()
  }
  const customers = await container
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: customerIds }, { select: ["id", "email"] })
  return new Map(
    customers.flatMap(({ id, email }) => (email ? [[id, normalizeEmail(email)] as const] : []))
  )
}
