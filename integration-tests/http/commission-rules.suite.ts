import { httpSuite } from "../helpers/test-runner"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import { creditOrder, creditOrderWorkflow } from "../../src/workflows"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import { captureEvents, waitForSubscribers } from "../helpers/events"
import { expectHttpError } from "../helpers/http"
import { signedReferralMetadata } from "../helpers/referrals"
import { checkout, setUpStore, type CheckoutInput, type TestStore } from "../helpers/store"

type Affiliate = { id: string; code: string }
type Line = {
  item_id: string | null
  title: string
  kind: string
  rule_id: string | null
  rate: number | null
  base: number
  amount: number
}

/**
 * Issue 14: crediting under the affiliate's program — per-line rules, fixed
 * amounts, tiers, connection expiry, self-referral policies, referral window —
 * through real checkouts, to the cent.
 */
export default httpSuite({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: AdminHeaders
    let store: TestStore
    let service: AffiliateModuleService
    let jane: Affiliate

    const createAffiliate = async (body: Record<string, unknown>) =>
      (await api.post("/admin/affiliates", body, admin)).data.affiliate as Affiliate

    /** A program with `jane` in it. */
    const janeProgram = async (terms: Record<string, unknown>, rules: Record<string, unknown>[] = []) => {
      const program = await service.createAffiliatePrograms({ name: `Program ${Date.now()}`, ...terms })
      if (rules.length) {
        await service.createAffiliateCommissionRules(rules.map((rule) => ({ ...rule, program_id: program.id })))
      }
      await service.updateAffiliates({ id: jane.id, program_id: program.id })
      return program
    }

    const placeOrder = (input: CheckoutInput) =>
      waitForSubscribers(getContainer(), "order.placed", () => checkout(api, store, input))

    const janeOrder = (items: CheckoutInput["items"], email = "guest@shop.test") =>
      placeOrder({ email, items, referralCode: "JANE" })

    const commissionOf = async (orderId: string) => {
      const [commission] = await service.listAffiliateCommissions({ order_id: orderId })
      return commission
        ? ((await api.get(`/admin/affiliate-commissions/${commission.id}`, admin)).data.affiliate_commission as {
            id: string
            affiliate_id: string
            status: string
            amount: number
            base_amount: number
            rate: number
            flag: string | null
            reason: string | null
            program_id: string
            lines: Line[]
            tier: Record<string, unknown> | null
          })
        : null
    }

    /** A published product in the test store, optionally in a collection, category and type. */
    const createProduct = async (
      title: string,
      amount: number,
      extra: { collection_id?: string; categories?: { id: string }[]; type_id?: string } = {}
    ) => {
      const { product } = (
        await api.post(
          "/admin/products",
          {
            title,
            status: "published",
            sales_channels: [{ id: store.salesChannelId }],
            shipping_profile_id: (await api.get("/admin/shipping-profiles", admin)).data.shipping_profiles[0].id,
            options: [{ title: "Size", values: ["One"] }],
            variants: [
              { title: "One", options: { Size: "One" }, manage_inventory: false, prices: [{ currency_code: "eur", amount }] },
            ],
            ...extra,
          },
          admin
        )
      ).data
      return { product_id: product.id as string, variant_id: product.variants[0].id as string }
    }

    // Seeded once: the runner snapshots the database after beforeAll and
    // restores it before every test.
    beforeAll(async () => {
      const container = getContainer()
      admin = await createAdminHeaders(api, container)
      service = container.resolve(AFFILIATE_MODULE)
      store = await setUpStore(api, admin)
      jane = await createAffiliate({ name: "Jane", email: "jane@aff.test", code: "JANE", status: "approved" })
    })

    describe("commission rules", () => {
      it("computes each line from its most specific rule, with exclusions, and records why", async () => {
        const { collection: summer } = (await api.post("/admin/collections", { title: "Summer" }, admin)).data
        const { product_category: gifts } = (
          await api.post("/admin/product-categories", { name: "Gift cards", is_active: true }, admin)
        ).data
        const { product_type: books } = (await api.post("/admin/product-types", { value: "Books" }, admin)).data
        const hat = await createProduct("Hat", 24.99, { collection_id: summer.id })
        const card = await createProduct("Gift card", 50, { collection_id: summer.id, categories: [{ id: gifts.id }] })
        const novel = await createProduct("Novel", 12.49, { type_id: books.id })
        const signed = await createProduct("Signed novel", 30, { type_id: books.id })

        const program = await janeProgram({ commission_rate: 10 }, [
          { target: "collection", target_id: summer.id, kind: "percentage", rate: 15 },
          { target: "category", target_id: gifts.id, kind: "excluded" },
          { target: "type", target_id: books.id, kind: "percentage", rate: 5 },
          { target: "product", target_id: signed.product_id, kind: "fixed", amounts: { eur: 2 } },
        ])

        const order = await janeOrder([
          { variant_id: hat.variant_id, quantity: 2 }, // 49.98 × 15 % = 7.497
          { variant_id: card.variant_id, quantity: 1 }, // gift card: excluded although in Summer
          { variant_id: novel.variant_id, quantity: 3 }, // 37.47 × 5 % = 1.8735
          { variant_id: signed.variant_id, quantity: 2 }, // product rule: 2 × 2.00 = 4.00
          { variant_id: store.variants.mug, quantity: 1 }, // no rule: 7.50 × 10 % = 0.75
        ])

        const commission = (await commissionOf(order.id))!
        // 7.497 + 0 + 1.8735 + 4 + 0.75 = 14.1205 → 14.12
        expect(commission.amount).toBe(14.12)
        expect(commission.base_amount).toBe(204.95)
        expect(commission.program_id).toBe(program.id)
        const byTitle = Object.fromEntries(commission.lines.map((line) => [line.title, line]))
        expect(byTitle["Hat"]).toMatchObject({ kind: "percentage", rate: 15, amount: 7.5 })
        expect(byTitle["Gift card"]).toMatchObject({ kind: "excluded", amount: 0 })
        expect(byTitle["Novel"]).toMatchObject({ kind: "percentage", rate: 5, amount: 1.87 })
        expect(byTitle["Signed novel"]).toMatchObject({ kind: "fixed", amount: 4 })
        expect(byTitle["Mug"]).toMatchObject({ kind: "default", rule_id: null, rate: 10, amount: 0.75 })
        const cents = commission.lines.reduce((sum, line) => sum + Math.round(line.amount * 100), 0)
        expect(cents).toBe(1412)
      })

      it("takes a tax-inclusive price without its tax", async () => {
        const [preference] = (await api.get("/admin/price-preferences?attribute=currency_code&value=eur", admin)).data
          .price_preferences
        await api.post(
          preference ? `/admin/price-preferences/${preference.id}` : "/admin/price-preferences",
          preference ? { is_tax_inclusive: true } : { attribute: "currency_code", value: "eur", is_tax_inclusive: true },
          admin
        )
        await api.post(
          "/admin/tax-regions",
          {
            country_code: store.countryCode,
            provider_id: "tp_system",
            default_tax_rate: { rate: 19, code: "DE19", name: "MwSt" },
          },
          admin
        )
        await janeProgram({ commission_rate: 10 })

        // 119.00 gross, 19 % tax included: 100.00 net, 10 % = 10.00.
        const gross = await createProduct("Lamp", 119)
        const order = await janeOrder([{ variant_id: gross.variant_id, quantity: 1 }])

        const commission = (await commissionOf(order.id))!
        expect(commission.base_amount).toBe(100)
        expect(commission.amount).toBe(10)

        // 10.00 gross: 8.4033… net, stored in cents (the line's too), 10 % = 0.84.
        const candle = await createProduct("Candle", 10)
        const netted = (await commissionOf((await janeOrder([{ variant_id: candle.variant_id, quantity: 1 }])).id))!
        expect(netted).toMatchObject({ base_amount: 8.4, amount: 0.84, lines: [{ base: 8.4, amount: 0.84 }] })
        const {
          rows: [stored],
        } = await dbConnection.raw(
          `select base_amount::text as base_amount, lines->0->>'base' as line_base from affiliate_commission where id = ?`,
          [netted.id]
        )
        expect(stored).toEqual({ base_amount: "8.4", line_base: "8.4" })
      })

      it("pays a fixed program amount once per order", async () => {
        await janeProgram({ commission_type: "fixed", commission_amounts: { eur: 5 } })

        const order = await janeOrder([
          { variant_id: store.variants.shirt, quantity: 3 },
          { variant_id: store.variants.mug, quantity: 1 },
        ])

        const commission = (await commissionOf(order.id))!
        expect(commission.amount).toBe(5)
        expect(commission.rate).toBe(0)
        expect(commission.lines.at(-1)).toMatchObject({ kind: "order", item_id: null, amount: 5 })
      })

      it("caps a fixed rule per unit at what the buyer paid: nothing on items bought at 100 % off", async () => {
        await api.post(
          "/admin/promotions",
          {
            code: "FREE",
            type: "standard",
            status: "active",
            is_automatic: false,
            application_method: { type: "percentage", target_type: "order", allocation: "across", value: 100, currency_code: "eur" },
          },
          admin
        )
        const shirt = (await api.get("/admin/products?title=Shirt", admin)).data.products[0].id
        await janeProgram({ commission_rate: 10 }, [
          { target: "product", target_id: shirt, kind: "fixed", amounts: { eur: 5 } },
        ])

        // 10 shirts free: the order's total is its 4.95 shipping.
        const order = await placeOrder({
          email: "guest@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 10 }],
          promoCodes: ["FREE"],
          referralCode: "JANE",
        })
        expect(order.total).toBe(4.95)

        const commission = (await commissionOf(order.id))!
        expect(commission).toMatchObject({ amount: 0, base_amount: 0, lines: [{ kind: "fixed", base: 0, amount: 0 }] })
      })

      it("caps a fixed program amount per order at the order's item total", async () => {
        await janeProgram({ commission_type: "fixed", commission_amounts: { eur: 5 } })
        const sticker = await createProduct("Sticker", 1)

        const order = await janeOrder([{ variant_id: sticker.variant_id, quantity: 1 }])

        const commission = (await commissionOf(order.id))!
        expect(commission.amount).toBe(1)
        expect(commission.base_amount).toBe(1)
        expect(commission.lines.at(-1)).toMatchObject({ kind: "order", item_id: null, amount: 1 })
      })

      it("keeps an affiliate's own rate over the program's, with the rules still deciding their lines", async () => {
        await janeProgram({ commission_rate: 20 }, [
          { target: "product", target_id: (await api.get("/admin/products?title=Mug", admin)).data.products[0].id, kind: "excluded" },
        ])
        await api.post(`/admin/affiliates/${jane.id}`, { commission_rate: 12.5 }, admin)

        const order = await janeOrder([
          { variant_id: store.variants.shirt, quantity: 3 }, // 59.97 × 12.5 % = 7.49625
          { variant_id: store.variants.mug, quantity: 2 },
        ])

        const commission = (await commissionOf(order.id))!
        expect(commission.amount).toBe(7.5)
        expect(commission.rate).toBe(12.5)
      })
    })

    describe("performance tiers", () => {
      it("steps the rate up once this month's credited revenue crosses a threshold, never rewriting past commissions", async () => {
        await janeProgram({
          commission_rate: 10,
          tier_metric: "revenue",
          tier_period: "month",
          tiers: [{ threshold: 100, rate: 20 }],
        })
        const shirts = (quantity: number) => [{ variant_id: store.variants.shirt, quantity }]

        const first = await janeOrder(shirts(3)) // 59.97 this month before it: 10 %
        const second = await janeOrder(shirts(3)) // 59.97 before it: still 10 %
        const third = await janeOrder(shirts(1)) // 119.94 before it: 20 % of 19.99 = 3.998

        expect((await commissionOf(first.id))!).toMatchObject({ amount: 6, rate: 10, tier: null })
        expect((await commissionOf(second.id))!).toMatchObject({ amount: 6, rate: 10 })
        expect((await commissionOf(third.id))!).toMatchObject({
          amount: 4,
          rate: 20,
          tier: { metric: "revenue", period: "month", measured: 119.94, threshold: 100, rate: 20 },
        })

        // A new month starts from zero: the earlier commissions move to last month.
        await dbConnection.raw(
          `update affiliate_commission set created_at = date_trunc('month', now()) - interval '1 day'`
        )
        const fourth = await janeOrder(shirts(1))
        expect((await commissionOf(fourth.id))!).toMatchObject({ amount: 2, rate: 10, tier: null })
        expect((await commissionOf(third.id))!.amount).toBe(4)
      })

      it("counts orders for an order-count tier, rejected commissions left out", async () => {
        await janeProgram({
          commission_rate: 10,
          tier_metric: "orders",
          tier_period: "lifetime",
          tiers: [{ threshold: 1, rate: 15 }],
        })
        const first = await janeOrder([{ variant_id: store.variants.shirt, quantity: 1 }])
        await service.updateAffiliateCommissions({ id: (await commissionOf(first.id))!.id, status: "rejected" })
        const second = await janeOrder([{ variant_id: store.variants.shirt, quantity: 1 }])
        const third = await janeOrder([{ variant_id: store.variants.shirt, quantity: 1 }])

        expect((await commissionOf(second.id))!.rate).toBe(10)
        expect((await commissionOf(third.id))!).toMatchObject({ rate: 15, amount: 3 })
      })
    })

    describe("connection expiry", () => {
      const connectCora = async () => {
        const { customer } = (await api.post("/admin/customers", { email: "cora@shop.test" }, admin)).data
        const { affiliate_connection } = (
          await api.post("/admin/affiliate-connections", { affiliate_id: jane.id, customer_id: customer.id }, admin)
        ).data
        return affiliate_connection.id as string
      }
      const coraOrder = () =>
        placeOrder({ email: "cora@shop.test", items: [{ variant_id: store.variants.shirt, quantity: 1 }] })
      const connection = async (id: string) => (await service.listAffiliateConnections({ id }))[0]

      it("ends a connection past its days at the next order, which it no longer credits", async () => {
        await janeProgram({ connection_lifetime: "days", connection_lifetime_value: 30 })
        const connectionId = await connectCora()
        const events = captureEvents(getContainer())

        const within = await coraOrder()
        expect((await commissionOf(within.id))!.affiliate_id).toBe(jane.id)

        await dbConnection.raw(
          `update affiliate_connection set created_at = now() - interval '31 days' where id = ?`,
          [connectionId]
        )
        const after = await coraOrder()
        expect(await commissionOf(after.id)).toBeNull()
        const [attribution] = await service.listAffiliateOrderAttributions({ order_id: after.id })
        expect(attribution.outcome).toBe("no_affiliate")
        expect(await connection(connectionId)).toMatchObject({ ended_reason: "expired", ended_at: expect.any(Date) })
        expect(events.named("affiliate_connection.expired").map((event) => event.data)).toEqual([
          { id: connectionId },
        ])
        events.restore()
      })

      it("ends a connection with its last order under an orders lifetime", async () => {
        await janeProgram({ connection_lifetime: "orders", connection_lifetime_value: 2 })
        const connectionId = await connectCora()

        const first = await coraOrder()
        expect(await connection(connectionId)).toMatchObject({ credited_orders: 1, ended_at: null })
        const second = await coraOrder()
        expect(await connection(connectionId)).toMatchObject({ credited_orders: 2, ended_reason: "expired" })
        const third = await coraOrder()

        expect((await commissionOf(first.id))!.affiliate_id).toBe(jane.id)
        expect((await commissionOf(second.id))!.affiliate_id).toBe(jane.id)
        expect(await commissionOf(third.id)).toBeNull()
      })

      it("credits a connection's last order once when two orders of its customer are credited at once", async () => {
        await janeProgram({ connection_lifetime: "orders", connection_lifetime_value: 2 })
        const connectionId = await connectCora()
        const orders = [await coraOrder(), await coraOrder()]
        // Both orders not credited yet, and the connection with one order left.
        const orderIds = orders.map((order) => order.id)
        await dbConnection.raw("delete from affiliate_commission where order_id = any(?)", [orderIds])
        await dbConnection.raw("delete from affiliate_order_attribution where order_id = any(?)", [orderIds])
        await dbConnection.raw(
          "update affiliate_connection set credited_orders = 1, ended_at = null, ended_reason = null where id = ?",
          [connectionId]
        )

        await Promise.all(orders.map((order) => creditOrder(getContainer(), order.id)))

        const commissions = await service.listAffiliateCommissions({ order_id: orderIds })
        expect(commissions).toEqual([expect.objectContaining({ affiliate_id: jane.id, attribution: "connection" })])
        const outcomes = await service.listAffiliateOrderAttributions({ order_id: orderIds })
        expect(outcomes.map((attribution) => attribution.outcome).sort()).toEqual(["credited", "no_affiliate"])
        expect(await connection(connectionId)).toMatchObject({ credited_orders: 2, ended_reason: "expired" })
      })
    })

    describe("self-referral policy", () => {
      const selfOrder = () => janeOrder([{ variant_id: store.variants.shirt, quantity: 1 }], "jane@aff.test")

      it("rejects under reject (the default), flags for review under flag, credits under allow", async () => {
        await api.post("/admin/affiliate-settings", { auto_approve_commissions: true }, admin)

        const rejected = await commissionOf((await selfOrder()).id)
        expect(rejected).toMatchObject({ status: "rejected", reason: "self_referral", flag: null })

        const program = await janeProgram({ self_referral_policy: "flag" })
        const flagged = await commissionOf((await selfOrder()).id)
        // Flagged: pending for the admin even with auto-approve on.
        expect(flagged).toMatchObject({ status: "pending", reason: null, flag: "self_referral", amount: 2 })

        await service.updateAffiliatePrograms({ id: program.id, self_referral_policy: "allow" })
        const allowed = await commissionOf((await selfOrder()).id)
        expect(allowed).toMatchObject({ status: "approved", reason: null, flag: null, amount: 2 })

        // The admin's review list: the flagged ones, and the program's.
        const ids = async (query: string) =>
          (await api.get(`/admin/affiliate-commissions?${query}`, admin)).data.affiliate_commissions
            .map((commission: { id: string }) => commission.id)
            .sort()
        expect(await ids("flag=self_referral")).toEqual([flagged!.id])
        expect(await ids(`program_id=${program.id}`)).toEqual([flagged!.id, allowed!.id].sort())
        await expectHttpError(api.get("/admin/affiliate-commissions?flag=late", admin), 400, /flag must be one of self_referral/)
      })
    })

    describe("referral window", () => {
      it("honours a code for its program's days from when the cart recorded it", async () => {
        await janeProgram({ referral_window_days: 7 })
        // Only the code counts: the buyer does not become Jane's connected customer.
        await api.post("/admin/affiliate-settings", { auto_connect: false }, admin)
        const headers = store.storeHeaders()
        const { cart } = (
          await api.post("/store/carts", { region_id: store.regionId, sales_channel_id: store.salesChannelId }, headers)
        ).data
        const { referral } = (await api.post(`/store/carts/${cart.id}/affiliate`, { code: "JANE" }, headers)).data
        expect(referral.window_days).toBe(7)
        expect(Date.parse(referral.expires_at) - Date.parse(referral.recorded_at)).toBe(7 * 24 * 60 * 60 * 1000)

        const order = await janeOrder([{ variant_id: store.variants.shirt, quantity: 1 }])
        expect((await commissionOf(order.id))!.affiliate_id).toBe(jane.id)

        // The same order as if its code had been recorded 8 days before (signed so): not honoured.
        await service.deleteAffiliateCommissions((await service.listAffiliateCommissions({ order_id: order.id })).map((c) => c.id))
        await service.deleteAffiliateOrderAttributions(
          (await service.listAffiliateOrderAttributions({ order_id: order.id })).map((a) => a.id)
        )
        await dbConnection.raw(`update "order" set metadata = metadata || ?::jsonb where id = ?`, [
          JSON.stringify(signedReferralMetadata(getContainer(), "JANE", new Date(Date.now() - 8 * 24 * 60 * 60 * 1000))),
          order.id,
        ])
        const { result } = await creditOrderWorkflow(getContainer()).run({ input: { order_id: order.id } })
        expect(result.outcome).toBe("no_affiliate")
      })
    })

    describe("the affiliate's own view", () => {
      it("tells a signed-in affiliate their program's rate and terms", async () => {
        const email = "sam@partners.test"
        const registered = (await api.post("/auth/affiliate/emailpass/register", { email, password: "s3cret-pass" }))
          .data.token as string
        const withToken = (token: string) => ({
          headers: { ...store.storeHeaders().headers, authorization: `Bearer ${token}` },
        })
        const { affiliate } = (await api.post("/store/affiliates", { name: "Sam" }, withToken(registered))).data
        const token = (await api.post("/auth/affiliate/emailpass", { email, password: "s3cret-pass" })).data.token

        const before = (await api.get("/store/affiliates/me", withToken(token))).data.affiliate
        expect(before).toMatchObject({ commission_rate: 10, program: { name: "Default program", connection_lifetime: "forever" } })

        const program = await service.createAffiliatePrograms({
          name: "Creators",
          commission_rate: 12,
          connection_lifetime: "days",
          connection_lifetime_value: 90,
          referral_window_days: 30,
        })
        await service.updateAffiliates({ id: affiliate.id, program_id: program.id })
        const after = (await api.get("/store/affiliates/me", withToken(token))).data.affiliate
        expect(after.commission_rate).toBe(12)
        expect(after.program).toEqual({
          name: "Creators",
          commission_type: "percentage",
          commission_amounts: null,
          connection_lifetime: "days",
          connection_lifetime_value: 90,
          referral_window_days: 30,
        })
        expect(after).not.toHaveProperty("program_id")
      })
    })

    describe("auto-approve per program", () => {
      it("approves a program's commissions when its own setting says so, whatever the store's", async () => {
        await janeProgram({ auto_approve_commissions: true })
        const order = await janeOrder([{ variant_id: store.variants.shirt, quantity: 1 }])
        expect((await commissionOf(order.id))!.status).toBe("approved")
      })
    })
  },
})
