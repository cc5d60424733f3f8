import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { connectionTerm } from "../../../modules/affiliate/utils/connection-lifetime"

/** What `expires_at` and `orders_left` are computed from, read whatever fields were asked. */
const CONNECTION_TERM_FIELDS = ["id", "affiliate_id", "created_at", "ended_at", "credited_orders"]

/** The requested fields and those the connection's term needs. */
export function connectionFields(fields: string[]) {
  return [...new Set([...fields, ...CONNECTION_TERM_FIELDS])]
}

type ConnectionRow = {
  affiliate_id: string
  created_at: Date | string
  ended_at?: Date | string | null
  credited_orders?: number | null
}

/**
 * Adds to each connection what is left of it under its affiliate's program:
 * `expires_at` (a `days` lifetime) and `orders_left` (an `orders` one), null
 * otherwise and for ended connections. The programs of the page's
 * affiliates are read in one query.
 */
export async function withConnectionTerms<T extends ConnectionRow>(
  scope: MedusaContainer,
  connections: T[]
) {
  const service: AffiliateModuleService = scope.resolve(AFFILIATE_MODULE)
  const lifetimes = await service.listConnectionLifetimes(
    connections.filter((c) => !c.ended_at).map((c) => c.affiliate_id)
  )
  return connections.map((connection) => ({
    ...connection,
    ...connectionTerm(connection, lifetimes[connection.affiliate_id]),
  }))
}

/** One connection as the admin API shows it; 404 when it does not exist. */
export async function refetchConnection(id: string, scope: MedusaContainer, fields: string[]) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [connection],
  } = await query.graph(
    { entity: "affiliate_connection", fields: connectionFields(fields), filters: { id } },
    { throwIfKeyNotFound: true }
  )
  const [withTerm] = await withConnectionTerms(scope, [connection as ConnectionRow])
  return withTerm
}
