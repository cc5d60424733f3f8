import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance } from "axios"
import { defaultAdminAffiliateCommissionFields } from "../../src/api/admin/affiliate-commissions/query-config"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import { createAdminHeaders, type AdminHeaders } from "./admin"
import { waitForSubscribers } from "./events"
import { expectListReadAsGraph } from "./list-rows"
import { checkout, setUpStore, type CheckoutInput, type TestStore } from "./store"

type Api = AxiosInstance

export type Affiliate = { id: string; code: string }

/** What the commission tests seed once: a store, and Jane and Max, approved affiliates with codes. */
export type CommissionShop = {
  admin: AdminHeaders
  store: TestStore
  service: AffiliateModuleService
  jane: Affiliate
  max: Affiliate
}

const postAffiliate = async (api: Api, admin: AdminHeaders, body: Record<string, unknown>) =>
  (await api.post("/admin/affiliates", body, admin)).data.affiliate as Affiliate

export async function seedCommissionShop(api: Api, container: MedusaContainer): Promise<CommissionShop> {
  const admin = await createAdminHeaders(api, container)
  const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
  const store = await setUpStore(api, admin)
  const jane = await postAffiliate(api, admin, { name: "Jane", email: "jane@aff.test", code: "JANE", status: "approved" })
  const max = await postAffiliate(api, admin, { name: "Max", email: "max@aff.test", code: "MAX", status: "approved" })
  return { admin, store, service, jane, max }
}

/**
 * The calls the commission tests make, on the shop `seeded` returns (once
 * beforeAll has seeded it).
 */
export function commissionCalls(
  api: Api,
  getContainer: () => MedusaContainer,
  seeded: () => Pick<CommissionShop, "admin" | "store" | "service">
) {
  const commissionsOf = (orderId: string) =>
    seeded().service.listAffiliateCommissions({ order_id: orderId })

  return {
    createAffiliate: (body: Record<string, unknown>) => postAffiliate(api, seeded().admin, body),

    /** Places an order through the store API and waits for the crediting subscriber. */
    placeOrder: (input: CheckoutInput) =>
      waitForSubscribers(getContainer(), "order.placed", () => checkout(api, seeded().store, input)),

    commissionsOf,

    /** The order's commission as the admin API answers it. */
    commissionOf: async (orderId: string) => {
      const [commission] = await commissionsOf(orderId)
      return (await api.get(`/admin/affiliate-commissions/${commission.id}`, seeded().admin)).data
        .affiliate_commission
    },

    /** A ledger page read in SQL, with the admin's fields, answers what query.graph answers. */
    expectLedgerPageAsGraph: (search: string) =>
      expectListReadAsGraph(api, seeded().admin, {
        table: "affiliate_commission",
        path:
          `/admin/affiliate-commissions?${search}` +
          "&fields=+program_id,+lines,+tier,+flag,+reassigned_to_id,+reassigned_from_id,+reassigned_by",
        defaults: defaultAdminAffiliateCommissionFields,
        added: { order_display_id: expect.any(Number) },
      }),
  }
}
