import { httpSuite } from "../helpers/test-runner"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import { reverseCanceledOrderWorkflow } from "../../src/workflows"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import {
  expectMoneyPaidOnce,
  raceKinds,
  type RaceKind,
  seedApprovedCommissions,
  sqlOverKnex,
} from "../helpers/payout-races"

// Each kind races a batch this many times, each time over fresh commissions.
const ROUNDS = 3
const COMMISSIONS = 12

type Affiliate = { id: string; code: string }

/**
 * A payout batch racing every other change of a commission's money: whatever
 * wins, a commission is paid at most once, only while approved, and the
 * money paid adds up to the ledger.
 */
export default httpSuite({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: AdminHeaders
    let service: AffiliateModuleService
    let jane: Affiliate
    let max: Affiliate

    // Seeded once: the runner snapshots the database after beforeAll and
    // restores it before every test.
    beforeAll(async () => {
      const container = getContainer()
      admin = await createAdminHeaders(api, container)
      service = container.resolve(AFFILIATE_MODULE)
      const create = async (body: Record<string, unknown>) =>
        (await api.post("/admin/affiliates", body, admin)).data.affiliate as Affiliate
      jane = await create({ name: "Jane", email: "jane@aff.test", code: "JANE", status: "approved" })
      max = await create({ name: "Max", email: "max@aff.test", code: "MAX", status: "approved" })
    })

    /** What each kind sends against one commission, at the same moment as the batch. */
    // The seeded commissions all have an order.
    type OrderCommission = { id: string; order_id: string | null }
    const orderOf = (c: OrderCommission) => c.order_id!
    const actions: Record<RaceKind, (commission: OrderCommission, round: number) => Promise<unknown>> = {
      reject: (c) =>
        api.post(`/admin/affiliate-commissions/${c.id}`, { status: "rejected", reason: "fraud" }, admin),
      mark_paid: (c) => api.post(`/admin/affiliate-commissions/${c.id}`, { status: "paid" }, admin),
      reassign: (c) =>
        api.post(
          `/admin/affiliate-commissions/${c.id}/reassign`,
          { affiliate_id: max.id, reason: "dispute" },
          admin
        ),
      cancel: (c) => reverseCanceledOrderWorkflow(getContainer()).run({ input: { order_id: orderOf(c) } }),
      refund: (c, round) =>
        service.recordOrderRefunds({
          order_id: orderOf(c),
          refunds: [{ id: `refund_${round}_${c.id}`, amount: 10, created_at: new Date() }],
          charged: 40,
        }),
    }

    it.each(raceKinds)(
      `pays a commission at most once, only while approved, when a batch races ${COMMISSIONS} × %s`,
      async (kind) => {
        for (let round = 0; round < ROUNDS; round++) {
          const commissions = await seedApprovedCommissions(service, jane.id, COMMISSIONS, `${kind}_${round}`)
          const [batch, ...others] = await Promise.allSettled([
            api.post("/admin/affiliate-payouts", { include_without_payout_method: true }, admin),
            ...commissions.map((c) => actions[kind](c, round)),
          ])
          // A cancel or a refund always lands (after the batch, as an adjustment);
          // another loser is told why (4xx), never a 500.
          if (kind === "cancel" || kind === "refund") {
            expect(others.filter((result) => result.status === "rejected")).toEqual([])
          }
          for (const result of [batch, ...others]) {
            if (result.status === "rejected") {
              const status = (result.reason as { response?: { status: number } }).response?.status
              expect([400, 409, undefined]).toContain(status)
            }
          }
          await expectMoneyPaidOnce({ api, admin, sql: sqlOverKnex(dbConnection), affiliateIds: [jane.id, max.id] })
        }
      }
    )
  },
})
