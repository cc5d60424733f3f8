import { ContainerRegistrationKeys, Modules, OrderStatus } from "@medusajs/framework/utils"
import { httpSuite } from "../helpers/test-runner"
import reconcileOrderCredits, {
  config as reconcileJob,
  creditUndecidedOrders,
  firstOrderIdAt,
} from "../../src/jobs/reconcile-order-credits"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import paymentRefundedHandler from "../../src/subscribers/payment-refunded"
import { creditOrderWorkflow } from "../../src/workflows"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import { expectHttpError } from "../helpers/http"
import { signedReferralMetadata } from "../helpers/referrals"
import { checkout, paymentOf, setUpStore, type CheckoutInput, type TestStore } from "../helpers/store"
import { waitForSubscribers } from "../helpers/events"

type Adjustment = { amount: number; reason: string }

/**
 * Issue 10, items 3 and 4: only real, placed orders earn, and refunds take
 * exactly their share of a commission, to the cent.
 */
export default httpSuite({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let store: TestStore
    let service: AffiliateModuleService
    let janeId: string

    const andWaitFor = <T>(event: string, request: () => Promise<T>) =>
      waitForSubscribers(getContainer(), event, request)

    const placeOrder = (input: CheckoutInput) =>
      andWaitFor("order.placed", () => checkout(api, store, input))

    /** 3 × 19.99 + 4.95 shipping = 64.92 charged; Jane's 10 % of 59.97 = 6.00. */
    const placeJaneOrder = () =>
      placeOrder({
        email: "guest@shop.test",
        items: [{ variant_id: store.variants.shirt, quantity: 3 }],
        referralCode: "JANE",
      })

    /** As if `order.placed` had been lost: no decision, no commission. */
    const forgetDecision = async (orderId: string) => {
      const attributions = await service.listAffiliateOrderAttributions({ order_id: orderId })
      await service.deleteAffiliateOrderAttributions(attributions.map((a) => a.id))
      const commissions = await service.listAffiliateCommissions({ order_id: orderId })
      await service.deleteAffiliateCommissions(commissions.map((c) => c.id))
    }

    const reconcile = async (orderId: string) =>
      (await api.post("/admin/affiliate-commissions/reconcile", { order_id: orderId }, admin)).data

    const commissionOf = async (orderId: string) => {
      const [commission] = await service.listAffiliateCommissions({ order_id: orderId })
      return (await api.get(`/admin/affiliate-commissions/${commission.id}`, admin)).data
        .affiliate_commission
    }

    const capturedPaymentOf = async (orderId: string) => {
      const payment = await paymentOf(api, admin, orderId)
      await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
      return payment
    }

    const refund = (paymentId: string, amount: number) =>
      andWaitFor("payment.refunded", () =>
        api.post(`/admin/payments/${paymentId}/refund`, { amount }, admin)
      )

    /** The refund adjustments' amounts, most negative first. */
    const amounts = (commission: { adjustments: Adjustment[] }) =>
      commission.adjustments
        .filter((a) => a.reason === "refund")
        .map((a) => a.amount)
        .sort((a, b) => a - b)

    /** A draft order an admin made, carrying Jane's code (signed, as the cart route would), 10 × 19.99. */
    const createDraftOrder = async () =>
      (
        await api.post(
          "/admin/draft-orders",
          {
            email: "draft@shop.test",
            region_id: store.regionId,
            sales_channel_id: store.salesChannelId,
            items: [{ variant_id: store.variants.shirt, quantity: 10 }],
            shipping_address: {
              first_name: "Test",
              last_name: "Buyer",
              address_1: "Hauptstraße 1",
              city: "Berlin",
              postal_code: "10115",
              country_code: "de",
            },
            metadata: signedReferralMetadata(getContainer(), "JANE"),
          },
          admin
        )
      ).data.draft_order as { id: string }

    const lastHour = () => ({
      after: firstOrderIdAt(new Date(Date.now() - 60 * 60 * 1000)),
      until: new Date(),
    })

    // Seeded once: the runner snapshots the database after beforeAll and
    // restores it before every test.
    beforeAll(async () => {
      const container = getContainer()
      admin = await createAdminHeaders(api, container)
      service = container.resolve(AFFILIATE_MODULE)
      store = await setUpStore(api, admin)
      janeId = (
        await api.post(
          "/admin/affiliates",
          { name: "Jane", email: "jane@aff.test", code: "JANE", status: "approved" },
          admin
        )
      ).data.affiliate.id
    })

    describe("only placed orders earn", () => {
      it("never credits a draft order, by the reconcile route or the job, nor once it is deleted", async () => {
        const draft = await createDraftOrder()

        expect(await reconcile(draft.id)).toEqual({
          order_id: draft.id,
          already_decided: false,
          outcome: "not_placed",
          commission_id: null,
        })
        expect(await creditUndecidedOrders(getContainer(), lastHour())).toEqual(
          expect.objectContaining({ credited: 0, failed: 0 })
        )

        // Medusa deletes a draft for good: the route no longer finds it, and the
        // workflow (a late event, say) skips it.
        await api.delete(`/admin/draft-orders/${draft.id}`, admin)
        await expectHttpError(
          api.post("/admin/affiliate-commissions/reconcile", { order_id: draft.id }, admin),
          404
        )
        const { result } = await creditOrderWorkflow(getContainer()).run({
          input: { order_id: draft.id },
        })
        expect(result).toEqual({ already_decided: false, outcome: "not_placed", commission_id: null })
        expect(await service.listAffiliateCommissions({ order_id: draft.id })).toEqual([])
        expect(await service.listAffiliateOrderAttributions({ order_id: draft.id })).toEqual([])
      })

      it("credits a draft order normally once it is converted into an order", async () => {
        const draft = await createDraftOrder()
        expect((await reconcile(draft.id)).outcome).toBe("not_placed")
        await creditUndecidedOrders(getContainer(), lastHour())

        // Medusa keeps the id and emits order.placed.
        await andWaitFor("order.placed", () =>
          api.post(`/admin/draft-orders/${draft.id}/convert-to-order`, {}, admin)
        )

        expect(await commissionOf(draft.id)).toEqual(
          expect.objectContaining({
            affiliate_id: janeId,
            attribution: "link",
            status: "pending",
            base_amount: 199.9,
            amount: 19.99,
            net_amount: 19.99,
          })
        )
        const [decision] = await service.listAffiliateOrderAttributions({ order_id: draft.id })
        expect(decision).toEqual(expect.objectContaining({ outcome: "credited", affiliate_id: janeId }))
      })

      it("lets the job credit a draft converted after its watermark passed it, its order.placed lost", async () => {
        const draft = await createDraftOrder()
        const later = await placeJaneOrder()
        // Older than the job's grace period, so its run settles on it.
        await getContainer()
          .resolve(ContainerRegistrationKeys.PG_CONNECTION)("order")
          .update({ created_at: new Date(Date.now() - 60 * 60 * 1000) })
          .where({ id: later.id })
        await reconcileOrderCredits(getContainer())
        const [watermark] = await service.listAffiliateJobCursors({ job: reconcileJob.name })
        expect(watermark.position_id).toBe(later.id)
        expect(draft.id < watermark.position_id).toBe(true)

        // What Medusa's convert-draft-order step writes on the order row, with
        // no order.placed after it (as if the event were lost).
        await getContainer()
          .resolve(Modules.ORDER)
          .updateOrders([{ id: draft.id, status: OrderStatus.PENDING, is_draft_order: false }])
        expect(await service.listAffiliateOrderAttributions({ order_id: draft.id })).toEqual([])

        expect(await reconcileOrderCredits(getContainer())).toEqual(
          expect.objectContaining({ credited: 1, failed: 0 })
        )
        await reconcileOrderCredits(getContainer())
        expect(await service.listAffiliateCommissions({ order_id: draft.id })).toHaveLength(1)
        expect(await commissionOf(draft.id)).toEqual(
          expect.objectContaining({ affiliate_id: janeId, attribution: "link", amount: 19.99 })
        )
      })

      it("records a late credit of a canceled order as rejected, order_canceled, its amount kept", async () => {
        const order = await placeJaneOrder()
        await forgetDecision(order.id)
        await andWaitFor("order.canceled", () =>
          api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
        )

        const result = await reconcile(order.id)
        expect(result).toEqual(
          expect.objectContaining({ already_decided: false, commission_id: expect.any(String) })
        )
        expect(await commissionOf(order.id)).toEqual(
          expect.objectContaining({
            id: result.commission_id,
            status: "rejected",
            reason: "order_canceled",
            amount: 6,
            net_amount: 0,
          })
        )
      })

      it("credits a late credit of a refunded order net of its refunds, each refund once", async () => {
        const order = await placeJaneOrder()
        await forgetDecision(order.id)
        const payment = await capturedPaymentOf(order.id)
        await refund(payment.id, 16.23)
        await refund(payment.id, 10)

        await reconcile(order.id)
        // 6.00 × 16.23 / 64.92 = 1.50; 6.00 × 26.23 / 64.92 = 2.4242 → 2.42, so 0.92 more
        let commission = await commissionOf(order.id)
        expect(commission).toEqual(
          expect.objectContaining({ status: "pending", amount: 6, adjustment_total: -2.42, net_amount: 3.58 })
        )
        expect(amounts(commission)).toEqual([-1.5, -0.92])

        // A late or repeated payment.refunded adds nothing.
        const event = { name: "payment.refunded", data: { id: payment.id } }
        await paymentRefundedHandler({ event, container: getContainer() } as Parameters<
          typeof paymentRefundedHandler
        >[0])
        expect((await commissionOf(order.id)).adjustments).toHaveLength(2)

        // Refunding the rest takes it to exactly zero.
        await refund(payment.id, 38.69)
        commission = await commissionOf(order.id)
        expect(commission.adjustments).toHaveLength(3)
        expect(commission).toEqual(expect.objectContaining({ adjustment_total: -6, net_amount: 0 }))
      })
    })

    describe("refunds to the cent", () => {
      it("nets exactly 0.00 on an order fully refunded in six parts", async () => {
        const order = await placeJaneOrder()
        const payment = await capturedPaymentOf(order.id)
        for (const amount of [10, 10, 10, 10, 10, 14.92]) {
          await refund(payment.id, amount)
        }

        const commission = await commissionOf(order.id)
        expect(commission).toEqual(
          expect.objectContaining({ amount: 6, adjustment_total: -6, net_amount: 0 })
        )
        // Cumulative 0.92, 1.85, 2.77, 3.70, 4.62, 6.00 (each share alone rounds to 0.92 or 1.38).
        expect(amounts(commission)).toEqual([-1.38, -0.93, -0.93, -0.92, -0.92, -0.92])
      })

      it("adds small refunds up: five refunds of 0.04 take round(6.00 × 0.20 / 64.92) = 0.02", async () => {
        const order = await placeJaneOrder()
        const payment = await capturedPaymentOf(order.id)
        for (let i = 0; i < 5; i++) {
          await refund(payment.id, 0.04)
        }

        const commission = await commissionOf(order.id)
        // Cumulative 0.00, 0.01, 0.01, 0.01, 0.02: two adjustments of 0.01.
        expect(amounts(commission)).toEqual([-0.01, -0.01])
        expect(commission).toEqual(
          expect.objectContaining({ amount: 6, adjustment_total: -0.02, net_amount: 5.98 })
        )
      })
    })
  },
})
