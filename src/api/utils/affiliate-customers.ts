import type { MedusaContainer } from "@medusajs/framework/types"
import { MathBN, Modules } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../modules/affiliate"
import type AffiliateModuleService from "../../modules/affiliate/service"
import type { ConnectionLifetimeDTO } from "../../modules/affiliate/types"
import { connectionTerm } from "../../modules/affiliate/utils/connection-lifetime"

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
 * An affiliate's customers: those connected to them (with the connection),
 * newest first, then those they referred by link or coupon but who are not
 * connected to them (`connection: null`), latest referral first. Each with
 * the number of orders attributed to the affiliate, the first one's date, and the revenue (the
 * commission base) of those not rejected. A connection shows what is left
 * of it under the affiliate's program (`expires_at`, `orders_left`). The
 * page is chosen and counted in the database, so a request reads one page of
 * customers and their commissions however many there are.
 */
export async function listAffiliateCustomers(
  scope: MedusaContainer,
  affiliateId: string,
  { skip, take }: { skip: number; take: number }
) {
  const service: AffiliateModuleService = scope.resolve(AFFILIATE_MODULE)
  const [rows, count] = await service.listAndCountAffiliateCustomerRows(affiliateId, {
    skip,
    take,
  })
  const page = rows.map((row) => row.customer_id)

  const [customers, commissions, lifetimes] = page.length
    ? await Promise.all([
        scope.resolve(Modules.CUSTOMER).listCustomers(
          { id: page },
          { select: ["id", "email", "first_name", "last_name", "has_account"] }
        ),
        service.listAffiliateCommissions(
          {
            affiliate_id: affiliateId,
            customer_id: page,
          },
          { select: ["customer_id", "currency_code", "base_amount", "status", "created_at"] }
        ),
        service.listConnectionLifetimes(rows.some((row) => row.connection) ? [affiliateId] : []),
      ])
    : [[], [], {} as Record<string, ConnectionLifetimeDTO>]

  return {
    customers: rows.map(({ customer_id: customerId, connection }) => {
      // One commission per order and affiliate: every order that came through
      // the affiliate counts, a canceled or self-referred one too, but only
      // orders that still earn count as revenue.
      const orders = commissions.filter((c) => c.customer_id === customerId)
      return {
        ...customers.find((customer) => customer.id === customerId),
        id: customerId,
        connection: connection && {
          ...connection,
          ...connectionTerm(connection, lifetimes[affiliateId]),
        },
        order_count: orders.length,
        // When the first order through the affiliate was credited: tells customers apart.
        first_order_at: orders.reduce<Date | null>((first, order) => {
          const at = new Date(order.created_at)
          return first && first <= at ? first : at
        }, null),
        revenue: revenueByCurrency(orders.filter((c) => c.status !== "rejected")),
      }
    }),
    count,
  }
}
