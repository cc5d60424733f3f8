import { httpSuite } from "../helpers/test-runner"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"

const STOREFRONT = "https://shop.example.com"
const BROWSER =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15"
const BOT = "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"

type VisitRow = { id: string; landing_url: string | null; referrer_host: string | null; sub_id: string | null }

/** `GET /r/:code`: a link an affiliate shares anywhere, redirecting to the storefront. Booted with STOREFRONT_URL. */
export default httpSuite({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: AdminHeaders

    /** Follows nothing: the answer is the redirect itself. */
    const open = (path: string, headers: Record<string, string> = {}) =>
      api.get(path, {
        maxRedirects: 0,
        validateStatus: () => true,
        headers: { "user-agent": BROWSER, ...headers },
      })

    const visits = async () =>
      (await dbConnection.raw("select * from affiliate_visit order by created_at, id")).rows as VisitRow[]

    beforeAll(async () => {
      admin = await createAdminHeaders(api, getContainer())
      for (const [name, code, status] of [
        ["Jane", "JANE", "approved"],
        ["Blake", "BLAKE", "blocked"],
      ]) {
        await api.post("/admin/affiliates", { name, email: `${code.toLowerCase()}@aff.test`, code, status }, admin)
      }
    })

    it("records the click and redirects to the storefront page with the code and the visit", async () => {
      const response = await open("/r/jane?to=%2Fproducts%2Fshirt%3Fcolor%3Dblue&sub_id=reel-7&utm_source=ig", {
        referer: "https://www.instagram.com/reel/xyz",
      })
      expect(response.status).toBe(302)
      expect(response.headers["cache-control"]).toBe("no-store")
      const [visit] = await visits()
      expect(response.headers.location).toBe(
        `${STOREFRONT}/products/shirt?color=blue&ref=JANE&visit_id=${visit.id}`
      )
      expect(visit).toEqual(
        expect.objectContaining({
          landing_url: "/products/shirt?color=blue&ref=JANE",
          referrer_host: "www.instagram.com",
          sub_id: "reel-7",
        })
      )
    })

    it("never redirects to another site, whatever `to` holds", async () => {
      for (const to of [
        "https://evil.example/phish",
        "//evil.example",
        "/\\evil.example",
        "/\t/evil.example",
        "javascript:alert(1)",
        "https:evil.example",
      ]) {
        const response = await open(`/r/JANE?to=${encodeURIComponent(to)}`)
        expect(response.status).toBe(302)
        const location = new URL(response.headers.location)
        expect({ to, origin: location.origin, path: location.pathname, ref: location.searchParams.get("ref") }).toEqual(
          { to, origin: STOREFRONT, path: "/", ref: "JANE" }
        )
      }
      // Each click still counts, landing on the root.
      expect((await visits()).map((visit) => visit.landing_url)).toEqual(Array(6).fill("/?ref=JANE"))
    })

    it("sends an unknown, blocked or malformed code to the storefront's root, recording nothing", async () => {
      for (const path of ["/r/NOBODY?to=/products/shirt", "/r/blake", `/r/${"X".repeat(65)}`, "/r/JA%00NE"]) {
        const response = await open(path)
        expect({ path, status: response.status, location: response.headers.location }).toEqual({
          path,
          status: 302,
          location: `${STOREFRONT}/`,
        })
      }
      expect(await visits()).toEqual([])
    })

    it("answers 429 after 20 unknown codes a minute from one address, even for a valid code", async () => {
      const from = { "x-forwarded-for": "198.51.100.99" }
      for (let guess = 0; guess < 20; guess++) {
        expect((await open(`/r/GUESS${guess}`, from)).status).toBe(302)
      }
      const response = await open("/r/JANE", from)
      expect(response.status).toBe(429)
      expect(Number(response.headers["retry-after"])).toBeGreaterThan(0)
      expect(await visits()).toEqual([])
    })

    it("drops a sub_id too long to keep, and keeps the visitor", async () => {
      const response = await open(`/r/JANE?sub_id=${"s".repeat(101)}`)
      expect(new URL(response.headers.location).searchParams.get("ref")).toBe("JANE")
      expect(await visits()).toEqual([expect.objectContaining({ sub_id: null })])
    })

    it("redirects a bot with the code but records no visit", async () => {
      const response = await open("/r/JANE?to=/collections/summer", { "user-agent": BOT })
      expect(response.headers.location).toBe(`${STOREFRONT}/collections/summer?ref=JANE`)
      expect(await visits()).toEqual([])
    })
  },
})
