import { httpSuite } from "../helpers/test-runner"
import { commissionCalls, seedCommissionShop, type CommissionShop } from "../helpers/commissions"
import { waitForSubscribers } from "../helpers/events"
import { expectHttpError } from "../helpers/http"
import { paymentOf } from "../helpers/store"

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36"

type Money = { currency_code: string; amount: number }
type Figures = {
  visits: number
  unique_visitors: number
  orders: number
  orders_by_attribution: Record<string, number>
  conversion_rate: number | null
  revenue: Money[]
  commission: Money[]
  average_order_value: Money[]
  earnings_per_click: Money[]
}
type Report = { totals: Figures; series: (Figures & { start: string })[] }

/** Sums a money list of each point, per currency, in cents (exact). */
const centsOf = (lists: Money[][]) => {
  const sums: Record<string, number> = {}
  for (const list of lists) {
    for (const { currency_code, amount } of list) {
      sums[currency_code] = (sums[currency_code] ?? 0) + Math.round(amount * 100)
    }
  }
  return sums
}

/** `GET /admin/affiliate-reports`: the program's figures over time. */
export default httpSuite({
  testSuite: ({ api, getContainer }) => {
    let shop: CommissionShop
    const { placeOrder, commissionOf } = commissionCalls(api, getContainer, () => shop)

    const report = async (query = "") =>
      (await api.get(`/admin/affiliate-reports${query ? `?${query}` : ""}`, shop.admin)).data as Report
    const click = (code: string, ip: string) =>
      api.post(
        "/store/affiliate-visits",
        { code },
        { headers: { ...shop.store.storeHeaders().headers, "user-agent": BROWSER, "x-forwarded-for": ip } }
      )
    const shirts = (email: string, code: string, quantity = 1) =>
      placeOrder({ email, items: [{ variant_id: shop.store.variants.shirt, quantity }], referralCode: code })

    beforeAll(async () => {
      shop = await seedCommissionShop(api, getContainer())
    })

    it("adds up clicks, orders and money, its series summing to its totals and matching the ledger", async () => {
      const { admin, jane, max } = shop
      for (const ip of ["203.0.113.1", "203.0.113.1", "203.0.113.2", "203.0.113.3"]) {
        await click("JANE", ip)
      }
      await click("MAX", "203.0.113.9")
      // Jane: 1 and 3 shirts by link (2.00 and 6.00 at 10 %); Max: 1 shirt. Then a refund,
      // a cancellation, a reassignment from Max to Jane and a bonus.
      await shirts("a@shop.test", "JANE")
      const refunded = await shirts("b@shop.test", "JANE", 3)
      const canceled = await shirts("c@shop.test", "JANE")
      const moved = await shirts("d@shop.test", "MAX")
      const payment = await paymentOf(api, admin, refunded.id)
      await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
      await waitForSubscribers(getContainer(), "payment.refunded", () =>
        api.post(`/admin/payments/${payment.id}/refund`, { amount: 16.23 }, admin)
      )
      await waitForSubscribers(getContainer(), "order.canceled", () =>
        api.post(`/admin/orders/${canceled.id}/cancel`, {}, admin)
      )
      const movedCommission = await commissionOf(moved.id)
      await api.post(
        `/admin/affiliate-commissions/${movedCommission.id}/reassign`,
        { affiliate_id: jane.id, reason: "Jane's post" },
        admin
      )
      await api.post(
        "/admin/affiliate-commissions/bonuses",
        { affiliate_id: jane.id, currency_code: "eur", amount: 5, note: "Launch bonus" },
        admin
      )

      const { totals, series } = await report()
      expect(series).toHaveLength(30)
      // 3 orders count (the canceled one's commission is rejected); all came by link.
      expect(totals).toEqual(
        expect.objectContaining({
          visits: 5,
          unique_visitors: 4,
          orders: 3,
          orders_by_attribution: { connection: 0, coupon: 0, link: 3, manual: 0 },
          conversion_rate: 3 / 4,
        })
      )
      // The money in the ledger, commission by commission (net of adjustments, rejected ones left out).
      const { affiliate_commissions: ledger } = (
        await api.get("/admin/affiliate-commissions?limit=100", admin)
      ).data as { affiliate_commissions: { status: string; net_amount: number; base_amount: number; order_id: string | null }[] }
      const counted = ledger.filter((commission) => commission.status !== "rejected")
      const ledgerCents = counted.reduce((sum, commission) => sum + Math.round(commission.net_amount * 100), 0)
      const revenueCents = counted
        .filter((commission) => commission.order_id)
        .reduce((sum, commission) => sum + Math.round(commission.base_amount * 100), 0)
      expect(centsOf([totals.commission])).toEqual({ eur: ledgerCents })
      expect(centsOf([totals.revenue])).toEqual({ eur: revenueCents })
      // The refund of 16.23 of 64.92 takes 1.50 off 6.00: 2.00 + 4.50 + 2.00 reassigned + 5.00 bonus.
      expect(totals.commission).toEqual([{ currency_code: "eur", amount: 13.5 }])
      // 19.99 + 59.97 + 19.99 over 3 orders; 13.50 over 5 clicks.
      expect(totals.revenue).toEqual([{ currency_code: "eur", amount: 99.95 }])
      expect(totals.average_order_value).toEqual([{ currency_code: "eur", amount: 33.32 }])
      expect(totals.earnings_per_click).toEqual([{ currency_code: "eur", amount: 2.7 }])

      // The series add up to the totals, to the cent.
      expect(series.reduce((sum, point) => sum + point.visits, 0)).toBe(totals.visits)
      expect(series.reduce((sum, point) => sum + point.orders, 0)).toBe(totals.orders)
      expect(centsOf(series.map((point) => point.commission))).toEqual(centsOf([totals.commission]))
      expect(centsOf(series.map((point) => point.revenue))).toEqual(centsOf([totals.revenue]))
      const today = series[series.length - 1]
      expect(today.start).toBe(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`)
      expect(today.orders).toBe(3)

      // One affiliate: Max's click, and nothing credited to him any more.
      expect((await report(`affiliate_id=${max.id}`)).totals).toEqual(
        expect.objectContaining({ visits: 1, unique_visitors: 1, orders: 0, commission: [], conversion_rate: 0 })
      )
    })

    it("ranks the affiliates by any figure, a page at a time", async () => {
      const { admin, jane, max } = shop
      for (const ip of ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) {
        await click("MAX", ip)
      }
      await click("JANE", "198.51.100.4")
      await shirts("e@shop.test", "JANE", 3)
      await shirts("f@shop.test", "MAX")
      const leaderboard = async (query: string) =>
        (await api.get(`/admin/affiliate-reports/affiliates?${query}`, admin)).data as {
          affiliates: { affiliate: { id: string }; visits: number; orders: number; commission: Money[]; conversion_rate: number | null }[]
          count: number
        }

      const byCommission = await leaderboard("order=commission&currency_code=eur")
      expect(byCommission.count).toBe(2)
      expect(byCommission.affiliates.map((row) => row.affiliate.id)).toEqual([jane.id, max.id])
      expect(byCommission.affiliates[0]).toEqual(
        expect.objectContaining({ visits: 1, orders: 1, conversion_rate: 1, commission: [{ currency_code: "eur", amount: 6 }] })
      )
      const byVisits = await leaderboard("order=visits&limit=1")
      expect(byVisits).toEqual(expect.objectContaining({ count: 2 }))
      expect(byVisits.affiliates.map((row) => [row.affiliate.id, row.visits])).toEqual([[max.id, 3]])
      expect((await leaderboard("order=visits&limit=1&offset=1")).affiliates[0].affiliate.id).toBe(jane.id)

      await expectHttpError(api.get("/admin/affiliate-reports/affiliates?order=revenue", admin), 400, /give currency_code/)
      await expectHttpError(api.get("/admin/affiliate-reports/affiliates?order=name;drop", admin), 400, /order must be one of/)
      await expectHttpError(api.get("/admin/affiliate-reports/affiliates?limit=1000", admin), 400)
    })

    it("gives a signed-in affiliate their own figures, with their clicks per sub_id, and nobody else's", async () => {
      const { admin, store } = shop
      const email = "sam@partners.test"
      const registered = (await api.post("/auth/affiliate/emailpass/register", { email, password: "s3cret-pass" })).data
        .token as string
      const auth = (token: string) => ({ headers: { ...store.storeHeaders().headers, authorization: `Bearer ${token}` } })
      const { affiliate: sam } = (await api.post("/store/affiliates", { name: "Sam", code: "SAM" }, auth(registered))).data
      await api.post(`/admin/affiliates/${sam.id}`, { status: "approved" }, admin)
      const token = (await api.post("/auth/affiliate/emailpass", { email, password: "s3cret-pass" })).data.token as string

      const tagged = (ip: string, sub_id?: string) =>
        api.post(
          "/store/affiliate-visits",
          { code: "SAM", sub_id },
          { headers: { ...store.storeHeaders().headers, "user-agent": BROWSER, "x-forwarded-for": ip } }
        )
      await tagged("192.0.2.1", "reel-7")
      await tagged("192.0.2.2", "reel-7")
      await tagged("192.0.2.1", "newsletter")
      await tagged("192.0.2.3")
      await click("JANE", "192.0.2.9")
      await shirts("g@shop.test", "SAM")

      const { data } = await api.get("/store/affiliates/me/reports?interval=week", auth(token))
      expect(data.totals).toEqual(
        expect.objectContaining({ visits: 4, unique_visitors: 3, orders: 1, commission: [{ currency_code: "eur", amount: 2 }] })
      )
      // 192.0.2.1 came back through the newsletter within the day: a click, not a new visitor.
      expect(data.sub_ids).toEqual([
        { sub_id: "reel-7", visits: 2, unique_visitors: 2 },
        { sub_id: null, visits: 1, unique_visitors: 1 },
        { sub_id: "newsletter", visits: 1, unique_visitors: 0 },
      ])
      expect(JSON.stringify(data)).not.toContain("g@shop.test")
      await expectHttpError(api.get("/store/affiliates/me/reports?affiliate_id=x", auth(token)), 400)
      await expectHttpError(api.get("/store/affiliates/me/reports", store.storeHeaders()), 401)
      // The lists under /me still take their paging.
      expect((await api.get("/store/affiliates/me/payouts?limit=5", auth(token))).data.limit).toBe(5)
    })

    it("buckets by week and by month, and says what is wrong with a range", async () => {
      const weeks = await report("from=2026-11-01&to=2026-11-30&interval=week")
      // Weeks start on Monday: Oct 27 (holding Nov 1) to Nov 24.
      expect(weeks.series.map((point) => point.start.slice(0, 10))).toEqual([
        "2026-10-26",
        "2026-11-02",
        "2026-11-09",
        "2026-11-16",
        "2026-11-23",
        "2026-11-30",
      ])
      expect(weeks.totals).toEqual(expect.objectContaining({ visits: 0, orders: 0, conversion_rate: null, revenue: [] }))
      const months = await report("from=2026-01-15&to=2026-12-31&interval=month")
      expect(months.series).toHaveLength(12)

      await expectHttpError(api.get("/admin/affiliate-reports?interval=hour", shop.admin), 400, /interval must be one of day, week, month/)
      await expectHttpError(api.get("/admin/affiliate-reports?from=2026-02-30", shop.admin), 400, /not a date of the calendar/)
      await expectHttpError(api.get("/admin/affiliate-reports?from=yesterday", shop.admin), 400, /from must be a date/)
      await expectHttpError(
        api.get("/admin/affiliate-reports?from=2026-12-02&to=2026-12-01", shop.admin),
        400,
        /from must not be after to/
      )
      await expectHttpError(
        api.get("/admin/affiliate-reports?from=2020-01-01&to=2026-12-01&interval=day", shop.admin),
        400,
        /more than 1000 points by day/
      )
      await expectHttpError(api.get("/admin/affiliate-reports?currency_code=euro", shop.admin), 400, /currency_code/)
      await expectHttpError(api.get("/admin/affiliate-reports?secret=1", shop.admin), 400)
    })
  },
})
