import type { MedusaContainer } from "@medusajs/framework/types"
import { MathBN, Modules } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../modules/affiliate"
import type AffiliateModuleService from "../../modules/affiliate/service"

type Revenue = { currency_code: string; amount: number }

function revenueByCurrency(
  commissions: { currency_code: string; base_amount: unknown }[]
): Revenue[] {
  const totals = new Map<string, ReturnType<typeof MathBN.convert>>()
  for (const commission of commissions) {
    const sum = totals.get(commission.currency_code) ?? MathBN.convert(0)
    totals.set(
      commission.currency_code,
      MathBN.add(sum, commission.base_amount as number)
    )
  }
  return [...totals].map(([currency_code, amount]) => ({
    currency_code,
    amount: amount.toNumber(),
  }))
}

/**
 * An affiliate's customers: those connected to them (with the connection)
 * and those they referred by link or coupon but who are not connected to
 * them (`connection: null`), newest first. Each with the orders credited to
 * the affiliate and their revenue (the commission base).
 */
export async function listAffiliateCustomers(
  scope: MedusaContainer,
  affiliateId: string,
  { skip = 0, take = 20 }: { skip?: number; take?: number }
) {
  const service: AffiliateModuleService = scope.resolve(AFFILIATE_MODULE)
  const [connections, referrals] = await Promise.all([
    service.listAffiliateConnections(
      { affiliate_id: affiliateId, ended_at: null },
      {
        select: ["id", "customer_id", "source", "created_at", "created_by"],
        order: { created_at: "DESC" },
      }
    ),
    service.listAffiliateOrderAttributions(
      {
        affiliate_id: affiliateId,
        outcome: "credited",
        method: ["coupon", "link"],
        customer_id: { $ne: null },
      },
      { select: ["customer_id"], order: { created_at: "DESC" } }
    ),
  ])
  const customerIds = [
    ...new Set([
      ...connections.map((c) => c.customer_id),
      ...referrals.map((r) => r.customer_id as string),
    ]),
  ]
  const page = customerIds.slice(skip, skip + take)

  const [customers, commissions] = page.length
    ? await Promise.all([
        scope.resolve(Modules.CUSTOMER).listCustomers(
          { id: page },
          { select: ["id", "email", "first_name", "last_name", "has_account"] }
        ),
        service.listAffiliateCommissions(
          {
            affiliate_id: affiliateId,
            customer_id: page,
            status: ["pending", "approved", "paid"],
          },
          { select: ["customer_id", "currency_code", "base_amount"] }
        ),
      ])
    : [[], []]

  return {
    customers: page.map((customerId) => {
      const connection = connections.find((c) => c.customer_id === customerId)
      const credited = commissions.filter((c) => c.customer_id === customerId)
      return {
        ...customers.find((customer) => customer.id === customerId),
        id: customerId,
        connection: connection
          ? {
              id: connection.id,
              source: connection.source,
              created_at: connection.created_at,
              created_by: connection.created_by,
            }
          : null,
        order_count: credited.length,
        revenue: revenueByCurrency(credited),
      }
    }),
    count: customerIds.length,
  }
}
