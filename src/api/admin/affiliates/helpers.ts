import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { referralLink } from "../../../modules/affiliate/utils/links"

/** Reads one affiliate as the admin API shows it; 404 when it does not exist. */
export async function refetchAffiliate(
  id: string,
  scope: MedusaContainer,
  fields: string[]
) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [affiliate],
  } = await query.graph(
    { entity: "affiliate", fields, filters: { id } },
    { throwIfKeyNotFound: true }
  )
  return affiliate
}

/**
 * Adds what the admin lists and pages show beside each affiliate: commission
 * totals per currency, the number of connected customers and the referral
 * link (null without the `storefrontUrl` option).
 */
export async function withAffiliateStats<T extends { id: string; code?: string }>(
  affiliates: T[],
  scope: MedusaContainer
) {
  const service: AffiliateModuleService = scope.resolve(AFFILIATE_MODULE)
  const ids = affiliates.map((affiliate) => affiliate.id)
  const [totals, connections, links] = await Promise.all([
    service.summarizeCommissions(ids),
    service.countActiveConnections(ids),
    service.retrieveOptions().then(({ storefrontUrl }) =>
      affiliates.map((affiliate) => (affiliate.code ? referralLink(storefrontUrl, affiliate.code) : null))
    ),
  ])
  return affiliates.map((affiliate, i) => ({
    ...affiliate,
    referral_link: links[i],
    connected_customer_count: connections[affiliate.id] ?? 0,
    commission_totals: totals
      .filter((total) => total.affiliate_id === affiliate.id)
      .map(({ affiliate_id: _, ...total }) => total),
  }))
}

type ProgramSummary = { id: string; name: string; is_default: boolean }

/**
 * Names each affiliate's program as `{ id, name, is_default }`: the default
 * program for those without one (their program_id is null).
 */
export async function withPrograms<T extends { program?: ProgramSummary | null }>(
  affiliates: T[],
  scope: MedusaContainer
) {
  const service: AffiliateModuleService = scope.resolve(AFFILIATE_MODULE)
  const fallback = affiliates.every((affiliate) => affiliate.program)
    ? null
    : await service.retrieveDefaultProgram()
  return affiliates.map((affiliate) => {
    const program = affiliate.program ?? fallback!
    return {
      ...affiliate,
      program: { id: program.id, name: program.name, is_default: program.is_default },
    }
  })
}
