import { httpSuite } from "../helpers/test-runner"
import { createAdminHeaders, decodeToken, type AdminHeaders } from "../helpers/admin"
import { expectHttpError } from "../helpers/http"
import { checkout, setUpStore, type TestStore } from "../helpers/store"
import { waitForSubscribers } from "../helpers/events"

export default httpSuite({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let store: TestStore

    const bearer = (token: string) => ({
      headers: { ...store.storeHeaders().headers, authorization: `Bearer ${token}` },
    })

    /** Registers an affiliate identity and signs up; returns a token that carries the affiliate. */
    const signUp = async (email: string, body: Record<string, unknown> = { name: "Sam Seller" }) => {
      const registered = (
        await api.post("/auth/affiliate/emailpass/register", { email, password: "s3cret-pass" })
      ).data.token as string
      const created = await api.post("/store/affiliates", body, bearer(registered))
      const token = (await api.post("/auth/affiliate/emailpass", { email, password: "s3cret-pass" })).data
        .token as string
      return { registered, token, affiliate: created.data.affiliate }
    }

    /** Every key of a JSON value, however deep. */
    const keysOf = (value: unknown): string[] =>
      Array.isArray(value)
        ? value.flatMap(keysOf)
        : value && typeof value === "object"
          ? Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)])
          : []

    // Seeded once: the runner snapshots the database after beforeAll and
    // restores it before every test.
    beforeAll(async () => {
      admin = await createAdminHeaders(api, getContainer())
      store = await setUpStore(api, admin)
    })

    it("signs an affiliate up with Medusa auth, pending, tied to the identity", async () => {
      const { token, affiliate } = await signUp("sam@partners.test", { name: "Sam Seller", code: "sam-shares" })
      expect(affiliate).toEqual(
        expect.objectContaining({
          name: "Sam Seller",
          email: "sam@partners.test",
          code: "SAM-SHARES",
          status: "pending",
          commission_rate: 10,
          referral_query: "ref=SAM-SHARES",
          referral_link: null,
          commission_totals: [],
        })
      )
      expect(decodeToken(token)).toEqual(
        expect.objectContaining({ actor_type: "affiliate", actor_id: affiliate.id })
      )

      const me = (await api.get("/store/affiliates/me", bearer(token))).data.affiliate
      expect(me).toEqual(expect.objectContaining({ id: affiliate.id, code: "SAM-SHARES" }))
      const listed = (await api.get(`/admin/affiliates/${affiliate.id}`, admin)).data.affiliate
      expect(listed.status).toBe("pending")
    })

    it("approves sign-ups at once when the store auto-approves", async () => {
      await api.post("/admin/affiliate-settings", { auto_approve: true }, admin)
      const { affiliate } = await signUp("quick@partners.test")
      expect(affiliate.status).toBe("approved")
    })

    it("refuses a second sign-up, a taken email and bad input, tying nothing", async () => {
      const { token } = await signUp("sam@partners.test")
      await expectHttpError(
        api.post("/store/affiliates", { name: "Again" }, bearer(token)),
        400,
        /already an affiliate/
      )

      await api.post(
        "/admin/affiliates",
        { name: "Taken", email: "taken@partners.test", code: "TAKEN" },
        admin
      )
      const registered = (
        await api.post("/auth/affiliate/emailpass/register", {
          email: "taken@partners.test",
          password: "s3cret-pass",
        })
      ).data.token
      await expectHttpError(
        api.post("/store/affiliates", { name: "Taker" }, bearer(registered)),
        422,
        /email/
      )
      const relogin = (
        await api.post("/auth/affiliate/emailpass", { email: "taken@partners.test", password: "s3cret-pass" })
      ).data.token
      expect(decodeToken(relogin).actor_id).toBe("")

      await expectHttpError(api.post("/store/affiliates", {}, bearer(registered)), 400, /name/)
      await expectHttpError(
        api.post("/store/affiliates", { name: "X", code: "no spaces" }, bearer(registered)),
        400,
        /code/
      )
      expect((await api.get("/admin/affiliates", admin)).data.count).toBe(2)
    })

    it("lets an affiliate edit their name, website and payout method, each error naming its field", async () => {
      const sam = await signUp("sam@partners.test", { name: "Sam", code: "SAM" })
      const edit = (body: Record<string, unknown>) => api.post("/store/affiliates/me", body, bearer(sam.token))

      expect((await edit({ name: "Sam Seller" })).data.affiliate).toEqual(
        expect.objectContaining({ name: "Sam Seller", payout_method: null })
      )
      expect(
        (await edit({ name: "Sam S.", payout_method: "bank_transfer", payout_details: { instructions: "IBAN DE00 1234" } }))
          .data.affiliate
      ).toEqual(
        expect.objectContaining({
          name: "Sam S.",
          payout_method: "bank_transfer",
          payout_details: { instructions: "IBAN DE00 1234" },
        })
      )
      await expectHttpError(edit({ name: "" }), 400, /field 'name'/)
      await expectHttpError(edit({ payout_details: { instructions: "cash" } }), 400, /payout_details needs a payout_method/)
      await expectHttpError(edit({ payout_method: "other", payout_details: {} }), 400, /payout_details.instructions/)
      await expectHttpError(edit({}), 400, /give name, website or payout_method/)
      expect((await edit({ website: "https://sam.example.com/blog" })).data.affiliate).toEqual(
        expect.objectContaining({ name: "Sam S.", website: "https://sam.example.com/blog" })
      )
      await expectHttpError(edit({ website: "javascript:alert(1)" }), 400, /website must be an http or https address/)
      await expectHttpError(edit({ website: `https://x.test/${"a".repeat(500)}` }), 400, /field 'website' too big/)
      await expectHttpError(edit({ name: "Sam", email: "other@partners.test" }), 400)
      // Nothing of a refused edit was written.
      const me = (await api.get("/store/affiliates/me", bearer(sam.token))).data.affiliate
      expect(me).toEqual(
        expect.objectContaining({
          name: "Sam S.",
          email: "sam@partners.test",
          website: "https://sam.example.com/blog",
          payout_method: "bank_transfer",
        })
      )
      expect((await edit({ website: null })).data.affiliate).toEqual(expect.objectContaining({ website: null }))
    })

    it("answers 401 without an affiliate token", async () => {
      await expectHttpError(api.get("/store/affiliates/me", store.storeHeaders()), 401)
      await expectHttpError(api.post("/store/affiliates", { name: "Nobody" }, store.storeHeaders()), 401)

      const registered = (
        await api.post("/auth/affiliate/emailpass/register", { email: "half@partners.test", password: "pw-123456" })
      ).data.token
      await expectHttpError(api.get("/store/affiliates/me", bearer(registered)), 401)

      const customerToken = (
        await api.post("/auth/customer/emailpass/register", { email: "shopper@shop.test", password: "pw-123456" })
      ).data.token
      await expectHttpError(api.get("/store/affiliates/me", bearer(customerToken)), 401)
      await expectHttpError(api.get("/store/affiliates/me/commissions", bearer(customerToken)), 401)
    })

    it("keeps a blocked affiliate's dashboard read-only: no new payout details", async () => {
      const sam = await signUp("sam@partners.test", { name: "Sam", code: "SAM" })
      await api.post(`/admin/affiliates/${sam.affiliate.id}`, { status: "approved" }, admin)
      const paypal = (email: string) => ({ payout_method: "paypal", payout_details: { paypal_email: email } })
      await api.post("/store/affiliates/me", paypal("sam@paypal.test"), bearer(sam.token))

      await api.post(`/admin/affiliates/${sam.affiliate.id}`, { status: "blocked" }, admin)
      await expectHttpError(
        api.post("/store/affiliates/me", paypal("thief@paypal.test"), bearer(sam.token)),
        403,
        /affiliate account is blocked/
      )
      await expectHttpError(
        api.post("/store/affiliates/me", { payout_method: null }, bearer(sam.token)),
        403,
        /affiliate account is blocked/
      )

      // Reads keep working, and show the payout method unchanged.
      const me = (await api.get("/store/affiliates/me", bearer(sam.token))).data.affiliate
      expect(me).toEqual(
        expect.objectContaining({ status: "blocked", payout_method: "paypal", payout_details: { paypal_email: "sam@paypal.test" } })
      )
      expect((await api.get("/store/affiliates/me/commissions", bearer(sam.token))).status).toBe(200)
      const { affiliate } = (await api.get(`/admin/affiliates/${sam.affiliate.id}`, admin)).data
      expect(affiliate.payout_details).toEqual({ paypal_email: "sam@paypal.test" })
    })

    it("shows an affiliate their own customers and commissions, and no one else's", async () => {
      const sam = await signUp("sam@partners.test", { name: "Sam", code: "SAM" })
      const ann = await signUp("ann@partners.test", { name: "Ann", code: "ANN" })
      await api.post(`/admin/affiliates/${sam.affiliate.id}`, { status: "approved" }, admin)

      const order = await waitForSubscribers(getContainer(), "order.placed", () =>
        checkout(api, store, {
          email: "buyer@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 2 }],
          referralCode: "SAM",
        })
      )

      const commissions = (await api.get("/store/affiliates/me/commissions", bearer(sam.token))).data
      expect(commissions.count).toBe(1)
      expect(commissions.commissions[0]).toEqual(
        expect.objectContaining({
          order_id: order.id,
          // What was sold, by the order's number: never who bought it.
          order: {
            display_id: expect.any(Number),
            items: [{ product_title: expect.stringContaining("Shirt"), variant_title: "One", quantity: 2 }],
          },
          base_amount: 39.98,
          amount: 4,
          net_amount: 4,
          attribution: "link",
          status: "pending",
        })
      )
      const customers = (await api.get("/store/affiliates/me/customers", bearer(sam.token))).data
      expect(customers.customers).toEqual([
        expect.objectContaining({
          email: "b***@shop.test",
          connected: true,
          order_count: 1,
          first_order_at: expect.any(String),
          revenue: [{ currency_code: "eur", amount: 39.98 }],
        }),
      ])
      expect(customers.customers[0]).not.toHaveProperty("id")
      const me = (await api.get("/store/affiliates/me", bearer(sam.token))).data.affiliate
      expect(me.commission_totals).toEqual([expect.objectContaining({ currency_code: "eur", pending: 4, net: 4 })])
      // Money as plain numbers only: no `raw_*` twins, no internal fields.
      expect(keysOf({ me, commissions, customers }).filter((key) => key.startsWith("raw_"))).toEqual([])
      expect(me).not.toHaveProperty("program_id")

      expect((await api.get("/store/affiliates/me/commissions", bearer(ann.token))).data.count).toBe(0)
      expect((await api.get("/store/affiliates/me/customers", bearer(ann.token))).data.count).toBe(0)
    })
  },
})
