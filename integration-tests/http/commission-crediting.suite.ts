import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { httpSuite } from "../helpers/test-runner"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import reconcileOrderCredits, {
  config as reconcileJob,
  creditUndecidedOrders,
  firstOrderIdAt,
} from "../../src/jobs/reconcile-order-credits"
import orderPlacedHandler from "../../src/subscribers/order-placed"
import paymentRefundedHandler from "../../src/subscribers/payment-refunded"
import type { AdminHeaders } from "../helpers/admin"
import { commissionCalls, seedCommissionShop, type Affiliate } from "../helpers/commissions"
import { expectHttpError } from "../helpers/http"
import { paymentOf, type TestStore } from "../helpers/store"
import { waitForSubscribers } from "../helpers/events"

/**
 * Which affiliate an order credits: referral codes, coupons, connections,
 * self-referrals and blocked affiliates on `order.placed` (once, however
 * often it arrives); cancellations and refunds after it; and the
 * reconciliation of orders never decided. The ledger the admin reads of
 * these commissions: commission-ledger.spec.ts.
 */
export default httpSuite({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let store: TestStore
    let service: AffiliateModuleService
    let jane: Affiliate
    let max: Affiliate
    const { createAffiliate, placeOrder, commissionsOf, commissionOf, expectLedgerPageAsGraph } =
      commissionCalls(api, getContainer, () => ({ admin, store, service }))

    const createCustomer = async (email: string) =>
      (await api.post("/admin/customers", { email, first_name: "Cora" }, admin)).data
        .customer as { id: string }

    const andWaitFor = <T>(event: string, request: () => Promise<T>) =>
      waitForSubscribers(getContainer(), event, request)

    // Seeded once: the runner snapshots the database after beforeAll and
    // restores it before every test.
    beforeAll(async () => {
      ({ admin, store, service, jane, max } = await seedCommissionShop(api, getContainer()))
    })

    describe("referral code on the cart (POST /store/carts/:id/affiliate)", () => {
      it("records the code, and refuses unknown, pending and blocked codes with a 400", async () => {
        await createAffiliate({ name: "Pat", email: "pat@aff.test", code: "PAT" })
        await createAffiliate({ name: "Bo", email: "bo@aff.test", code: "BOB", status: "blocked" })
        const headers = store.storeHeaders()
        const { cart } = (
          await api.post(
            "/store/carts",
            { region_id: store.regionId, sales_channel_id: store.salesChannelId },
            headers
          )
        ).data

        const recorded = await api.post(`/store/carts/${cart.id}/affiliate`, { code: "jane" }, headers)
        expect(recorded.data.cart.metadata).toEqual({
          affiliate_code: "JANE",
          affiliate_code_at: recorded.data.referral.recorded_at,
          affiliate_code_sig: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        })
        // The default program honours a code for as long as the cart lives.
        expect(recorded.data.referral).toEqual({
          code: "JANE",
          recorded_at: expect.any(String),
          window_days: null,
          expires_at: null,
        })

        for (const code of ["NOPE", "PAT", "BOB"]) {
          await expectHttpError(
            api.post(`/store/carts/${cart.id}/affiliate`, { code }, headers),
            400,
            new RegExp(`"${code}" is not a valid referral code`)
          )
        }
        await expectHttpError(api.post(`/store/carts/${cart.id}/affiliate`, {}, headers), 400, /code/)
        await expectHttpError(
          api.post(`/store/carts/cart_missing/affiliate`, { code: "JANE" }, headers),
          404
        )
      })
    })

    describe("crediting orders on order.placed", () => {
      it("credits a connected customer's order with no code, at the default rate", async () => {
        const cora = await createCustomer("cora@shop.test")
        await api.post("/admin/affiliate-connections", { affiliate_id: jane.id, customer_id: cora.id }, admin)

        const order = await placeOrder({
          email: "cora@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 1 }],
        })

        const [commission] = await commissionsOf(order.id)
        expect(commission).toEqual(
          expect.objectContaining({
            affiliate_id: jane.id,
            customer_id: cora.id,
            attribution: "connection",
            status: "pending",
            currency_code: "eur",
            base_amount: 19.99,
            rate: 10,
            amount: 2,
          })
        )
      })

      it("credits a code-only guest order to the code's affiliate (link), to the cent", async () => {
        await api.post(`/admin/affiliates/${max.id}`, { commission_rate: 12.5 }, admin)

        const order = await placeOrder({
          email: "guest@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 3 }],
          referralCode: "max",
        })

        const [commission] = await commissionsOf(order.id)
        // 3 × 19.99 = 59.97; 12.5 % = 7.49625 → 7.50
        expect(commission).toEqual(
          expect.objectContaining({ affiliate_id: max.id, attribution: "link", base_amount: 59.97, rate: 12.5, amount: 7.5 })
        )
      })

      it("credits a coupon order to the promotion's affiliate, on the discounted subtotal", async () => {
        await api.post(
          "/admin/promotions",
          {
            code: "JANE10",
            type: "standard",
            status: "active",
            is_automatic: false,
            application_method: {
              type: "percentage",
              target_type: "order",
              allocation: "across",
              value: 10,
              currency_code: "eur",
            },
          },
          admin
        )
        const assigned = await api.post(`/admin/affiliates/${jane.id}/promotions`, { codes: ["JANE10"] }, admin)
        expect(assigned.data.affiliate_promotions).toEqual([expect.objectContaining({ code: "JANE10" })])
        await expectHttpError(
          api.post(`/admin/affiliates/${max.id}/promotions`, { codes: ["JANE10"] }, admin),
          409,
          /already belongs to affiliate Jane/
        )
        await expectHttpError(
          api.post(`/admin/affiliates/${max.id}/promotions`, { codes: ["NOPE"] }, admin),
          400,
          /no promotion with the code NOPE/
        )
        await api.post(`/admin/affiliates/${jane.id}`, { commission_rate: 12.5 }, admin)

        const order = await placeOrder({
          email: "buyer@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 3 }],
          promoCodes: ["JANE10"],
        })

        const [commission] = await commissionsOf(order.id)
        // 59.97 − 10 % = 53.973 (53.97 if Medusa rounds the discount); 12.5 % → 6.75 either way
        expect(commission.attribution).toBe("coupon")
        expect(commission.affiliate_id).toBe(jane.id)
        expect(Number(commission.base_amount)).toBeCloseTo(53.97, 2)
        expect(commission.amount).toBe(6.75)
      })

      it("assigns coupons by code in any letter case, and unassigns them", async () => {
        const createPromotion = async (code: string) =>
          (
            await api.post(
              "/admin/promotions",
              {
                code,
                type: "standard",
                status: "active",
                is_automatic: false,
                application_method: {
                  type: "percentage",
                  target_type: "order",
                  allocation: "across",
                  value: 10,
                  currency_code: "eur",
                },
              },
              admin
            )
          ).data.promotion as { id: string }
        const lena = await createPromotion("LENA10")
        await createPromotion("MAXI5")

        const assigned = await api.post(`/admin/affiliates/${jane.id}/promotions`, { codes: ["lena10"] }, admin)
        expect(assigned.data.affiliate_promotions).toEqual([
          expect.objectContaining({ code: "LENA10", promotion_id: lena.id }),
        ])
        const [assignment] = assigned.data.affiliate_promotions as { id: string }[]
        const maxi = (await api.post(`/admin/affiliates/${max.id}/promotions`, { codes: ["Maxi5"] }, admin)).data
          .affiliate_promotions[0] as { id: string }

        // Not through another affiliate's page, nor an unknown or malformed id.
        await expectHttpError(api.delete(`/admin/affiliates/${jane.id}/promotions/${maxi.id}`, admin), 404, /not found/)
        await expectHttpError(api.delete(`/admin/affiliates/${jane.id}/promotions/affpromo_nope`, admin), 404, /not found/)
        await expectHttpError(api.delete(`/admin/affiliates/${jane.id}/promotions/%27%3B--`, admin), 404, /not found/)
        await expectHttpError(api.delete(`/admin/affiliates/aff_nope/promotions/${assignment.id}`, admin), 404, /not found/)

        const removed = await api.delete(`/admin/affiliates/${jane.id}/promotions/${assignment.id}`, admin)
        expect(removed.status).toBe(200)
        expect(removed.data).toEqual({ id: assignment.id, object: "affiliate_promotion", deleted: true })
        expect((await api.get(`/admin/affiliates/${jane.id}/promotions`, admin)).data.affiliate_promotions).toEqual([])
        expect((await api.get(`/admin/affiliates/${max.id}/promotions`, admin)).data.affiliate_promotions).toEqual([
          expect.objectContaining({ id: maxi.id }),
        ])
        await expectHttpError(api.delete(`/admin/affiliates/${jane.id}/promotions/${assignment.id}`, admin), 404, /not found/)

        // An order with the code no longer credits Jane, and the coupon is free for Max.
        const order = await placeOrder({
          email: "coupon-buyer@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 1 }],
          promoCodes: ["LENA10"],
        })
        expect(await commissionsOf(order.id)).toEqual([])
        const moved = await api.post(`/admin/affiliates/${max.id}/promotions`, { codes: ["LENA10"] }, admin)
        expect(moved.data.affiliate_promotions.map((p: { code: string }) => p.code).sort()).toEqual(["LENA10", "MAXI5"])
      })

      it("creates an affiliate's coupon in one click: their code, their program's discount, credited", async () => {
        const creators = (
          await api.post("/admin/affiliate-programs", { name: "Creators", coupon_percentage: 15 }, admin)
        ).data.program
        await api.post(`/admin/affiliate-programs/${creators.id}/affiliates`, { affiliate_ids: [jane.id] }, admin)

        const { coupon } = (await api.post(`/admin/affiliates/${jane.id}/coupon`, {}, admin)).data
        expect(coupon).toEqual({ promotion_id: expect.any(String), code: "JANE", percentage: 15 })
        const { promotion } = (await api.get(`/admin/promotions/${coupon.promotion_id}`, admin)).data
        expect(promotion).toEqual(
          expect.objectContaining({
            code: "JANE",
            status: "active",
            application_method: expect.objectContaining({ type: "percentage", target_type: "order", value: 15 }),
          })
        )
        expect((await api.get(`/admin/affiliates/${jane.id}/promotions`, admin)).data.affiliate_promotions).toEqual([
          expect.objectContaining({ promotion_id: coupon.promotion_id, code: "JANE" }),
        ])

        // A shopper uses it: 15 % off, and Jane is credited by coupon.
        const order = await placeOrder({
          email: "coupon-shopper@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 1 }],
          promoCodes: ["JANE"],
        })
        const [commission] = await commissionsOf(order.id)
        expect(commission).toEqual(expect.objectContaining({ affiliate_id: jane.id, attribution: "coupon" }))
        expect(Number(commission.base_amount)).toBeCloseTo(19.99 * 0.85, 2)

        // A second click: the code is taken; a blocked affiliate gets none.
        await expectHttpError(api.post(`/admin/affiliates/${jane.id}/coupon`, {}, admin), 409, /code JANE exists already/)
        await api.post(`/admin/affiliates/${max.id}`, { status: "blocked" }, admin)
        await expectHttpError(api.post(`/admin/affiliates/${max.id}/coupon`, {}, admin), 400, /Max is blocked/)
        await expectHttpError(api.post("/admin/affiliates/aff_nobody/coupon", {}, admin), 404)
      })

      it("makes one coupon from three simultaneous clicks on Create coupon", async () => {
        const clicks = await Promise.all(
          [1, 2, 3].map(() =>
            api.post(`/admin/affiliates/${jane.id}/coupon`, {}, admin).then(
              (response: { status: number }) => ({ status: response.status, message: "" }),
              (error: { response: { status: number; data: { message: string } } }) => ({
                status: error.response.status,
                message: error.response.data.message,
              })
            )
          )
        )
        // One promotion; the other clicks are told the code exists, and nothing is left half made.
        expect(clicks.filter((click) => click.status === 200)).toHaveLength(1)
        for (const refused of clicks.filter((click) => click.status !== 200)) {
          expect(refused.status).toBeGreaterThanOrEqual(400)
          expect(refused.status).toBeLessThan(500)
          expect(refused.message).toMatch(/JANE/)
        }
        const promotions = (await api.get("/admin/promotions?q=JANE", admin)).data.promotions
        expect(promotions.filter((promotion: { code: string }) => promotion.code === "JANE")).toHaveLength(1)
        expect((await api.get(`/admin/affiliates/${jane.id}/promotions`, admin)).data.affiliate_promotions).toEqual([
          expect.objectContaining({ code: "JANE", promotion_id: promotions[0].id }),
        ])
      })

      it("gives every affiliate a coupon on approval in a program that says so, once", async () => {
        const program = (
          await api.post("/admin/affiliate-programs", { name: "Coupons for all", auto_create_coupon: true }, admin)
        ).data.program
        const nina = await createAffiliate({ name: "Nina", email: "nina@aff.test", code: "NINA", program_id: program.id })
        const approve = () =>
          waitForSubscribers(getContainer(), "affiliate.approved", () =>
            api.post(`/admin/affiliates/${nina.id}`, { status: "approved" }, admin)
          )
        await approve()
        const coupons = async () => (await api.get(`/admin/affiliates/${nina.id}/promotions`, admin)).data.affiliate_promotions
        expect(await coupons()).toEqual([expect.objectContaining({ code: "NINA" })])
        // Blocked and approved again: still the one coupon.
        await api.post(`/admin/affiliates/${nina.id}`, { status: "blocked" }, admin)
        await approve()
        expect(await coupons()).toHaveLength(1)
      })

      it("lets a connection beat another affiliate's code, and connects referred customers", async () => {
        const cora = await createCustomer("cora@shop.test")
        await api.post("/admin/affiliate-connections", { affiliate_id: jane.id, customer_id: cora.id }, admin)

        const order = await placeOrder({
          email: "cora@shop.test",
          items: [{ variant_id: store.variants.mug, quantity: 2 }],
          referralCode: "MAX",
        })
        const commissions = await commissionsOf(order.id)
        expect(commissions).toEqual([
          expect.objectContaining({ affiliate_id: jane.id, attribution: "connection", amount: 1.5 }),
        ])

        // A customer referred by link is connected (auto-connect, source referral) …
        const dan = await createCustomer("dan@shop.test")
        await placeOrder({
          email: "dan@shop.test",
          items: [{ variant_id: store.variants.mug, quantity: 1 }],
          referralCode: "MAX",
        })
        const [connection] = await service.listAffiliateConnections({ customer_id: dan.id, ended_at: null })
        expect(connection).toEqual(expect.objectContaining({ affiliate_id: max.id, source: "referral" }))

        // … so their next order, without a code, still credits the affiliate.
        const next = await placeOrder({
          email: "dan@shop.test",
          items: [{ variant_id: store.variants.mug, quantity: 1 }],
        })
        expect(await commissionsOf(next.id)).toEqual([
          expect.objectContaining({ affiliate_id: max.id, attribution: "connection" }),
        ])
      })

      it("credits a guest order placed with a connected customer's email, case-insensitively", async () => {
        const cora = await createCustomer("cora@shop.test")
        await api.post("/admin/affiliate-connections", { affiliate_id: jane.id, customer_id: cora.id }, admin)

        const order = await placeOrder({
          email: "CORA@Shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 1 }],
        })
        expect(await commissionsOf(order.id)).toEqual([
          expect.objectContaining({ affiliate_id: jane.id, attribution: "connection" }),
        ])
      })

      it("follows a connected customer's change of email for later guest orders", async () => {
        const cora = await createCustomer("cora@shop.test")
        await api.post("/admin/affiliate-connections", { affiliate_id: jane.id, customer_id: cora.id }, admin)
        await andWaitFor("customer.updated", () =>
          api.post(`/admin/customers/${cora.id}`, { email: "Cora.New@shop.test" }, admin)
        )

        const withNew = await placeOrder({
          email: "cora.new@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 1 }],
        })
        const withOld = await placeOrder({
          email: "cora@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 1 }],
        })
        expect(await commissionsOf(withNew.id)).toEqual([
          expect.objectContaining({ affiliate_id: jane.id, attribution: "connection" }),
        ])
        expect(await commissionsOf(withOld.id)).toEqual([])
      })

      it("keeps a self-referral as a rejected commission with its reason", async () => {
        const order = await placeOrder({
          email: "jane@aff.test",
          items: [{ variant_id: store.variants.shirt, quantity: 1 }],
          referralCode: "JANE",
        })
        expect(await commissionsOf(order.id)).toEqual([
          expect.objectContaining({
            affiliate_id: jane.id,
            status: "rejected",
            reason: "self_referral",
            amount: 2,
          }),
        ])
      })

      it("gives a blocked affiliate nothing, and records why", async () => {
        const cora = await createCustomer("cora@shop.test")
        await api.post("/admin/affiliate-connections", { affiliate_id: jane.id, customer_id: cora.id }, admin)
        await api.post(`/admin/affiliates/${jane.id}`, { status: "blocked" }, admin)

        const order = await placeOrder({
          email: "cora@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 1 }],
        })
        expect(await commissionsOf(order.id)).toEqual([])
        const [decision] = await service.listAffiliateOrderAttributions({ order_id: order.id })
        expect(decision).toEqual(
          expect.objectContaining({ outcome: "blocked_affiliate", affiliate_id: jane.id })
        )
      })

      it("credits once however often, and however concurrently, order.placed arrives", async () => {
        const order = await placeOrder({
          email: "guest@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 1 }],
          referralCode: "JANE",
        })
        const container = getContainer()
        const event = { name: "order.placed", data: { id: order.id } }

        await orderPlacedHandler({ event, container } as Parameters<typeof orderPlacedHandler>[0])
        await Promise.all([
          orderPlacedHandler({ event, container } as Parameters<typeof orderPlacedHandler>[0]),
          orderPlacedHandler({ event, container } as Parameters<typeof orderPlacedHandler>[0]),
        ])

        expect(await commissionsOf(order.id)).toHaveLength(1)
        expect(await service.listAffiliateOrderAttributions({ order_id: order.id })).toHaveLength(1)
      })
    })
    describe("reversals: cancel and refund", () => {
      it("rejects the pending commission of a canceled order, and adjusts a paid one", async () => {
        const pendingOrder = await placeOrder({
          email: "guest@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 1 }],
          referralCode: "JANE",
        })
        await andWaitFor("order.canceled", () =>
          api.post(`/admin/orders/${pendingOrder.id}/cancel`, {}, admin)
        )
        expect(await commissionOf(pendingOrder.id)).toEqual(
          expect.objectContaining({ status: "rejected", reason: "order_canceled", amount: 2, net_amount: 0 })
        )
        // The canceled order still counts among the buyer's orders through Jane, not in the revenue.
        const [buyer] = (await api.get(`/admin/affiliates/${jane.id}/customers`, admin)).data.customers
        expect(buyer).toEqual(expect.objectContaining({ email: "guest@shop.test", order_count: 1, revenue: [] }))

        const paidOrder = await placeOrder({
          email: "guest@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 1 }],
          referralCode: "JANE",
        })
        const paid = await commissionOf(paidOrder.id)
        await api.post(`/admin/affiliate-commissions/${paid.id}`, { status: "approved" }, admin)
        await api.post(`/admin/affiliate-commissions/${paid.id}`, { status: "paid" }, admin)
        await andWaitFor("order.canceled", () =>
          api.post(`/admin/orders/${paidOrder.id}/cancel`, {}, admin)
        )

        const afterCancel = await commissionOf(paidOrder.id)
        expect(afterCancel).toEqual(
          expect.objectContaining({ status: "paid", amount: 2, adjustment_total: -2, net_amount: 0 })
        )
        expect(afterCancel.adjustments).toEqual([
          expect.objectContaining({ amount: -2, reason: "order_canceled" }),
        ])
      })

      it("adjusts pro-rata for partial refunds, once per refund, never below the original", async () => {
        await api.post(`/admin/affiliates/${max.id}`, { commission_rate: 12.5 }, admin)
        const order = await placeOrder({
          email: "guest@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 3 }],
          referralCode: "MAX",
        })
        // 3 × 19.99 + 4.95 shipping = 64.92; commission 12.5 % of 59.97 = 7.50
        expect(order.total).toBe(64.92)
        const payment = await paymentOf(api, admin, order.id)
        await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)

        await andWaitFor("payment.refunded", () =>
          api.post(`/admin/payments/${payment.id}/refund`, { amount: 16.23 }, admin)
        )
        // 7.50 × 16.23 / 64.92 = 1.875 → 1.88
        let commission = await commissionOf(order.id)
        expect(commission.adjustments).toEqual([
          expect.objectContaining({ amount: -1.88, reason: "refund" }),
        ])
        expect(commission.net_amount).toBe(5.62)

        // A repeated delivery adds nothing.
        const event = { name: "payment.refunded", data: { id: payment.id } }
        await paymentRefundedHandler({ event, container: getContainer() } as Parameters<
          typeof paymentRefundedHandler
        >[0])
        expect((await commissionOf(order.id)).adjustments).toHaveLength(1)

        // Refunding the rest takes the commission to zero, not below.
        await andWaitFor("payment.refunded", () =>
          api.post(`/admin/payments/${payment.id}/refund`, { amount: 48.69 }, admin)
        )
        commission = await commissionOf(order.id)
        expect(commission.adjustments).toHaveLength(2)
        expect(commission).toEqual(
          expect.objectContaining({ status: "pending", amount: 7.5, adjustment_total: -7.5, net_amount: 0 })
        )
        await expectLedgerPageAsGraph(`order_id=${order.id}`)
      })

      it("never rewrites past commissions when the connection changes", async () => {
        const cora = await createCustomer("cora@shop.test")
        await api.post("/admin/affiliate-connections", { affiliate_id: jane.id, customer_id: cora.id }, admin)
        const first = await placeOrder({
          email: "cora@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 1 }],
        })
        await api.post(
          "/admin/affiliate-connections",
          { affiliate_id: max.id, customer_id: cora.id, replace: true },
          admin
        )
        const second = await placeOrder({
          email: "cora@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 1 }],
        })
        expect(await commissionOf(first.id)).toEqual(
          expect.objectContaining({ affiliate_id: jane.id, status: "pending", amount: 2 })
        )
        expect(await commissionOf(second.id)).toEqual(
          expect.objectContaining({ affiliate_id: max.id, status: "pending", amount: 2 })
        )
      })
    })

    describe("reconciliation", () => {
      const forgetDecision = async (orderId: string) => {
        const [attribution] = await service.listAffiliateOrderAttributions({ order_id: orderId })
        await service.deleteAffiliateOrderAttributions(attribution.id)
        await service.deleteAffiliateCommissions((await commissionsOf(orderId)).map((c) => c.id))
      }

      it("credits recent orders that were never decided, and only those", async () => {
        const lost = await placeOrder({
          email: "lost@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 1 }],
          referralCode: "JANE",
        })
        const kept = await placeOrder({
          email: "kept@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 1 }],
          referralCode: "MAX",
        })
        await forgetDecision(lost.id)
        expect(await commissionsOf(lost.id)).toEqual([])

        const result = await creditUndecidedOrders(getContainer(), {
          after: firstOrderIdAt(new Date(Date.now() - 60 * 60 * 1000)),
          until: new Date(),
        })
        expect(result).toEqual({
          read: expect.any(Number),
          credited: 1,
          failed: 0,
          settled: expect.objectContaining({ id: kept.id }),
        })
        expect(await commissionsOf(lost.id)).toEqual([
          expect.objectContaining({ affiliate_id: jane.id, amount: 2 }),
        ])
        expect(await commissionsOf(kept.id)).toHaveLength(1)
      })

      it("the job reads the orders after its watermark, however old it is, and only those", async () => {
        const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const backdate = (orderId: string, days: number) =>
          knex("order").update({ created_at: new Date(Date.now() - days * 24 * 60 * 60 * 1000) }).where({ id: orderId })
        // The job last settled 40 days ago (it has not run since).
        const fortyDaysAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000)
        await service.createAffiliateJobCursors({
          job: reconcileJob.name,
          position_created_at: fortyDaysAgo,
          position_id: firstOrderIdAt(fortyDaysAgo),
        })
        const old = await placeOrder({
          email: "old@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 1 }],
          referralCode: "JANE",
        })
        const recent = await placeOrder({
          email: "recent@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 1 }],
          referralCode: "MAX",
        })
        await forgetDecision(old.id)
        await forgetDecision(recent.id)
        await backdate(old.id, 30)
        await backdate(recent.id, 1 / 24)

        await reconcileOrderCredits(getContainer())
        expect(await commissionsOf(old.id)).toEqual([expect.objectContaining({ affiliate_id: jane.id })])
        expect(await commissionsOf(recent.id)).toEqual([expect.objectContaining({ affiliate_id: max.id })])
        const [watermark] = await service.listAffiliateJobCursors({ job: reconcileJob.name })
        expect(watermark.position_id).toBe(recent.id)

        // Behind the watermark nothing is read again.
        await forgetDecision(recent.id)
        await reconcileOrderCredits(getContainer())
        expect(await commissionsOf(recent.id)).toEqual([])
      })

      it("lets an admin re-run the crediting of one order", async () => {
        const order = await placeOrder({
          email: "lost@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 1 }],
          referralCode: "JANE",
        })
        await forgetDecision(order.id)

        const rerun = await api.post("/admin/affiliate-commissions/reconcile", { order_id: order.id }, admin)
        expect(rerun.data).toEqual(
          expect.objectContaining({ order_id: order.id, already_decided: false, outcome: "credited" })
        )
        const again = await api.post("/admin/affiliate-commissions/reconcile", { order_id: order.id }, admin)
        expect(again.data).toEqual(expect.objectContaining({ already_decided: true, commission_id: null }))
        expect(await commissionsOf(order.id)).toHaveLength(1)
        await expectHttpError(
          api.post("/admin/affiliate-commissions/reconcile", { order_id: "order_missing" }, admin),
          404
        )
      })
    })
  },
})
