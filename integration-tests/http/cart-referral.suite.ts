import { httpSuite } from "../helpers/test-runner"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import { waitForSubscribers } from "../helpers/events"
import { expectHttpError } from "../helpers/http"
import { signedReferralMetadata } from "../helpers/referrals"
import { checkout, setUpStore, type CheckoutInput, type TestStore } from "../helpers/store"

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * A referral code counts only as the referral route recorded it: Medusa's own
 * `POST /store/carts/:id` lets a shopper write any metadata, and the route is
 * rate limited per client.
 */
export default httpSuite({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let store: TestStore
    let service: AffiliateModuleService
    let janeId: string
    let maxId: string

    const items = () => [{ variant_id: store.variants.shirt, quantity: 1 }]

    /** A guest checkout; returns the order's recorded decision and its commissions. */
    const placeOrder = async (input: Omit<CheckoutInput, "email" | "items">) => {
      const order = await waitForSubscribers(getContainer(), "order.placed", () =>
        checkout(api, store, { email: "guest@shop.test", items: items(), ...input })
      )
      const [decision] = await service.listAffiliateOrderAttributions({ order_id: order.id })
      const commissions = await service.listAffiliateCommissions({ order_id: order.id })
      return { outcome: decision.outcome, affiliate_id: decision.affiliate_id, commissions }
    }

    /** What a shopper can do with any cart id: write its metadata through Medusa's own route. */
    const writeMetadata =
      (metadata: Record<string, unknown>) =>
      (cartId: string, headers: { headers: Record<string, string> }) =>
        api.post(`/store/carts/${cartId}`, { metadata }, headers)

    const fromAddress = (address: string) => ({
      headers: { ...store.storeHeaders().headers, "x-forwarded-for": address },
    })

    const newCart = async () =>
      (
        await api.post(
          "/store/carts",
          { region_id: store.regionId, sales_channel_id: store.salesChannelId },
          store.storeHeaders()
        )
      ).data.cart as { id: string }

    beforeAll(async () => {
      const container = getContainer()
      admin = await createAdminHeaders(api, container)
      service = container.resolve(AFFILIATE_MODULE)
      store = await setUpStore(api, admin)
      const affiliate = async (name: string, code: string) =>
        (
          await api.post(
            "/admin/affiliates",
            { name, email: `${code.toLowerCase()}@aff.test`, code, status: "approved" },
            admin
          )
        ).data.affiliate.id as string
      janeId = await affiliate("Jane", "JANE")
      maxId = await affiliate("Max", "MAX")
      // Only the code counts: no buyer becomes anyone's connected customer.
      await api.post("/admin/affiliate-settings", { auto_connect: false }, admin)
    })

    describe("only a code the referral route signed is credited", () => {
      it("ignores a code written into the cart's metadata through Medusa's cart route", async () => {
        const result = await placeOrder({
          prepareCart: writeMetadata({
            affiliate_code: "JANE",
            affiliate_code_at: new Date().toISOString(),
          }),
        })
        expect(result).toEqual({ outcome: "no_affiliate", affiliate_id: null, commissions: [] })

        // The route's code on the same kind of order is credited.
        const recorded = await placeOrder({ referralCode: "JANE" })
        expect(recorded.outcome).toBe("credited")
        expect(recorded.commissions).toEqual([expect.objectContaining({ affiliate_id: janeId, attribution: "link" })])
      })

      it("does not credit another affiliate whose code a shopper wrote over the route's", async () => {
        const result = await placeOrder({
          referralCode: "JANE",
          prepareCart: async (cartId, headers) => {
            const { cart } = (await api.get(`/store/carts/${cartId}`, headers)).data
            await writeMetadata({ ...cart.metadata, affiliate_code: "MAX" })(cartId, headers)
          },
        })
        expect(result.outcome).toBe("no_affiliate")
        expect(result.commissions).toEqual([])
        expect((await service.listAffiliateCommissions({ affiliate_id: maxId })).length).toBe(0)
      })

      it("counts the window from the signed time, whatever time a shopper writes", async () => {
        const program = await service.createAffiliatePrograms({ name: "One day", referral_window_days: 1 })
        await service.updateAffiliates({ id: janeId, program_id: program.id })
        // A code the route recorded three days ago (its signed metadata, copied back onto a cart).
        const threeDaysOld = signedReferralMetadata(getContainer(), "JANE", new Date(Date.now() - 3 * DAY_MS))

        expect((await placeOrder({ prepareCart: writeMetadata(threeDaysOld) })).outcome).toBe("no_affiliate")
        for (const time of [new Date(Date.now() + DAY_MS).toISOString(), null, "garbage"]) {
          const result = await placeOrder({
            prepareCart: writeMetadata({ ...threeDaysOld, affiliate_code_at: time }),
          })
          expect({ time, ...result }).toEqual({ time, outcome: "no_affiliate", affiliate_id: null, commissions: [] })
        }
        // A code recorded now is inside the window.
        expect((await placeOrder({ referralCode: "JANE" })).outcome).toBe("credited")
      })
    })

    describe("control characters", () => {
      it("refuses a NUL byte or another control character in a referral code with a 400", async () => {
        const cart = await newCart()
        for (const code of ["JA\u0000NE", "\u0000", "JANE\u001b[2J"]) {
          await expectHttpError(
            api.post(`/store/carts/${cart.id}/affiliate`, { code }, store.storeHeaders()),
            400,
            /code must not contain control characters/
          )
        }
        const { cart: after } = (await api.get(`/store/carts/${cart.id}`, store.storeHeaders())).data
        expect(after.metadata).toBeNull()
      })

      it("refuses them in sign-up, admin names and searches, and keeps line breaks where text has lines", async () => {
        const email = "nul@partners.test"
        const registered = (
          await api.post("/auth/affiliate/emailpass/register", { email, password: "s3cret-pass" })
        ).data.token as string
        const withToken = (token: string) => ({
          headers: { ...store.storeHeaders().headers, authorization: `Bearer ${token}` },
        })
        await expectHttpError(
          api.post("/store/affiliates", { name: "Ja\u0000ne" }, withToken(registered)),
          400,
          /name must not contain control characters/
        )
        await api.post("/store/affiliates", { name: "Jane Nul" }, withToken(registered))
        const token = (await api.post("/auth/affiliate/emailpass", { email, password: "s3cret-pass" })).data
          .token as string
        const payout = (instructions: string) =>
          api.post(
            "/store/affiliates/me",
            { payout_method: "other", payout_details: { instructions } },
            withToken(token)
          )
        expect((await payout("IBAN DE00 0000\nBIC XXXX\tthanks")).status).toBe(200)
        await expectHttpError(
          payout("IBAN\u0000"),
          400,
          /payout_details.instructions must not contain control characters/
        )

        await expectHttpError(
          api.post("/admin/affiliates", { name: "Bad\u0007Bell", email: "bell@aff.test" }, admin),
          400,
          /name must not contain control characters/
        )
        for (const list of ["affiliates", "affiliate-connections", "affiliate-commissions", "affiliate-programs"]) {
          await expectHttpError(api.get(`/admin/${list}?q=ja%00ne`, admin), 400, /q must not contain control characters/)
        }
        expect((await api.get("/admin/affiliates?q=jane", admin)).status).toBe(200)
      })
    })

    describe("rate limit per client", () => {
      it("answers 429 after 20 failed guesses a minute, even for a valid code, writing nothing", async () => {
        const cart = await newCart()
        const guesser = fromAddress("203.0.113.7")
        type Answer = { status: number; headers: Record<string, unknown>; data: unknown }
        const statusOf = (code: string, headers = guesser): Promise<Answer> =>
          api.post(`/store/carts/${cart.id}/affiliate`, { code }, headers).then(
            (response: Answer) => response,
            (error: { response: Answer }) => error.response
          )

        // Sent at once: the guesses still running count, so no more than 20 get through.
        const guesses = await Promise.all(Array.from({ length: 25 }, (_, i) => statusOf(`GUESS${i}`)))
        const statuses = guesses.map((response) => response.status).sort()
        expect(statuses).toEqual([...Array(20).fill(400), ...Array(5).fill(429)])

        const refused = await statusOf("JANE")
        expect(refused.status).toBe(429)
        expect(refused.data).toEqual({
          type: "not_allowed",
          message: expect.stringMatching(/^Too many requests from this address: try again in \d+ seconds$/),
        })
        const retryAfter = Number(refused.headers["retry-after"])
        expect(retryAfter).toBeGreaterThanOrEqual(1)
        expect(retryAfter).toBeLessThanOrEqual(60)
        const { cart: untouched } = (await api.get(`/store/carts/${cart.id}`, store.storeHeaders())).data
        expect(untouched.metadata).toBeNull()

        // Another client is not held back.
        expect((await statusOf("JANE", fromAddress("203.0.113.8"))).status).toBe(200)

        // Once the minute has passed, the guesser's valid code is taken.
        const now = Date.now()
        const later = jest.spyOn(Date, "now").mockImplementation(() => now + 61 * 1000)
        const accepted = await statusOf("MAX").finally(() => later.mockRestore())
        expect(accepted.status).toBe(200)
        const { cart: referred } = (await api.get(`/store/carts/${cart.id}`, store.storeHeaders())).data
        expect(referred.metadata.affiliate_code).toBe("MAX")
      })
    })
  },
})
