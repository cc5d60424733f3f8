import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { httpSuite } from "../helpers/test-runner"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import { creditOrder } from "../../src/workflows"
import type { AdminHeaders } from "../helpers/admin"
import { commissionCalls, seedCommissionShop, type Affiliate } from "../helpers/commissions"
import { expectHttpError } from "../helpers/http"
import type { TestStore } from "../helpers/store"

/**
 * The commission ledger in the admin: listing, filters, search, deep pages,
 * counts and estimates, status changes one at a time and in batches, the CSV
 * export, an affiliate's totals, and the customers an affiliate referred.
 * Which affiliate an order credits: commission-crediting.spec.ts.
 */
export default httpSuite({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let store: TestStore
    let service: AffiliateModuleService
    let jane: Affiliate
    let max: Affiliate
    const { placeOrder, commissionOf, createAffiliate, expectLedgerPageAsGraph } =
      commissionCalls(api, getContainer, () => ({ admin, store, service }))

    // Seeded once: the runner snapshots the database after beforeAll and
    // restores it before every test.
    beforeAll(async () => {
      ({ admin, store, service, jane, max } = await seedCommissionShop(api, getContainer()))
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
        // Money at the currency's decimals (1.50, not 1.5), the rate as it is.
        expect(lines.some((line) => line.includes(",eur,15.00,10,1.50,0.00,1.50,link,pending,"))).toBe(true)
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

    describe("made by hand", () => {
      const creditByHand = (body: Record<string, unknown>) =>
        api.post("/admin/affiliate-commissions/credit-order", body, admin)
      const giveBonus = (body: Record<string, unknown>) =>
        api.post("/admin/affiliate-commissions/bonuses", body, admin)
      const shirtOrder = (email: string, referralCode?: string) =>
        placeOrder({ email, items: [{ variant_id: store.variants.shirt, quantity: 1 }], referralCode })

      it("credits an order that credits nobody to an affiliate, as an automatic credit would, once", async () => {
        const walkIn = await shirtOrder("walk-in@shop.test")
        expect(await service.listAffiliateCommissions({ order_id: walkIn.id })).toEqual([])
        const referred = await commissionOf((await shirtOrder("ref@shop.test", "JANE")).id)
        const { user } = (await api.get("/admin/users/me", admin)).data

        const { commission } = (
          await creditByHand({ order_id: walkIn.id, affiliate_id: jane.id, note: "Bought at Jane's market stall" })
        ).data
        // The same terms as the order Jane referred, recorded as made by hand.
        expect(commission).toEqual(
          expect.objectContaining({
            affiliate_id: jane.id,
            order_id: walkIn.id,
            attribution: "manual",
            status: referred.status,
            base_amount: referred.base_amount,
            rate: referred.rate,
            amount: referred.amount,
            created_by: user.id,
            note: "Bought at Jane's market stall",
          })
        )
        expect(await service.listAffiliateOrderAttributions({ order_id: walkIn.id })).toEqual([
          expect.objectContaining({ affiliate_id: jane.id, method: "manual", outcome: "credited" }),
        ])
        // A late or repeated order.placed finds the order decided; a second hand credit is a 409.
        expect((await creditOrder(getContainer(), walkIn.id)).result.already_decided).toBe(true)
        await expectHttpError(
          creditByHand({ order_id: walkIn.id, affiliate_id: max.id, note: "again" }),
          409,
          new RegExp(`already earns commission ${commission.id}`)
        )
        expect(await service.listAffiliateCommissions({ order_id: walkIn.id })).toHaveLength(1)
      })

      it("credits an order once when hand credits for two affiliates race its order.placed", async () => {
        const walkIn = await shirtOrder("race@shop.test")
        const byHand = [jane, max, jane, max].map((affiliate) =>
          creditByHand({ order_id: walkIn.id, affiliate_id: affiliate.id, note: "Met at the fair" }).then(
            (response: { status: number }) => response.status,
            (error: { response?: { status: number } }) => error.response?.status ?? 0
          )
        )
        const automatic = [1, 2, 3].map(() => creditOrder(getContainer(), walkIn.id))
        const [statuses] = await Promise.all([Promise.all(byHand), Promise.all(automatic)])

        // One hand credit wins; the others find the order earning (409). order.placed changes nothing.
        expect(statuses.sort()).toEqual([200, 409, 409, 409])
        const commissions = await service.listAffiliateCommissions({ order_id: walkIn.id })
        expect(commissions).toEqual([expect.objectContaining({ attribution: "manual", status: expect.any(String) })])
        expect(await service.listAffiliateOrderAttributions({ order_id: walkIn.id, outcome: "credited" })).toEqual([
          expect.objectContaining({ affiliate_id: commissions[0].affiliate_id, method: "manual" }),
        ])
      })

      it("refuses an order that earns already, a canceled one, a blocked affiliate or no note, writing nothing", async () => {
        const referred = await shirtOrder("ref2@shop.test", "JANE")
        await expectHttpError(
          creditByHand({ order_id: referred.id, affiliate_id: max.id, note: "dispute" }),
          409,
          /reassign that commission instead/
        )
        const canceled = await shirtOrder("cancel@shop.test")
        await api.post(`/admin/orders/${canceled.id}/cancel`, {}, admin)
        await expectHttpError(
          creditByHand({ order_id: canceled.id, affiliate_id: jane.id, note: "x" }),
          400,
          /is canceled/
        )
        const walkIn = await shirtOrder("walk-in2@shop.test")
        const blocked = await createAffiliate({ name: "Bo", email: "bo@aff.test", code: "BOBO", status: "blocked" })
        await expectHttpError(
          creditByHand({ order_id: walkIn.id, affiliate_id: blocked.id, note: "x" }),
          400,
          /Bo is blocked/
        )
        await expectHttpError(creditByHand({ order_id: walkIn.id, affiliate_id: "aff_nobody", note: "x" }), 400, /no affiliate/)
        await expectHttpError(creditByHand({ order_id: walkIn.id, affiliate_id: jane.id }), 400, /'note' is required/)
        await expectHttpError(creditByHand({ order_id: "order_nope", affiliate_id: jane.id, note: "x" }), 404)
        expect(await service.listAffiliateCommissions({ order_id: [walkIn.id, canceled.id] })).toEqual([])
        expect(await service.listAffiliateOrderAttributions({ order_id: walkIn.id })).toEqual([
          expect.objectContaining({ outcome: "no_affiliate" }),
        ])
      })

      it("gives a bonus and takes a deduction, both in the balance and netted in the next payout", async () => {
        const bonus = (await giveBonus({ affiliate_id: jane.id, currency_code: "EUR", amount: 5, note: "Top seller, May" }))
          .data.commission
        expect(bonus).toEqual(
          expect.objectContaining({ order_id: null, attribution: "manual", status: "approved", amount: 5, note: "Top seller, May" })
        )
        await giveBonus({ affiliate_id: jane.id, currency_code: "eur", amount: -1.5, note: "Chargeback on an old order" })
        await expectHttpError(
          api.post(`/admin/affiliate-commissions/${bonus.id}/reassign`, { affiliate_id: max.id, reason: "x" }, admin),
          400,
          /a bonus or deduction/
        )
        const sale = await commissionOf((await shirtOrder("sale@shop.test", "JANE")).id)
        await api.post(`/admin/affiliate-commissions/${sale.id}`, { status: "approved" }, admin)

        const balance = (await api.get(`/admin/affiliate-balances?affiliate_id=${jane.id}`, admin)).data
          .affiliate_balances[0]
        expect(balance).toEqual(expect.objectContaining({ currency_code: "eur", payable: 5 - 1.5 + sale.amount }))
        const { affiliate_payout_batch } = (
          await api.post("/admin/affiliate-payouts", { include_without_payout_method: true }, admin)
        ).data
        expect(affiliate_payout_batch.payouts).toEqual([
          expect.objectContaining({ amount: 5 - 1.5 + sale.amount, affiliate: expect.objectContaining({ id: jane.id }) }),
        ])
        // Listed in the ledger, with the note, under Jane.
        const ledger = (await api.get(`/admin/affiliate-commissions?affiliate_id=${jane.id}&attribution=manual`, admin)).data
        expect(ledger.affiliate_commissions.map((row: { note: string }) => row.note).sort()).toEqual([
          "Chargeback on an old order",
          "Top seller, May",
        ])
      })

      it("refuses a bonus that is 0, too large, finer than the currency or without a note", async () => {
        const base = { affiliate_id: jane.id, currency_code: "eur", note: "x" }
        await expectHttpError(giveBonus({ ...base, amount: 0 }), 400, /amount must not be 0/)
        await expectHttpError(giveBonus({ ...base, amount: 2_000_000 }), 400, /amount is at most 1,000,000/)
        await expectHttpError(giveBonus({ ...base, amount: 1.234 }), 400, /more decimals than EUR has \(2\)/)
        await expectHttpError(giveBonus({ ...base, currency_code: "jpy", amount: 1.5 }), 400, /more decimals than JPY has \(0\)/)
        await expectHttpError(giveBonus({ ...base, amount: "5" }), 400, /'number' for field 'amount'/)
        await expectHttpError(giveBonus({ ...base, amount: 1, note: " " }), 400, /field 'note' too small/)
        await expectHttpError(giveBonus({ ...base, affiliate_id: "aff_nobody", amount: 1 }), 400, /no affiliate/)
        expect(await service.listAffiliateCommissions({ affiliate_id: jane.id })).toEqual([])
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
  },
})
