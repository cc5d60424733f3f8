import { httpSuite } from "../helpers/test-runner"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import { reassignCommissionStepId, reassignCommissionWorkflow } from "../../src/workflows"
import { createAdminHeaders, decodeToken, type AdminHeaders } from "../helpers/admin"
import { captureEvents, waitForSubscribers } from "../helpers/events"
import { expectHttpError } from "../helpers/http"
import { checkout, paymentOf, setUpStore, type TestStore } from "../helpers/store"

type Affiliate = { id: string; name: string; code: string }
type Commission = Record<string, unknown> & { id: string; status: string; affiliate_id: string }

export default httpSuite({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let adminUserId: string
    let store: TestStore
    let service: AffiliateModuleService
    let jane: Affiliate
    let max: Affiliate
    let cleo: Affiliate

    const createAffiliate = async (body: Record<string, unknown>) =>
      (await api.post("/admin/affiliates", body, admin)).data.affiliate as Affiliate

    /** An order of `shirts` × 19.99 € referred by `code`, credited; returns it and its commission. */
    const referredOrder = async (code: string, shirts = 1) => {
      const order = await waitForSubscribers(getContainer(), "order.placed", () =>
        checkout(api, store, {
          email: `buyer-${Math.random().toString(36).slice(2)}@shop.test`,
          items: [{ variant_id: store.variants.shirt, quantity: shirts }],
          referralCode: code,
        })
      )
      const [commission] = await service.listAffiliateCommissions({ order_id: order.id })
      return { order, commission }
    }

    /** A commission written directly, for the refusals that need no real order. */
    const commissionFor = (affiliate: Affiliate, orderId: string, status = "pending") =>
      service.createAffiliateCommissions({
        affiliate_id: affiliate.id,
        order_id: orderId,
        currency_code: "eur",
        base_amount: 20,
        rate: 10,
        amount: 2,
        attribution: "link",
        status: status as "pending",
      })

    const reassign = (id: string, body: Record<string, unknown>) =>
      api.post(`/admin/affiliate-commissions/${id}/reassign`, body, admin)

    const getCommission = async (id: string) =>
      (await api.get(`/admin/affiliate-commissions/${id}`, admin)).data.affiliate_commission as Commission

    const balanceOf = async (affiliateId: string) => {
      const { affiliate_balances } = (
        await api.get(`/admin/affiliate-balances?affiliate_id=${affiliateId}`, admin)
      ).data
      return affiliate_balances[0] as Record<string, number> | undefined
    }

    // Seeded once: the runner snapshots the database after beforeAll and
    // restores it before every test.
    beforeAll(async () => {
      const container = getContainer()
      admin = await createAdminHeaders(api, container)
      adminUserId = decodeToken(admin.headers.authorization.replace("Bearer ", "")).actor_id
      service = container.resolve(AFFILIATE_MODULE)
      store = await setUpStore(api, admin)
      jane = await createAffiliate({ name: "Jane", email: "jane@aff.test", code: "JANE", status: "approved" })
      max = await createAffiliate({ name: "Max", email: "max@aff.test", code: "MAX", status: "approved" })
      cleo = await createAffiliate({ name: "Cleo", email: "cleo@aff.test", code: "CLEO" })
    })

    it("moves a refunded commission to another affiliate: links, actor, event, the same net money", async () => {
      await api.post(`/admin/affiliates/${jane.id}`, { commission_rate: 12.5 }, admin)
      const { order, commission } = await referredOrder("JANE", 3)
      // 12.5 % of 59.97 = 7.50; a refund of 16.23 of 64.92 takes 1.88 of it.
      const payment = await paymentOf(api, admin, order.id)
      await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
      await waitForSubscribers(getContainer(), "payment.refunded", () =>
        api.post(`/admin/payments/${payment.id}/refund`, { amount: 16.23 }, admin)
      )
      const before = await getCommission(commission.id)
      expect(before).toEqual(expect.objectContaining({ amount: 7.5, net_amount: 5.62 }))

      const program = await service.retrieveDefaultProgram()
      const events = captureEvents(getContainer())
      const { data } = await reassign(commission.id, {
        affiliate_id: max.id,
        reason: "  Max brought this customer in by phone  ",
      })
      events.restore()

      const moved = data.commission
      expect(moved).toEqual(
        expect.objectContaining({
          id: expect.stringMatching(/^affcom_/),
          affiliate_id: max.id,
          order_id: order.id,
          customer_id: commission.customer_id,
          currency_code: "eur",
          base_amount: 59.97,
          rate: 12.5,
          amount: 7.5,
          attribution: "link",
          status: "pending",
          program_id: program.id,
          reassigned_from_id: commission.id,
          reassigned_to_id: null,
          reassigned_by: adminUserId,
          metadata: { reassign_reason: "Max brought this customer in by phone" },
          adjustment_total: -1.88,
          net_amount: 5.62,
          adjustments: [
            expect.objectContaining({
              amount: -1.88,
              reason: "refund",
              reference: (before.adjustments as { reference: string }[])[0].reference,
            }),
          ],
        })
      )
      expect(moved.net_amount).toBe(before.net_amount)
      expect(data.previous).toEqual(
        expect.objectContaining({
          id: commission.id,
          affiliate_id: jane.id,
          status: "rejected",
          reason: "reassigned",
          reassigned_to_id: moved.id,
          reassigned_by: adminUserId,
          net_amount: 0,
        })
      )
      // Max is told of his new commission as of any other.
      expect(events.named("affiliate_commission.created")).toEqual([
        { name: "affiliate_commission.created", data: { id: moved.id } },
      ])
      expect(events.named("affiliate_commission.reassigned")).toEqual([
        {
          name: "affiliate_commission.reassigned",
          data: { id: moved.id, previous_id: commission.id },
        },
      ])
      expect(await getCommission(commission.id)).toEqual(
        expect.objectContaining({ status: "rejected", reassigned_to_id: moved.id, reassigned_by: adminUserId })
      )
      const [attribution] = await service.listAffiliateOrderAttributions({ order_id: order.id })
      expect(attribution).toEqual(expect.objectContaining({ affiliate_id: max.id, method: "link" }))

      // The money moved with it.
      expect(await balanceOf(max.id)).toEqual(expect.objectContaining({ on_hold: 5.62, payable: 0 }))
      expect((await balanceOf(jane.id))?.on_hold ?? 0).toBe(0)

      // Onwards to Cleo works; back to Jane is a conflict with her rejected commission.
      const again = (await reassign(moved.id, { affiliate_id: cleo.id, reason: "Cleo, after all" })).data
      expect(again.commission).toEqual(
        expect.objectContaining({ affiliate_id: cleo.id, reassigned_from_id: moved.id, net_amount: 5.62 })
      )
      expect(again.previous).toEqual(expect.objectContaining({ status: "rejected", reassigned_to_id: again.commission.id }))
      await expectHttpError(
        reassign(again.commission.id, { affiliate_id: jane.id, reason: "Jane again" }),
        409,
        new RegExp(`Jane already has commission ${commission.id}`)
      )
      expect((await service.listAffiliateOrderAttributions({ order_id: order.id }))[0].affiliate_id).toBe(cleo.id)
      expect(await balanceOf(cleo.id)).toEqual(expect.objectContaining({ on_hold: 5.62 }))
      expect((await balanceOf(max.id))?.on_hold ?? 0).toBe(0)
    })

    it("keeps an approved commission approved, under the target's own program", async () => {
      const program = await service.createAffiliatePrograms({ name: "Partners" })
      await service.updateAffiliates({ id: max.id, program_id: program.id })
      const { commission } = await referredOrder("JANE")
      await api.post(`/admin/affiliate-commissions/${commission.id}`, { status: "approved" }, admin)

      const { data } = await reassign(commission.id, { affiliate_id: max.id, reason: "dispute #12" })
      expect(data.commission).toEqual(
        expect.objectContaining({ status: "approved", program_id: program.id, amount: 2, adjustments: [] })
      )
      expect(await balanceOf(max.id)).toEqual(expect.objectContaining({ payable: 2 }))
      expect((await balanceOf(jane.id))?.payable ?? 0).toBe(0)
    })

    it("refuses what cannot move: 404, 400 and 409", async () => {
      const bo = await createAffiliate({ name: "Bo", email: "bo@aff.test", code: "BOBO", status: "blocked" })
      const pending = await commissionFor(jane, "order_pending")

      await expectHttpError(reassign("affcom_missing", { affiliate_id: max.id, reason: "x" }), 404)

      // The body.
      await expectHttpError(reassign(pending.id, { affiliate_id: max.id }), 400, /reason/)
      await expectHttpError(reassign(pending.id, { affiliate_id: max.id, reason: "   " }), 400, /reason/)
      await expectHttpError(
        reassign(pending.id, { affiliate_id: max.id, reason: "x".repeat(501) }),
        400,
        /reason/
      )
      await expectHttpError(reassign(pending.id, { reason: "x" }), 400, /affiliate_id/)
      await expectHttpError(reassign(pending.id, { affiliate_id: max.id, reason: "x", status: "paid" }), 400)

      // The target.
      await expectHttpError(
        reassign(pending.id, { affiliate_id: jane.id, reason: "x" }),
        400,
        /already belongs to affiliate/
      )
      await expectHttpError(
        reassign(pending.id, { affiliate_id: "aff_missing", reason: "x" }),
        400,
        /no affiliate aff_missing/
      )
      await expectHttpError(reassign(pending.id, { affiliate_id: bo.id, reason: "x" }), 400, /Bo is blocked/)
      const taken = await commissionFor(max, "order_pending")
      await expectHttpError(
        reassign(pending.id, { affiliate_id: max.id, reason: "x" }),
        409,
        new RegExp(`Max already has commission ${taken.id}`)
      )

      // The commission.
      const rejected = await commissionFor(jane, "order_rejected", "rejected")
      await expectHttpError(reassign(rejected.id, { affiliate_id: max.id, reason: "x" }), 400, /it is rejected/)
      const paid = await commissionFor(jane, "order_paid", "paid")
      await expectHttpError(reassign(paid.id, { affiliate_id: max.id, reason: "x" }), 400, /it is paid/)
      const approved = await commissionFor(jane, "order_approved", "approved")
      const { affiliate_payout_batch: batch } = (
        await api.post("/admin/affiliate-payouts", { affiliate_ids: [jane.id], include_without_payout_method: true }, admin)
      ).data
      await expectHttpError(
        reassign(approved.id, { affiliate_id: max.id, reason: "x" }),
        400,
        new RegExp(`in payout ${batch.payouts[0].id}`)
      )

      // Nothing moved.
      expect(
        (await service.listAffiliateCommissions({ affiliate_id: jane.id }, { select: ["id", "status"] }))
          .map((c) => `${c.id}:${c.status}`)
          .sort()
      ).toEqual(
        [
          `${pending.id}:pending`,
          `${rejected.id}:rejected`,
          `${paid.id}:paid`,
          `${approved.id}:approved`,
        ].sort()
      )
      expect(await service.listAffiliateCommissions({ affiliate_id: cleo.id })).toEqual([])
    })

    it("puts everything back when a later step fails (compensation), and the order is free again", async () => {
      const commission = await commissionFor(jane, "order_rollback")
      await service.createAffiliateCommissionAdjustments({
        commission_id: commission.id,
        amount: -0.5,
        reason: "refund",
        reference: "ref_1",
      })
      await service.createAffiliateOrderAttributions({
        order_id: "order_rollback",
        affiliate_id: jane.id,
        method: "link",
        outcome: "credited",
      })
      const workflow = reassignCommissionWorkflow(getContainer())
      workflow.appendAction("fail-after-reassign", reassignCommissionStepId, {
        invoke: async () => {
          throw new Error("after reassign")
        },
      })
      const { errors } = await workflow.run({
        input: { id: commission.id, affiliate_id: max.id, reason: "x", reassigned_by: "user_1" },
        throwOnError: false,
      })
      expect(errors[0].error.message).toBe("after reassign")

      const [restored] = await service.listAffiliateCommissions(
        { id: commission.id },
        { relations: ["adjustments"] }
      )
      expect(restored).toEqual(
        expect.objectContaining({
          affiliate_id: jane.id,
          status: "pending",
          reason: null,
          reassigned_to_id: null,
          reassigned_by: null,
          adjustments: [expect.objectContaining({ amount: -0.5, reference: "ref_1" })],
        })
      )
      expect(await service.listAffiliateCommissions({ affiliate_id: max.id }, { withDeleted: true })).toEqual([])
      expect(await service.listAffiliateCommissionAdjustments({}, { withDeleted: true })).toHaveLength(1)
      const [attribution] = await service.listAffiliateOrderAttributions({ order_id: "order_rollback" })
      expect(attribution.affiliate_id).toBe(jane.id)

      // The order's lock was released: the same move now goes through.
      const { data } = await reassign(commission.id, { affiliate_id: max.id, reason: "x" })
      expect(data.commission).toEqual(expect.objectContaining({ affiliate_id: max.id, net_amount: 1.5 }))
    })
  },
})
