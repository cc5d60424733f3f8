import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { escapeLike } from "../../modules/affiliate/utils/escape-like"

/**
 * The most customers one `q` search resolves to. The customer lives in
 * Medusa's customer module, so a list searched by customer is two steps: the
 * matching customer ids there, then our rows for those ids. Uncapped, a broad
 * search ("example.com") returns every customer's id and sends them back as
 * one IN list: 100,000 ids in a store of that size, beyond PostgreSQL's 65,535
 * bind parameters. Searches matching up to this many customers are exact; a
 * broader one covers its newest matches.
 */
export const CUSTOMER_SEARCH_LIMIT = 1000

/**
 * The ids of the customers `q` matches (email, names, company, phone: Medusa's
 * own customer search), newest first and at most CUSTOMER_SEARCH_LIMIT;
 * undefined when there is no search. `customerIds` narrows the search to those
 * customers, so a `customer_id` filter and `q` combine.
 */
export async function searchCustomerIds(
  scope: MedusaContainer,
  q: string | undefined,
  customerIds?: string | string[]
): Promise<string[] | undefined> {
  const search = q?.trim()
  if (!search) {
    return undefined
  }
  // Medusa's customer search puts the term in ILIKE patterns as it is.
  const customers = await scope.resolve(Modules.CUSTOMER).listCustomers(
    { q: escapeLike(search), ...(customerIds ? { id: customerIds } : {}) },
    {
      select: ["id"],
      take: CUSTOMER_SEARCH_LIMIT,
      order: { created_at: "DESC" },
    }
  )
  return customers.map((customer) => customer.id)
}
