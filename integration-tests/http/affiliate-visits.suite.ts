import { httpSuite } from "../helpers/test-runner"
import { deleteOldAffiliateVisits } from "../../src/jobs/delete-old-affiliate-visits"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import { expectHttpError } from "../helpers/http"
import { setUpStore, type TestStore } from "../helpers/store"

const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"
const PHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"

type VisitRow = {
  id: string
  affiliate_id: string
  visitor_key: string
  is_unique: boolean
  landing_url: string | null
  referrer_host: string | null
  sub_id: string | null
}

/** Clicks on affiliates' links: `POST /store/affiliate-visits`. */
export default httpSuite({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: AdminHeaders
    let store: TestStore
    let jane: string

    /** A click from a browser (`userAgent`) at a client address (`ip`, read from the proxy's header). */
    const click = (body: Record<string, unknown>, { userAgent = BROWSER, ip = "203.0.113.7" } = {}) =>
      api.post("/store/affiliate-visits", body, {
        headers: { ...store.storeHeaders().headers, "user-agent": userAgent, "x-forwarded-for": ip },
      })

    const visitsOf = async (affiliateId: string) =>
      (
        await dbConnection.raw("select * from affiliate_visit where affiliate_id = ? order by created_at, id", [
          affiliateId,
        ])
      ).rows as VisitRow[]

    const allVisits = async () => (await dbConnection.raw("select * from affiliate_visit")).rows as VisitRow[]

    /** The day's counts of an affiliate, per sub_id ("" without one). */
    const dayCounts = async (affiliateId: string) =>
      (
        await dbConnection.raw(
          `select sub_id, visits, unique_visitors, day = date_trunc('day', now() at time zone 'utc') at time zone 'utc' as today
             from affiliate_visit_stat where affiliate_id = ? order by sub_id`,
          [affiliateId]
        )
      ).rows as { sub_id: string; visits: number; unique_visitors: number; today: boolean }[]

    beforeAll(async () => {
      admin = await createAdminHeaders(api, getContainer())
      store = await setUpStore(api, admin)
      const affiliate = async (name: string, code: string, status: string) =>
        (await api.post("/admin/affiliates", { name, email: `${code.toLowerCase()}@aff.test`, code, status }, admin))
          .data.affiliate.id as string
      jane = await affiliate("Jane", "JANE", "approved")
      await affiliate("Penny", "PENNY", "pending")
      await affiliate("Blake", "BLAKE", "blocked")
    })

    it("records a click by code in any letter case: the landing page's path, the referrer's host, the sub_id", async () => {
      const { status, data } = await click({
        code: "jane",
        landing_url: "https://shop.example.com/products/shirt?color=blue#reviews",
        referrer: "https://www.Instagram.com/p/abc?igsh=private-token",
        sub_id: "reel-42",
      })
      expect(status).toBe(200)
      expect(data.affiliate_visit).toEqual({
        id: expect.stringMatching(/^affvisit_/),
        code: "JANE",
        is_unique: true,
        landing_url: "/products/shirt?color=blue",
        referrer_host: "www.instagram.com",
        sub_id: "reel-42",
        created_at: expect.any(String),
      })
      // The visitor is a keyed hash: neither the address nor the browser is stored.
      const [row] = await visitsOf(jane)
      expect(row.visitor_key).toMatch(/^[\w-]{43}$/)
      expect(JSON.stringify(row)).not.toContain("203.0.113.7")
      expect(JSON.stringify(row)).not.toContain("Chrome")
      expect(data.affiliate_visit).not.toHaveProperty("visitor_key")
    })

    it("counts a visitor once a day: again within 24 hours is a click, not a new visitor", async () => {
      const unique = async (options?: { userAgent?: string; ip?: string }) =>
        (await click({ code: "JANE" }, options)).data.affiliate_visit.is_unique as boolean

      expect([await unique(), await unique(), await unique()]).toEqual([true, false, false])
      // Another address, or another browser at the same address, is another visitor.
      expect(await unique({ ip: "198.51.100.20" })).toBe(true)
      expect(await unique({ userAgent: PHONE })).toBe(true)
      expect(await visitsOf(jane)).toHaveLength(5)

      // A day later the first visitor counts again.
      await dbConnection.raw(
        "update affiliate_visit set created_at = created_at - interval '25 hours' where affiliate_id = ?",
        [jane]
      )
      expect(await unique()).toBe(true)
      expect(await unique()).toBe(false)
    })

    it("makes simultaneous clicks of one visitor one unique visitor", async () => {
      const clicks = await Promise.all([1, 2, 3, 4, 5].map(() => click({ code: "JANE" }, { ip: "192.0.2.50" })))
      expect(clicks.map(({ data }) => data.affiliate_visit.is_unique).filter(Boolean)).toHaveLength(1)
      expect((await visitsOf(jane)).filter((visit) => visit.is_unique)).toHaveLength(1)
    })

    it("counts each day's clicks and unique visitors per sub_id, exactly, however many arrive at once", async () => {
      for (let repeat = 0; repeat < 3; repeat++) {
        await click({ code: "JANE" })
      }
      await click({ code: "JANE", sub_id: "reel" }, { ip: "198.51.100.1" })
      await click({ code: "JANE", sub_id: "reel" }, { ip: "198.51.100.1" })
      await Promise.all(
        Array.from({ length: 10 }, (_, index) => click({ code: "JANE" }, { ip: `192.0.2.${index + 1}` }))
      )
      expect(await dayCounts(jane)).toEqual([
        { sub_id: "", visits: 13, unique_visitors: 11, today: true },
        { sub_id: "reel", visits: 2, unique_visitors: 1, today: true },
      ])
    })

    it("deletes visits past the retention (180 days), keeping the counts", async () => {
      for (const ip of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) {
        await click({ code: "JANE", landing_url: "/products/shirt" }, { ip })
      }
      const counts = await dayCounts(jane)
      const [oldest] = await visitsOf(jane)
      await dbConnection.raw("update affiliate_visit set created_at = now() - interval '181 days' where id = ?", [
        oldest.id,
      ])

      expect(await deleteOldAffiliateVisits(getContainer())).toBe(1)
      expect((await visitsOf(jane)).map((visit) => visit.id)).not.toContain(oldest.id)
      expect(await visitsOf(jane)).toHaveLength(2)
      expect(await dayCounts(jane)).toEqual(counts)
      expect(await deleteOldAffiliateVisits(getContainer())).toBe(0)
    })

    it("answers a bot's click without recording it", async () => {
      const { status, data } = await click({ code: "JANE", landing_url: "/" }, { userAgent: GOOGLEBOT })
      expect(status).toBe(200)
      expect(data).toEqual({ affiliate_visit: null })
      expect(await allVisits()).toEqual([])
    })

    it("refuses unknown, pending and blocked codes alike, and names the field of bad input, recording nothing", async () => {
      for (const code of ["NOBODY", "PENNY", "blake"]) {
        await expectHttpError(click({ code }), 400, new RegExp(`"${code}" is not a valid referral code`))
      }
      await expectHttpError(click({}), 400, /code/)
      await expectHttpError(click({ code: "JANE", landing_url: "/shirt\u0000" }), 400, /landing_url must not contain control characters/)
      await expectHttpError(click({ code: "JANE", sub_id: "x".repeat(101) }), 400, /sub_id/)
      await expectHttpError(click({ code: "JANE", referrer: "r".repeat(2049) }), 400, /referrer/)
      await expectHttpError(click({ code: "JANE", affiliate_id: jane }), 400, /affiliate_id/)
      // Without the publishable key, Medusa's own check answers.
      await expectHttpError(
        api.post("/store/affiliate-visits", { code: "JANE" }, { headers: { "user-agent": BROWSER } }),
        400,
        /publishable/i
      )
      expect(await allVisits()).toEqual([])
    })

    it("keeps nothing of a referrer that is not a web page, and no landing page when none is sent", async () => {
      const { data } = await click({ code: "JANE", referrer: "android-app://com.google.android.gm/" })
      expect(data.affiliate_visit).toEqual(
        expect.objectContaining({ landing_url: null, referrer_host: null, sub_id: null })
      )
    })
  },
})
