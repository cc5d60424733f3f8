import type { MedusaContainer } from "@medusajs/framework/types"
import {
  AFFILIATE_MODULE,
  type AffiliateProgramTermsDTO,
  type AttributionMethod,
} from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { normalizeEmail } from "../../../modules/affiliate/utils/normalize"
import { verifyReferral } from "../../../modules/affiliate/utils/referral-signature"
import { findCustomerEmails } from "../../utils/customer-emails"
import { referralSigningKey } from "../../utils/store-keys"
import type { ProgramTermsLoader } from "../utils/commission-terms"
import type { Candidate, CandidateAffiliate, FoundCandidates, OrderHeader } from "./types"

/** Where a storefront puts the referral code on the cart (the order keeps it). */
export const CART_REFERRAL_METADATA_KEY = "affiliate_code"
/** When the cart route recorded the code: the referral window counts from it. */
export const CART_REFERRAL_AT_METADATA_KEY = "affiliate_code_at"
/** The server's signature over the code and its time: without it neither is honoured. */
export const CART_REFERRAL_SIGNATURE_METADATA_KEY = "affiliate_code_sig"

const AFFILIATE_FIELDS = ["id", "email", "status", "commission_rate", "customer_id", "program_id"]
// Each lookup reads its affiliate along (a join): no separate read of the affiliates.
const WITH_AFFILIATE = {
  select: ["id", "affiliate_id", ...AFFILIATE_FIELDS.map((field) => `affiliate.${field}`)],
  relations: ["affiliate"],
}
const WITH_CONNECTION = {
  ...WITH_AFFILIATE,
  select: [...WITH_AFFILIATE.select, "created_at", "credited_orders"],
}

// The rows' affiliates carry the fields WITH_AFFILIATE selects.
const candidate = (
  method: AttributionMethod,
  row: { affiliate_id: string; affiliate?: unknown }
): Candidate => ({
  method,
  affiliate_id: row.affiliate_id,
  affiliate: (row.affiliate ?? null) as CandidateAffiliate | null,
})

const connectionCandidate = (row: {
  id: string
  affiliate_id: string
  affiliate?: unknown
  created_at: string | Date
  credited_orders: number
}): Candidate => ({
  ...candidate("connection", row),
  connection: { id: row.id, created_at: row.created_at, credited_orders: row.credited_orders },
})

/**
 * connection: the buyer's own, or — for a guest — that of a customer with the
 * same email. The buyer's own is looked up first: then most orders of
 * connected customers need no search by email.
 */
async function findConnectionCandidate(
  container: MedusaContainer,
  order: OrderHeader
): Promise<{ candidate: Candidate | null; buyer_connected: boolean }> {
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  const none = { candidate: null, buyer_connected: false }
  if (order.customer_id) {
    const [own] = await service.listAffiliateConnections(
      { customer_id: order.customer_id, ended_at: null },
      WITH_CONNECTION
    )
    if (own) {
      return { candidate: connectionCandidate(own), buyer_connected: true }
    }
  }
  if (!order.email) {
    return none
  }
  // The connection's copy of its customer's email, indexed: no scan of
  // Medusa's customer table for every guest order.
  const [connection] = await service.listAffiliateConnections(
    { customer_email: normalizeEmail(order.email), ended_at: null },
    { ...WITH_CONNECTION, order: { created_at: "ASC" }, take: 1 }
  )
  return { candidate: connection ? connectionCandidate(connection) : null, buyer_connected: false }
}

/** coupon: a promotion of the order assigned to an affiliate. */
async function findCouponCandidate(
  service: AffiliateModuleService,
  promotionIds: string[]
): Promise<Candidate | null> {
  if (!promotionIds.length) {
    return null
  }
  const [assigned] = await service.listAffiliatePromotions(
    { promotion_id: promotionIds },
    WITH_AFFILIATE
  )
  return assigned ? candidate("coupon", assigned) : null
}

/**
 * link: the referral code the cart carried, only as the cart route signed it
 * with its time: a code or time written into the cart's metadata any other
 * way (Medusa's own cart route takes any metadata) is ignored.
 */
async function findLinkCandidate(
  container: MedusaContainer,
  order: OrderHeader
): Promise<Candidate | null> {
  const metadata = order.metadata ?? {}
  if (metadata[CART_REFERRAL_METADATA_KEY] == null) {
    return null
  }
  const referral = verifyReferral(referralSigningKey(container), {
    code: metadata[CART_REFERRAL_METADATA_KEY],
    recorded_at: metadata[CART_REFERRAL_AT_METADATA_KEY],
    signature: metadata[CART_REFERRAL_SIGNATURE_METADATA_KEY],
  })
  if (!referral) {
    return null
  }
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  const [affiliate] = await service.listAffiliates(
    { code: referral.code },
    { select: AFFILIATE_FIELDS }
  )
  return affiliate
    ? { ...candidate("link", { affiliate_id: affiliate.id, affiliate }), referred_at: referral.recorded_at }
    : null
}

/**
 * Every method's candidate. Takes the order (null when it is not placed: no
 * lookups) and its promotions as promises so each lookup starts as soon as
 * what it needs has arrived.
 */
export async function findCandidates(
  container: MedusaContainer,
  order: Promise<OrderHeader | null>,
  promotionIds: Promise<string[]>
): Promise<FoundCandidates> {
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  // A buyer without a connection of their own may be auto-connected: their
  // account's email, the connection's copy, is read right after.
  const withBuyerEmail = async (o: OrderHeader) => {
    const found = await findConnectionCandidate(container, o)
    const email =
      o.customer_id && !found.buyer_connected
        ? ((await findCustomerEmails(container, [o.customer_id])).get(o.customer_id) ?? null)
        : null
    return { ...found, buyer_email: email }
  }
  const [connection, coupon, link] = await Promise.all([
    order.then((o) =>
      o ? withBuyerEmail(o) : { candidate: null, buyer_connected: false, buyer_email: null }
    ),
    promotionIds.then((ids) => findCouponCandidate(service, ids)),
    order.then((o) => (o ? findLinkCandidate(container, o) : null)),
  ])
  return {
    candidates: [connection.candidate, coupon, link].filter((c): c is Candidate => !!c),
    buyer_connected: connection.buyer_connected,
    buyer_email: connection.buyer_email,
  }
}

/** The terms of the candidates' programs, by program id (null: the default program). */
export async function candidatePrograms(
  found: FoundCandidates,
  termsOf: ProgramTermsLoader
): Promise<Map<string | null, AffiliateProgramTermsDTO>> {
  const ids = [...new Set(found.candidates.map((c) => c.affiliate?.program_id ?? null))]
  return new Map(await Promise.all(ids.map(async (id) => [id, await termsOf(id)] as const)))
}
