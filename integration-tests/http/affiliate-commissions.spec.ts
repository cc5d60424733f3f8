import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { httpTestRunner } from "../helpers/test-runner"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import reconcileOrderCredits, {
  config as reconcileJob,
  creditUndecidedOrders,
  firstOrderIdAt,
} from "../../src/jobs/reconcile-order-credits"
import orderPlacedHandler from "../../src/subscribers/order-placed"
import paymentRefundedHandler from "../../src/subscribers/payment-refunded"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import { expectHttpError } from "../helpers/http"
import { checkout, paymentOf, setUpStore, type CheckoutInput, type TestStore } from "../helpers/store"
import { waitForSubscribers } from "../helpers/events"
import { defaultAdminAffiliateCommissionFields } from "../../src/api/admin/affiliate-commissions/query-config"
import { expectListReadAsGraph } from "../helpers/list-rows"

jest.setTimeout(120 * 1000)

type Affiliate = { id: string; code: string }

httpTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let store: TestStore
    let service: AffiliateModuleService
    let jane: Affiliate
    let max: Affiliate

    const createAffiliate = async (body: Record<string, unknown>) =>
      (await api.post("/admin/affiliates", body, admin)).data.affiliate as Affiliate

    const createCustomer = async (email: string) =>
      (await api.post("/admin/customers", { email, first_name: "Cora" }, admin)).data
        .customer as { id: string }

    /** Places an order through the store API and waits for the crediting subscriber. */
    const placeOrder = (input: CheckoutInput) =>
      waitForSubscribers(getContainer(), "order.placed", () => checkout(api, store, input))

    const commissionsOf = (orderId: string) =>
      service.listAffiliateCommissions({ order_id: orderId })

    const commissionOf = async (orderId: string) => {
      const [commission] = await commissionsOf(orderId)
      return (await api.get(`/admin/affiliate-commissions/${commission.id}`, admin)).data
        .affiliate_commission
    }

    const andWaitFor = <T>(event: string, request: () => Promise<T>) =>
      waitForSubscribers(getContainer(), event, request)

    /** A ledger page read in SQL, with the admin's fields, answers what query.graph answers. */
    const expectLedgerPageAsGraph = (search: string) =>
      expectListReadAsGraph(api, admin, {
        table: "affiliate_commission",
        path:
          `/admin/affiliate-commissions?${search}` +
          "&fields=+program_id,+lines,+tier,+flag,+reassigned_to_id,+reassigned_from_id,+reassigned_by",
        defaults: defaultAdminAffiliateCommissionFields,
        added: { order_display_id: expect.any(Number) },
      })

    // Seeded once: the runner snapshots the database after beforeAll and
    // restores it before every test.
    beforeAll(async () => {
      const container = getContainer()
      admin = await createAdminHeaders(api, container)
      service = container.resolve(AFFILIATE_MODULE)
      store = await setUpStore(api, admin)
      jane = await createAffiliate({ name: "Jane", email: "jane@aff.test", code: "JANE", status: "approved" })
      max = await createAffiliate({ name: "Max", email: "max@aff.test", code: "MAX", status: "approved" })
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

    describe("the ledger in the admin", () => {
      const placeCodeOrders = async () => {
        const a = await placeOrder({
          email: "a@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 1 }],
          referralCode: "JANE",
        })
        const b = await placeOrder({
          email: "b@shop.test",
          items: [{ variant_id: store.variants.mug, quantity: 2 }],
          referralCode: "JANE",
        })
        const c = await placeOrder({
          email: "c@shop.test",
          items: [{ variant_id: store.variants.mug, quantity: 1 }],
          referralCode: "MAX",
        })
        return [a, b, c].map((order) => order.id)
      }

      it("lists and filters commissions, with the affiliate and net amount", async () => {
        const [a, b, c] = await placeCodeOrders()
        const all = (await api.get("/admin/affiliate-commissions", admin)).data
        expect(all.count).toBe(3)

        const janes = (await api.get(`/admin/affiliate-commissions?affiliate_id=${jane.id}`, admin)).data
        expect(janes.affiliate_commissions.map((x: { order_id: string }) => x.order_id).sort()).toEqual(
          [a, b].sort()
        )
        expect(janes.affiliate_commissions[0]).toEqual(
          expect.objectContaining({
            affiliate: expect.objectContaining({ name: "Jane", code: "JANE" }),
            attribution: "link",
            net_amount: expect.any(Number),
          })
        )
        const byOrder = (await api.get(`/admin/affiliate-commissions?order_id=${c}`, admin)).data
        expect(byOrder.affiliate_commissions).toEqual([expect.objectContaining({ affiliate_id: max.id })])

        const future = new Date(Date.now() + 60 * 60 * 1000).toISOString()
        const none = (
          await api.get(`/admin/affiliate-commissions?created_at[$gte]=${future}&attribution=link`, admin)
        ).data
        expect(none.count).toBe(0)
        await expectHttpError(api.get("/admin/affiliate-commissions?status=owed", admin), 400, /status must be one of pending, approved, paid, rejected/)
        await expectLedgerPageAsGraph("limit=10")
      })

      it("shows each commission's order number, also for one credited before it was stored", async () => {
        const [a, b] = await placeCodeOrders()
        const displayId = async (orderId: string) =>
          (await api.get(`/admin/orders/${orderId}?fields=display_id`, admin)).data.order.display_id
        const [stored] = await service.listAffiliateCommissions({ order_id: a })
        expect(stored.order_display_id).toBe(await displayId(a))
        // A commission credited before the column existed, its order out of the migration's reach.
        const [legacy] = await service.listAffiliateCommissions({ order_id: b })
        await service.updateAffiliateCommissions({ id: legacy.id, order_display_id: null })

        const page = (await api.get("/admin/affiliate-commissions?limit=10", admin)).data
        const orderOf = (orderId: string) =>
          page.affiliate_commissions.find((x: { order_id: string }) => x.order_id === orderId).order
        expect(orderOf(a)).toEqual({ id: a, display_id: await displayId(a) })
        expect(orderOf(b)).toEqual({ id: b, display_id: await displayId(b) })
        // Any other order field is read from the order module.
        const withEmail = (await api.get(`/admin/affiliate-commissions?order_id=${a}&fields=order.email`, admin)).data
        expect(withEmail.affiliate_commissions[0].order).toEqual(expect.objectContaining({ email: "a@shop.test" }))
      })

      it("searches commissions by the buyer's email or name", async () => {
        const [a, b, c] = await placeCodeOrders()
        const orderIds = (body: { affiliate_commissions: { order_id: string }[] }) =>
          body.affiliate_commissions.map((x) => x.order_id).sort()

        const byEmail = (await api.get("/admin/affiliate-commissions?q=B@SHOP.TEST", admin)).data
        expect(byEmail.count).toBe(1)
        expect(orderIds(byEmail)).toEqual([b])
        // Each row names its buyer, for the admin's Buyer column.
        expect(byEmail.affiliate_commissions[0].customer).toEqual(
          expect.objectContaining({ id: expect.stringMatching(/^cus_/), email: "b@shop.test" })
        )

        const withFilter = (
          await api.get(`/admin/affiliate-commissions?q=shop.test&affiliate_id=${jane.id}`, admin)
        ).data
        expect(orderIds(withFilter)).toEqual([a, b].sort())

        const [buyerC] = await getContainer()
          .resolve(Modules.CUSTOMER)
          .listCustomers({ email: "c@shop.test" })
        await getContainer()
          .resolve(Modules.CUSTOMER)
          .updateCustomers(buyerC.id, { first_name: "Zelda", last_name: "Quill" })
        const byName = (await api.get("/admin/affiliate-commissions?q=zelda quill", admin)).data
        expect(orderIds(byName)).toEqual([c])

        const none = (await api.get("/admin/affiliate-commissions?q=nobody", admin)).data
        expect(none).toEqual({ affiliate_commissions: [], count: 0, offset: 0, limit: 20 })
        // The CSV export takes the filters, not the search.
        await expectHttpError(api.get("/admin/affiliate-commissions/export?q=b@shop.test", admin), 400, /q/)
      })

      it("pages deep into a long ledger the same from either end", async () => {
        const total = 2100
        const start = Date.now() - total * 1000
        const created = await service.createAffiliateCommissions(
          Array.from({ length: total }, (_, i) => ({
            affiliate_id: i % 2 ? jane.id : max.id,
            order_id: `order_page_${i}`,
            currency_code: "eur",
            base_amount: 10,
            rate: 10,
            amount: 1,
            attribution: "link" as const,
            created_at: new Date(start + i * 1000),
          }))
        )
        const newestFirst = created.map(({ id }) => id).reverse()
        const byId = created.map(({ id }) => id).sort()
        const page = async (query: string) => {
          const { data } = await api.get(`/admin/affiliate-commissions?${query}`, admin)
          expect(data.count).toBe(total)
          return data.affiliate_commissions.map((x: { id: string }) => x.id)
        }

        // Shallow, deep from the start (1,000 in, 1,100 left) and deep from the end.
        expect(await page("order=-created_at&limit=20")).toEqual(newestFirst.slice(0, 20))
        expect(await page("order=-created_at&limit=20&offset=1000")).toEqual(newestFirst.slice(1000, 1020))
        expect(await page("order=-created_at&limit=20&offset=2090")).toEqual(newestFirst.slice(2090))
        expect(await page("order=-created_at&limit=20&offset=2100")).toEqual([])
        expect(await page("limit=15&offset=1500")).toEqual(byId.slice(1500, 1515))
        // Filters apply on the deep path too.
        const janes = await api.get(
          `/admin/affiliate-commissions?affiliate_id=${jane.id}&order=created_at&limit=5&offset=1045`,
          admin
        )
        expect(janes.data.count).toBe(1050)
        expect(janes.data.affiliate_commissions).toEqual(
          newestFirst
            .filter((_, i) => i % 2 === 0)
            .reverse()
            .slice(1045)
            .map((id) => expect.objectContaining({ id, affiliate: expect.objectContaining({ code: "JANE" }) }))
        )
      })

      it("counts up to 10,000 matches exactly and estimates past them, flagged with estimate_count", async () => {
        const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        // Commission i (from `from`, newest first by i) for Max, except every
        // thousandth, which is Jane's and approved: SQL, as 12,000 rows through
        // the module would take minutes.
        const insert = (from: number, to: number) =>
          knex.raw(
            `insert into affiliate_commission (id, affiliate_id, order_id, currency_code,
               base_amount, rate, amount, raw_base_amount, raw_rate, raw_amount, attribution,
               status, created_at, updated_at)
             select 'affcom_count_' || lpad(i::text, 5, '0'),
               case when i % 1000 = 0 then ? else ? end, 'order_count_' || i, 'eur',
               10, 10, 1, '{"value":"10","precision":20}', '{"value":"10","precision":20}',
               '{"value":"1","precision":20}', 'link',
               case when i % 1000 = 0 then 'approved' else 'pending' end,
               now() - i * interval '1 second', now()
             from generate_series(?::int, ?::int) as i`,
            [jane.id, max.id, from, to]
          )
        const newestFirst = (to: number) =>
          Array.from({ length: to }, (_, i) => `affcom_count_${String(i + 1).padStart(5, "0")}`)
        const list = async (query: string) =>
          (await api.get(`/admin/affiliate-commissions?${query}`, admin)).data as {
            affiliate_commissions: { id: string }[]
            count: number
            estimate_count?: number
          }
        const ids = (body: { affiliate_commissions: { id: string }[] }) =>
          body.affiliate_commissions.map(({ id }) => id)

        await insert(1, 10_000)
        const atLimit = await list("order=-created_at&limit=20")
        expect(atLimit.count).toBe(10_000)
        expect(atLimit).not.toHaveProperty("estimate_count")

        await insert(10_001, 12_000)
        await knex.raw("analyze affiliate_commission")
        const first = await list("order=-created_at&limit=20")
        // The planner's estimate from fresh statistics, in `count` as well, as Medusa's lists answer one.
        expect(first.estimate_count).toBe(first.count)
        expect(first.count).toBeGreaterThan(10_000)
        expect(Math.abs(first.count - 12_000)).toBeLessThan(600)
        expect(ids(first)).toEqual(newestFirst(20))
        const second = await list("order=-created_at&limit=20&offset=20")
        expect(second.estimate_count).toBe(second.count)
        expect(ids(second)).toEqual(newestFirst(40).slice(20))

        // Small filtered lists stay exact, and say nothing of an estimate.
        const janes = await list(`affiliate_id=${jane.id}&order=-created_at`)
        expect(janes).toEqual(expect.objectContaining({ count: 12 }))
        expect(janes).not.toHaveProperty("estimate_count")
        const approved = await list("status=approved&limit=5")
        expect(approved.count).toBe(12)
        expect(approved).not.toHaveProperty("estimate_count")
        const maxPending = await list(`affiliate_id=${max.id}&status=pending&limit=1`)
        expect(maxPending.estimate_count).toBe(maxPending.count)
        expect(maxPending.count).toBeGreaterThan(10_000)

        // A deep page counts exactly: it is read from the true end of the list.
        const last = await list("order=-created_at&limit=20&offset=11990")
        expect(last.count).toBe(12_000)
        expect(last).not.toHaveProperty("estimate_count")
        expect(ids(last)).toEqual(newestFirst(12_000).slice(11_990))
      })

      it("approves, rejects with a reason and marks paid; refuses other moves with a 400", async () => {
        const [a, b] = await placeCodeOrders()
        const first = await commissionOf(a)
        const second = await commissionOf(b)

        await expectHttpError(
          api.post(`/admin/affiliate-commissions/${first.id}`, { status: "paid" }, admin),
          400,
          /cannot change to paid .*is pending/
        )
        await expectHttpError(
          api.post(`/admin/affiliate-commissions/${first.id}`, { status: "rejected" }, admin),
          400,
          /reason is required/
        )
        await expectHttpError(
          api.post(`/admin/affiliate-commissions/${first.id}`, { status: "owed" }, admin),
          400,
          /'approved, rejected, paid' for field 'status'/
        )
        await expectHttpError(
          api.post("/admin/affiliate-commissions/affcom_missing", { status: "approved" }, admin),
          404
        )

        const approved = await api.post(`/admin/affiliate-commissions/${first.id}`, { status: "approved" }, admin)
        expect(approved.data.affiliate_commission.status).toBe("approved")
        const paid = await api.post(`/admin/affiliate-commissions/${first.id}`, { status: "paid" }, admin)
        expect(paid.data.affiliate_commission.status).toBe("paid")

        const rejected = await api.post(
          `/admin/affiliate-commissions/${second.id}`,
          { status: "rejected", reason: "Order was a test" },
          admin
        )
        expect(rejected.data.affiliate_commission).toEqual(
          expect.objectContaining({ status: "rejected", reason: "Order was a test", net_amount: 0 })
        )
      })

      it("changes several at once, all or none", async () => {
        const orders = await placeCodeOrders()
        const ids = await Promise.all(orders.map(async (id) => (await commissionOf(id)).id))
        await api.post(`/admin/affiliate-commissions/${ids[2]}`, { status: "rejected", reason: "fraud" }, admin)

        await expectHttpError(
          api.post("/admin/affiliate-commissions/batch", { ids, status: "approved" }, admin),
          400,
          new RegExp(`${ids[2]} is rejected`)
        )
        for (const id of ids.slice(0, 2)) {
          expect((await api.get(`/admin/affiliate-commissions/${id}`, admin)).data.affiliate_commission.status).toBe(
            "pending"
          )
        }

        const { data } = await api.post(
          "/admin/affiliate-commissions/batch",
          { ids: ids.slice(0, 2), status: "approved" },
          admin
        )
        expect(data.affiliate_commissions.map((c: { status: string }) => c.status)).toEqual([
          "approved",
          "approved",
        ])
        await expectHttpError(api.post("/admin/affiliate-commissions/batch", { ids: [], status: "approved" }, admin), 400, /ids/)
      })

      it("exports the filtered ledger as CSV", async () => {
        const [a] = await placeCodeOrders()
        const response = await api.get(`/admin/affiliate-commissions/export?affiliate_id=${jane.id}`, admin)
        expect(response.headers["content-type"]).toMatch(/text\/csv/)
        const lines = (response.data as string).trim().split("\n")
        expect(lines[0]).toBe(
          "id,created_at,affiliate_code,affiliate_name,affiliate_email,order_id,order_display_id,customer_id,customer_email,currency_code,base_amount,rate,amount,adjustments,net_amount,attribution,status,reason"
        )
        expect(lines).toHaveLength(3)
        expect(lines.slice(1).every((line) => line.includes(",JANE,Jane,jane@aff.test,"))).toBe(true)
        // Each row names its order as the admin shows it, and its buyer.
        const { order } = (await api.get(`/admin/orders/${a}?fields=id,display_id`, admin)).data
        expect(lines.some((line) => line.includes(`,${a},${order.display_id},cus_`) && line.includes(",a@shop.test,"))).toBe(
          true
        )
        expect(lines.some((line) => line.includes(",eur,15,10,1.5,0,1.5,link,pending,"))).toBe(true)
        await expectHttpError(api.get("/admin/affiliate-commissions/export?status=owed", admin), 400, /status/)
      })

      it("shows totals per affiliate and currency, net of adjustments", async () => {
        const [a, b] = await placeCodeOrders()
        const first = await commissionOf(a)
        await api.post(`/admin/affiliate-commissions/${first.id}`, { status: "approved" }, admin)

        const { affiliate } = (await api.get(`/admin/affiliates/${jane.id}`, admin)).data
        expect(affiliate.commission_totals).toEqual([
          {
            currency_code: "eur",
            commission_count: 2,
            pending: 1.5,
            approved: 2,
            paid: 0,
            rejected: 0,
            adjustments: 0,
            net: 3.5,
          },
        ])
        const list = (await api.get("/admin/affiliates?q=max", admin)).data.affiliates
        expect(list[0].commission_totals[0]).toEqual(expect.objectContaining({ pending: 0.75, net: 0.75 }))
        expect(b).toBeDefined()
      })
    })

    describe("referred customers", () => {
      it("lists referred customers without a connection, and connecting one makes a referral connection", async () => {
        await api.post("/admin/affiliate-settings", { auto_connect: false }, admin)
        const order = await placeOrder({
          email: "ref@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 2 }],
          referralCode: "MAX",
        })
        const customerId = (await commissionOf(order.id)).customer_id

        const listed = (await api.get(`/admin/affiliates/${max.id}/customers`, admin)).data
        expect(listed.customers).toEqual([
          expect.objectContaining({
            id: customerId,
            email: "ref@shop.test",
            connection: null,
            order_count: 1,
            revenue: [{ currency_code: "eur", amount: 39.98 }],
          }),
        ])

        const { data } = await api.post(
          "/admin/affiliate-connections",
          { affiliate_id: max.id, customer_id: customerId },
          admin
        )
        expect(data.affiliate_connection.source).toBe("referral")
        const after = (await api.get(`/admin/affiliates/${max.id}/customers`, admin)).data
        expect(after.customers[0].connection).toEqual(expect.objectContaining({ source: "referral" }))
        expect(after.count).toBe(1)
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
