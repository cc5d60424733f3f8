import { Modules } from "@medusajs/framework/utils"
import { httpSuite } from "../helpers/test-runner"
import { approveHeldCommissions } from "../../src/jobs/approve-held-commissions"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import { captureEvents, waitForSubscribers } from "../helpers/events"
import { expectHttpError } from "../helpers/http"
import { emailsSent } from "../helpers/notifications"
import { checkout, paymentOf, setUpStore, type TestStore } from "../helpers/store"

type Affiliate = { id: string; code: string }
type Balance = { currency_code: string; on_hold: number; payable: number; in_payout: number; paid: number }
type Payout = { id: string; amount: number; status: string; currency_code: string; affiliate: { id: string } }

export default httpSuite({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: AdminHeaders
    let store: TestStore
    let service: AffiliateModuleService
    let jane: Affiliate
    let max: Affiliate

    const createAffiliate = async (body: Record<string, unknown>) =>
      (await api.post("/admin/affiliates", body, admin)).data.affiliate as Affiliate

    /** An order of `shirts` × 19.99 € referred by `code`, credited; returns its commission. */
    const referredOrder = async (code: string, shirts = 1) => {
      const order = await waitForSubscribers(getContainer(), "order.placed", () =>
        checkout(api, store, {
          email: `buyer-${code.toLowerCase()}-${Math.random().toString(36).slice(2)}@shop.test`,
          items: [{ variant_id: store.variants.shirt, quantity: shirts }],
          referralCode: code,
        })
      )
      const [commission] = await service.listAffiliateCommissions({ order_id: order.id })
      return { order, commission }
    }

    const approve = (id: string) =>
      api.post(`/admin/affiliate-commissions/${id}`, { status: "approved" }, admin)

    const balanceOf = async (affiliateId: string) => {
      const { affiliate_balances } = (
        await api.get(`/admin/affiliate-balances?affiliate_id=${affiliateId}`, admin)
      ).data
      return affiliate_balances[0] as Balance | undefined
    }

    const createBatch = async (body: Record<string, unknown> = {}) =>
      (await api.post("/admin/affiliate-payouts", body, admin)).data.affiliate_payout_batch as {
        id: string
        totals: { currency_code: string; amount: number; payout_count: number }[]
        payouts: Payout[]
      }

    /** An approved commission of `amount`, written directly: the payout paths are the subject. */
    const approvedCommission = (affiliateId: string, amount: number, currency_code = "eur") =>
      service.createAffiliateCommissions({
        affiliate_id: affiliateId,
        order_id: `order_${Math.random().toString(36).slice(2)}`,
        customer_id: null,
        currency_code,
        base_amount: amount * 10,
        rate: 10,
        amount,
        attribution: "link",
        status: "approved",
      })

    const setPayoutMethod = async (affiliateId: string, body: Record<string, unknown>) =>
      (await api.post(`/admin/affiliates/${affiliateId}/payout-method`, body, admin)) as {
        data: { affiliate: Record<string, unknown> }
      }

    const setPayoutStatus = (id: string, body: Record<string, unknown>) =>
      api.post(`/admin/affiliate-payouts/${id}`, body, admin)

    // Seeded once: the runner snapshots the database after beforeAll and
    // restores it before every test.
    beforeAll(async () => {
      const container = getContainer()
      admin = await createAdminHeaders(api, container)
      service = container.resolve(AFFILIATE_MODULE)
      store = await setUpStore(api, admin)
      jane = await createAffiliate({ name: "Jane", email: "jane@aff.test", code: "JANE", status: "approved" })
      max = await createAffiliate({ name: "Max", email: "max@aff.test", code: "MAX", status: "approved" })
      // A batch pays only affiliates who said how (see "payout method").
      for (const affiliate of [jane, max]) {
        await setPayoutMethod(affiliate.id, {
          payout_method: "bank_transfer",
          payout_details: { instructions: `Pay ${affiliate.code} by bank` },
        })
      }
    })

    describe("hold period", () => {
      it("keeps a new commission pending until its hold ends, then the job approves it", async () => {
        await api.post(
          "/admin/affiliate-settings",
          { hold_days: 30, auto_approve_commissions: true },
          admin
        )
        const { order, commission } = await referredOrder("JANE")
        expect(commission.status).toBe("pending")
        const placedAt = new Date((await api.get(`/admin/orders/${order.id}`, admin)).data.order.created_at)
        expect(new Date(commission.available_at!).getTime()).toBe(
          placedAt.getTime() + 30 * 24 * 60 * 60 * 1000
        )

        await expectHttpError(approve(commission.id), 400, /hold period .* on hold until/)
        // The job leaves it alone while it is held.
        expect(await approveHeldCommissions(getContainer())).toEqual({ approved: 0, rejected: 0 })
        expect(await balanceOf(jane.id)).toEqual(
          expect.objectContaining({ on_hold: 2, payable: 0 })
        )

        // Thirty days later.
        await service.updateAffiliateCommissions({
          id: commission.id,
          available_at: new Date(Date.now() - 1000),
        })
        expect(await approveHeldCommissions(getContainer())).toEqual({ approved: 1, rejected: 0 })
        const [approved] = await service.listAffiliateCommissions({ id: commission.id })
        expect(approved.status).toBe("approved")
        expect(await balanceOf(jane.id)).toEqual(
          expect.objectContaining({ on_hold: 0, payable: 2 })
        )
      })

      it("rejects a held commission whose order was fully refunded meanwhile", async () => {
        await api.post(
          "/admin/affiliate-settings",
          { hold_days: 14, auto_approve_commissions: true },
          admin
        )
        const { order, commission } = await referredOrder("JANE")
        const payment = await paymentOf(api, admin, order.id)
        await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
        await waitForSubscribers(getContainer(), "payment.refunded", () =>
          api.post(`/admin/payments/${payment.id}/refund`, { amount: order.total }, admin)
        )

        await service.updateAffiliateCommissions({
          id: commission.id,
          available_at: new Date(Date.now() - 1000),
        })
        expect(await approveHeldCommissions(getContainer())).toEqual({ approved: 0, rejected: 1 })
        const [rejected] = await service.listAffiliateCommissions({ id: commission.id })
        expect(rejected).toEqual(expect.objectContaining({ status: "rejected", reason: "order_refunded" }))
      })

      it("without auto-approve, the admin approves once the hold is over", async () => {
        await api.post("/admin/affiliate-settings", { hold_days: 30 }, admin)
        const { commission } = await referredOrder("JANE")
        await expectHttpError(approve(commission.id), 400, /on hold until/)
        await service.updateAffiliateCommissions({
          id: commission.id,
          available_at: new Date(Date.now() - 1000),
        })
        expect(await approveHeldCommissions(getContainer())).toEqual({ approved: 0, rejected: 0 })
        expect((await approve(commission.id)).data.affiliate_commission.status).toBe("approved")
      })
    })

    describe("payout batches", () => {
      it("pays each affiliate's approved commissions at or above the minimum, once", async () => {
        await api.post("/admin/affiliate-settings", { minimum_payouts: { eur: 5 } }, admin)
        const events = captureEvents(getContainer())
        // Jane: 6.00 + 2.00 approved, 2.00 pending; Max: 4.00 approved (under the minimum).
        const janeOrders = [await referredOrder("JANE", 3), await referredOrder("JANE")]
        const pending = await referredOrder("JANE")
        const maxOrder = await referredOrder("MAX", 2)
        for (const { commission } of [...janeOrders, maxOrder]) {
          await approve(commission.id)
        }

        const batch = await createBatch()
        expect(batch.totals).toEqual([{ currency_code: "eur", amount: 8, payout_count: 1 }])
        expect(batch.payouts).toEqual([
          expect.objectContaining({ amount: 8, status: "draft", currency_code: "eur", affiliate: expect.objectContaining({ id: jane.id }) }),
        ])
        const payout = (await api.get(`/admin/affiliate-payouts/${batch.payouts[0].id}`, admin)).data
          .affiliate_payout
        expect(payout.items.map((item: { commission_id: string }) => item.commission_id).sort()).toEqual(
          janeOrders.map(({ commission }) => commission.id).sort()
        )
        expect(events.named("affiliate_payout.created").map((e) => e.data)).toEqual([{ id: payout.id }])

        expect(await balanceOf(jane.id)).toEqual(
          expect.objectContaining({ on_hold: 2, payable: 0, in_payout: 8, paid: 0 })
        )
        expect(await balanceOf(max.id)).toEqual(
          expect.objectContaining({ payable: 4, in_payout: 0 })
        )
        // Nothing left at or above the minimum: a second batch has nothing to pay.
        await expectHttpError(createBatch(), 400, /Nothing to pay/)
        // A commission held by a payout moves with it, not by hand.
        await expectHttpError(
          api.post(
            `/admin/affiliate-commissions/${janeOrders[0].commission.id}`,
            { status: "rejected", reason: "changed my mind" },
            admin
          ),
          400,
          /held by a payout/
        )
        expect(pending.commission.status).toBe("pending")
        events.restore()
      })

      it("paid marks the commissions paid; failed releases them into the next batch", async () => {
        const events = captureEvents(getContainer())
        const first = await referredOrder("JANE", 3)
        await approve(first.commission.id)

        const failing = (await createBatch()).payouts[0]
        await setPayoutStatus(failing.id, { status: "processing", provider_reference: "PP-123" })
        await expectHttpError(setPayoutStatus(failing.id, { status: "canceled" }), 400, /processing: it can only become paid, failed/)
        const failed = (
          (await waitForSubscribers(getContainer(), "affiliate_payout.failed", () =>
            setPayoutStatus(failing.id, { status: "failed", reason: "PayPal account closed" })
          )) as {
            data: {
              affiliate_payout: Payout & { batch_id: string; reason: string; items: { released_at: string | null }[] }
            }
          }
        ).data.affiliate_payout
        expect(failed).toEqual(expect.objectContaining({ status: "failed", reason: "PayPal account closed" }))
        expect(failed.items[0].released_at).not.toBeNull()
        expect(events.named("affiliate_payout.failed").map((e) => e.data)).toEqual([{ id: failing.id }])
        // Its batch has nothing left to export: said, not an empty file.
        await expectHttpError(
          api.get(`/admin/affiliate-payout-batches/${failed.batch_id}/export`, admin),
          400,
          /Nothing to export: every payout of this batch failed or was canceled/
        )
        // The admin's notification bell says so.
        const { notifications } = (await api.get("/admin/notifications?channel=feed", admin)).data
        expect(notifications).toEqual([
          expect.objectContaining({
            resource_id: failing.id,
            data: {
              title: "Affiliate payout failed",
              description:
                "The payout of €6.00 to Jane failed: PayPal account closed. Its commissions are payable again in the next batch.",
            },
          }),
        ])
        expect(await balanceOf(jane.id)).toEqual(expect.objectContaining({ payable: 6, in_payout: 0 }))

        const retry = (await createBatch({ affiliate_ids: [jane.id] })).payouts[0]
        expect(retry).toEqual(expect.objectContaining({ amount: 6 }))
        const paid = (await setPayoutStatus(retry.id, { status: "paid" })).data.affiliate_payout
        expect(paid.status).toBe("paid")
        expect(paid.paid_at).not.toBeNull()
        const [commission] = await service.listAffiliateCommissions({ id: first.commission.id })
        expect(commission.status).toBe("paid")
        expect(events.named("affiliate_payout.paid").map((e) => e.data)).toEqual([{ id: retry.id }])
        // One email for the payout, however often its event arrives.
        await waitForSubscribers(getContainer(), "affiliate_payout.paid", () =>
          getContainer()
            .resolve(Modules.EVENT_BUS)
            .emit({ name: "affiliate_payout.paid", data: { id: retry.id } })
        )
        const sent = await getContainer()
          .resolve(Modules.NOTIFICATION)
          .listNotifications({ template: "affiliate-payout-paid" })
        expect(sent).toEqual([
          expect.objectContaining({
            to: "jane@aff.test",
            resource_id: retry.id,
            data: expect.objectContaining({
              payout: expect.objectContaining({ id: retry.id, amount: 6, currency_code: "eur" }),
            }),
          }),
        ])
        expect(await balanceOf(jane.id)).toEqual(
          expect.objectContaining({ payable: 0, in_payout: 0, paid: 6 })
        )
        await expectHttpError(setPayoutStatus(retry.id, { status: "failed" }), 400, /paid: it cannot change/)
        events.restore()
      })

      it("deducts a refund after payment from the next payout", async () => {
        const refundedOrder = await referredOrder("JANE", 3)
        await approve(refundedOrder.commission.id)
        const first = (await createBatch()).payouts[0]
        await setPayoutStatus(first.id, { status: "paid" })

        // 6.00 paid; the buyer gets a third back: −2.00 owed back.
        const payment = await paymentOf(api, admin, refundedOrder.order.id)
        await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
        await waitForSubscribers(getContainer(), "payment.refunded", () =>
          api.post(`/admin/payments/${payment.id}/refund`, { amount: 19.99 }, admin)
        )
        // 6.00 × 19.99 / 64.92 = 1.8475… → 1.85
        expect(await balanceOf(jane.id)).toEqual(
          expect.objectContaining({ payable: -1.85, paid: 6 })
        )
        await expectHttpError(createBatch(), 400, /Nothing to pay/)

        const next = await referredOrder("JANE", 3)
        await approve(next.commission.id)
        const second = (await createBatch()).payouts[0]
        expect(second.amount).toBe(4.15)
        const items = (await api.get(`/admin/affiliate-payouts/${second.id}`, admin)).data.affiliate_payout.items
        expect(items).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ commission_id: next.commission.id, amount: 6 }),
            expect.objectContaining({ commission_id: null, amount: -1.85 }),
          ])
        )
        await setPayoutStatus(second.id, { status: "paid" })
        expect(await balanceOf(jane.id)).toEqual(
          expect.objectContaining({ payable: 0, paid: 10.15 })
        )
      })

      it("never puts a commission in two payouts when batches are created at once", async () => {
        for (let i = 0; i < 4; i++) {
          await approve((await referredOrder(i % 2 ? "JANE" : "MAX")).commission.id)
        }
        const results = await Promise.allSettled(
          Array.from({ length: 5 }, () => api.post("/admin/affiliate-payouts", {}, admin))
        )
        const created = results.filter((r) => r.status === "fulfilled")
        expect(created).toHaveLength(1)
        for (const result of results.filter((r) => r.status === "rejected")) {
          expect((result as PromiseRejectedResult).reason.response.status).toBe(400)
        }
        const [{ count }] = (
          await dbConnection.raw(`
            select count(*)::int as count from affiliate_payout_item
            where released_at is null and deleted_at is null`)
        ).rows
        expect(count).toBe(4)
        const [{ held_twice }] = (
          await dbConnection.raw(`
            select count(*)::int as held_twice from (
              select commission_id from affiliate_payout_item
              where released_at is null and deleted_at is null
              group by commission_id having count(*) > 1) t`)
        ).rows
        expect(held_twice).toBe(0)
      })

      it("sends a draft payout to a payout provider once, keyed by the payout's id", async () => {
        await approve((await referredOrder("JANE", 3)).commission.id)
        await approve((await referredOrder("MAX")).commission.id)
        await setPayoutMethod(max.id, { payout_method: "paypal", payout_details: { paypal_email: "refused@paypal.test" } })
        const { payouts } = await createBatch()
        const janePayout = payouts.find((p) => p.affiliate.id === jane.id)!
        const maxPayout = payouts.find((p) => p.affiliate.id === max.id)!

        await expectHttpError(
          api.post(`/admin/affiliate-payouts/${janePayout.id}/pay`, { provider_id: "stripe" }, admin),
          400,
          /Unknown payout provider stripe: the store has manual, test/
        )
        const sent = (await api.post(`/admin/affiliate-payouts/${janePayout.id}/pay`, { provider_id: "test" }, admin)).data
          .affiliate_payout
        expect(sent).toEqual(
          expect.objectContaining({
            status: "processing",
            provider_id: "test",
            provider_reference: `TEST-${janePayout.id}-6-eur`,
          })
        )
        // Sent once: a second call is refused, the provider is not asked again.
        await expectHttpError(
          api.post(`/admin/affiliate-payouts/${janePayout.id}/pay`, { provider_id: "test" }, admin),
          400,
          /only a draft payout can be sent/
        )
        // The provider refuses: the payout stays a draft, nothing recorded.
        await expectHttpError(
          api.post(`/admin/affiliate-payouts/${maxPayout.id}/pay`, { provider_id: "test" }, admin),
          400,
          /provider test did not pay .*refused refused@paypal.test/
        )
        const refused = (await api.get(`/admin/affiliate-payouts/${maxPayout.id}`, admin)).data.affiliate_payout
        expect(refused).toEqual(expect.objectContaining({ status: "draft", provider_reference: null }))
        // The manual provider records that the store pays it by hand.
        const manual = (await api.post(`/admin/affiliate-payouts/${maxPayout.id}/pay`, {}, admin)).data.affiliate_payout
        expect(manual).toEqual(
          expect.objectContaining({ status: "processing", provider_id: "manual", provider_reference: maxPayout.id })
        )
      })

      it("refuses bad input with a 400 and unknown payouts with a 404", async () => {
        await expectHttpError(api.post("/admin/affiliate-payouts", { currency_code: "euro" }, admin), 400, /currency_code/)
        await expectHttpError(api.post("/admin/affiliate-payouts", { affiliate_ids: [] }, admin), 400, /affiliate_ids/)
        await expectHttpError(setPayoutStatus("affpo_missing", { status: "paid" }), 404)
        await expectHttpError(api.get("/admin/affiliate-payout-batches/affpb_missing/export", admin), 404)
        await expectHttpError(api.post("/admin/affiliate-settings", { hold_days: -1 }, admin), 400, /hold_days/)
        await expectHttpError(
          api.post("/admin/affiliate-settings", { minimum_payouts: { EUR: 5 } }, admin),
          400,
          /minimum_payouts/
        )
      })
    })

    describe("payout method", () => {
      it("lets an admin set and clear an affiliate's payout method, recorded and told to the affiliate", async () => {
        const { user } = (await api.get("/admin/users/me", admin)).data
        const set = await waitForSubscribers(getContainer(), "affiliate.payout_method_updated", () =>
          setPayoutMethod(max.id, {
            payout_method: "paypal",
            payout_details: { paypal_email: "Max.Pays@PayPal.test" },
          })
        )
        expect(set.data.affiliate).toEqual(
          expect.objectContaining({
            id: max.id,
            payout_method: "paypal",
            payout_details: { paypal_email: "max.pays@paypal.test" },
            payout_method_updated_by: user.id,
            payout_method_updated_at: expect.any(String),
          })
        )
        const told = await emailsSent(getContainer(), { to: "max@aff.test", template: "affiliate-payout-method-updated" })
        // One email a change: the method set when the file was seeded, then this one.
        expect(told.map((email) => email.data)).toEqual([
          expect.objectContaining({ payout_method: "bank_transfer", updated_by: "store" }),
          expect.objectContaining({ payout_method: "paypal", updated_by: "store" }),
        ])
        // The details stay out of the email: only the method is named.
        expect(JSON.stringify(told[1].data)).not.toContain("max.pays@paypal.test")

        const cleared = await setPayoutMethod(max.id, { payout_method: null })
        expect(cleared.data.affiliate).toEqual(
          expect.objectContaining({ payout_method: null, payout_details: null })
        )
      })

      it("names the field of a bad payout method and changes nothing", async () => {
        await expectHttpError(
          setPayoutMethod(max.id, { payout_method: "paypal", payout_details: { paypal_email: "nope" } }),
          400,
          /payout_details\.paypal_email/
        )
        await expectHttpError(setPayoutMethod(max.id, { payout_method: "other" }), 400, /payout_details/)
        await expectHttpError(setPayoutMethod(max.id, {}), 400, /payout_method/)
        await expectHttpError(setPayoutMethod(max.id, { payout_method: "cash" }), 400, /payout_method/)
        await expectHttpError(
          setPayoutMethod("aff_unknown", { payout_method: "other", payout_details: { instructions: "x" } }),
          404
        )
        const [stored] = await service.listAffiliates({ id: max.id }, { select: ["payout_method", "payout_details"] })
        expect(stored).toEqual(
          expect.objectContaining({ payout_method: "bank_transfer", payout_details: { instructions: "Pay MAX by bank" } })
        )
      })

      it("leaves affiliates without a payout method out of a batch, unless asked, and says why", async () => {
        const nina = await createAffiliate({ name: "Nina", email: "nina@aff.test", code: "NINA", status: "approved" })
        await approvedCommission(nina.id, 4)
        const balance = (await api.get(`/admin/affiliate-balances?affiliate_id=${nina.id}`, admin)).data
          .affiliate_balances[0]
        expect(balance).toEqual(
          expect.objectContaining({ payable: 4, excluded_reason: "no_payout_method" })
        )
        await expectHttpError(createBatch(), 400, /Nothing to pay: no affiliate with a payout method/)

        await approvedCommission(jane.id, 3)
        const batch = await createBatch()
        expect(batch.payouts.map((payout) => payout.affiliate.id)).toEqual([jane.id])
        expect(await balanceOf(nina.id)).toEqual(expect.objectContaining({ payable: 4, in_payout: 0 }))

        const withOthers = await createBatch({ include_without_payout_method: true })
        expect(withOthers.payouts).toEqual([
          expect.objectContaining({ amount: 4, payout_method: null, affiliate: expect.objectContaining({ id: nina.id }) }),
        ])

        // The batches list says where each stands.
        await setPayoutStatus(withOthers.payouts[0].id, { status: "paid" })
        const { affiliate_payout_batches } = (await api.get("/admin/affiliate-payout-batches", admin)).data
        expect(affiliate_payout_batches).toEqual([
          expect.objectContaining({ id: withOthers.id, status: "paid", paid_count: 1, active_count: 1 }),
          expect.objectContaining({ id: batch.id, status: "open", paid_count: 0, active_count: 1 }),
        ])
        await expectHttpError(createBatch({ include_without_payout_method: "yes" }), 400, /include_without_payout_method/)
      })
    })

    describe("affiliates' payout details and the exports", () => {
      const bearer = (token: string) => ({
        headers: { ...store.storeHeaders().headers, authorization: `Bearer ${token}` },
      })

      const signUp = async (email: string, code: string) => {
        await api.post("/auth/affiliate/emailpass/register", { email, password: "s3cret-pass" })
        const registered = (await api.post("/auth/affiliate/emailpass", { email, password: "s3cret-pass" })).data.token
        const { affiliate } = (await api.post("/store/affiliates", { name: `=HYPERLINK("x") ${code}`, code }, bearer(registered))).data
        await api.post(`/admin/affiliates/${affiliate.id}`, { status: "approved" }, admin)
        const token = (await api.post("/auth/affiliate/emailpass", { email, password: "s3cret-pass" })).data.token as string
        return { affiliate: affiliate as Affiliate, token }
      }

      it("lets an affiliate choose how to be paid, and exports the batch for PayPal and as CSV", async () => {
        const sam = await signUp("sam@partners.test", "SAM")
        await expectHttpError(
          api.post("/store/affiliates/me", { payout_method: "paypal", payout_details: { paypal_email: "not-an-email" } }, bearer(sam.token)),
          400,
          /payout_details\.paypal_email: "not-an-email" is not a valid email address/
        )
        await expectHttpError(
          api.post("/store/affiliates/me", { payout_method: "crypto" }, bearer(sam.token)),
          400,
          /payout_method/
        )
        await expectHttpError(api.post("/store/affiliates/me", { payout_method: null }, store.storeHeaders()), 401)
        const me = (
          await waitForSubscribers(getContainer(), "affiliate.payout_method_updated", async () =>
            (await api.post(
              "/store/affiliates/me",
              { payout_method: "paypal", payout_details: { paypal_email: "Sam.Pays@PayPal.test" } },
              bearer(sam.token)
            )) as { data: { affiliate: Record<string, unknown> } }
          )
        ).data.affiliate
        expect(me).toEqual(
          expect.objectContaining({ payout_method: "paypal", payout_details: { paypal_email: "sam.pays@paypal.test" } })
        )
        // The admin's affiliate page shows where to pay them, and that they chose it.
        const { affiliate: seenByAdmin } = (await api.get(`/admin/affiliates/${sam.affiliate.id}`, admin)).data
        expect(seenByAdmin).toEqual(
          expect.objectContaining({
            payout_method: "paypal",
            payout_details: { paypal_email: "sam.pays@paypal.test" },
            payout_method_updated_by: "affiliate",
          })
        )
        const told = await emailsSent(getContainer(), { to: "sam@partners.test", template: "affiliate-payout-method-updated" })
        expect(told.map((email) => email.data)).toEqual([expect.objectContaining({ updated_by: "affiliate" })])
        await api.post(
          "/admin/affiliate-settings",
          { minimum_payouts: {} },
          admin
        )
        const samOrder = await referredOrder("SAM", 3)
        await approve(samOrder.commission.id)
        await approve((await referredOrder("JANE")).commission.id)

        const balance = (await api.get("/store/affiliates/me", bearer(sam.token))).data.affiliate.balances
        expect(balance).toEqual([
          { currency_code: "eur", on_hold: 0, payable: 6, in_payout: 0, paid: 0 },
        ])

        const batch = await createBatch()
        const samPayout = batch.payouts.find((p) => p.affiliate.id === sam.affiliate.id)!
        const janePayout = batch.payouts.find((p) => p.affiliate.id === jane.id)!

        const paypal = await api.get(`/admin/affiliate-payout-batches/${batch.id}/export?format=paypal`, admin)
        expect(paypal.headers["content-type"]).toMatch(/text\/csv/)
        // Email, amount, currency, customer id (the payout id without its prefix: PayPal takes 30
        // characters), note, wallet; no header; only affiliates paid by PayPal.
        const reference = samPayout.id.replace("affpo_", "")
        expect(reference).toHaveLength(26)
        expect(paypal.data).toBe(`sam.pays@paypal.test,6.00,EUR,${reference},Affiliate commissions,PAYPAL\n`)

        const csv = (await api.get(`/admin/affiliate-payout-batches/${batch.id}/export`, admin)).data as string
        const lines = csv.trim().split("\n")
        expect(lines[0]).toBe(
          "payout_id,batch_id,status,affiliate_id,affiliate_code,affiliate_name,affiliate_email,payout_method,paypal_email,payout_instructions,currency_code,amount"
        )
        expect(lines).toHaveLength(3)
        // A name that is a formula reaches the spreadsheet as text.
        expect(csv).toContain(`"'=HYPERLINK(""x"") SAM"`)
        expect(csv).toContain(`${janePayout.id},${batch.id},draft,${jane.id},JANE,Jane,jane@aff.test,bank_transfer,,Pay JANE by bank,eur,2.00`)

        // A draft payout is, in the affiliate's words, pending.
        expect((await api.get("/store/affiliates/me/payouts", bearer(sam.token))).data.payouts).toEqual([
          expect.objectContaining({ id: samPayout.id, status: "pending" }),
        ])
        await setPayoutStatus(samPayout.id, { status: "paid" })
        const payouts = (await api.get("/store/affiliates/me/payouts", bearer(sam.token))).data
        expect(payouts).toEqual(
          expect.objectContaining({
            count: 1,
            payouts: [expect.objectContaining({ id: samPayout.id, amount: 6, status: "paid", currency_code: "eur" })],
          })
        )
        expect((await api.get("/store/affiliates/me", bearer(sam.token))).data.affiliate.balances).toEqual([
          { currency_code: "eur", on_hold: 0, payable: 0, in_payout: 0, paid: 6 },
        ])
      })

      it("exports one PayPal file a currency, as PayPal requires", async () => {
        await setPayoutMethod(jane.id, { payout_method: "paypal", payout_details: { paypal_email: "jane@paypal.test" } })
        const credited = { affiliate_id: jane.id, customer_id: null, rate: 10, attribution: "link" as const, status: "approved" as const }
        await service.createAffiliateCommissions([
          { ...credited, order_id: "order_eur", currency_code: "eur", base_amount: 25, amount: 2.5 },
          { ...credited, order_id: "order_usd", currency_code: "usd", base_amount: 37.5, amount: 3.75 },
        ])
        const batch = await createBatch()
        expect(batch.totals).toEqual([
          { currency_code: "eur", amount: 2.5, payout_count: 1 },
          { currency_code: "usd", amount: 3.75, payout_count: 1 },
        ])
        const exportUrl = `/admin/affiliate-payout-batches/${batch.id}/export?format=paypal`
        await expectHttpError(api.get(exportUrl, admin), 400, /one currency and this batch pays eur, usd/)
        for (const [currency, amount] of [["eur", "2.50"], ["usd", "3.75"]]) {
          const payout = batch.payouts.find((p) => p.currency_code === currency)!
          const file = await api.get(`${exportUrl}&currency_code=${currency}`, admin)
          expect(file.headers["content-disposition"]).toContain(`-paypal-${currency}.csv`)
          expect(file.data).toBe(
            `jane@paypal.test,${amount},${currency.toUpperCase()},${payout.id.replace("affpo_", "")},Affiliate commissions,PAYPAL\n`
          )
        }
      })
    })

    describe("money paid once, to the right person", () => {
      /** An approved commission of `amount` for the affiliate, on an order of its own. */
      const paypalTo = (affiliateId: string, email: string) =>
        setPayoutMethod(affiliateId, { payout_method: "paypal", payout_details: { paypal_email: email } })
      const paypalFile = (batchId: string, query = "") =>
        api.get(`/admin/affiliate-payout-batches/${batchId}/export?format=paypal${query}`, admin)

      it("pays the payout details frozen when the batch was made, whatever the affiliate changes later", async () => {
        await paypalTo(jane.id, "jane@paypal.test")
        await approvedCommission(jane.id, 2.5)
        const { id: batchId, payouts } = await createBatch()
        // After the batch, the payout method points somewhere else.
        await paypalTo(jane.id, "refused-thief@paypal.test")

        const payout = (await api.get(`/admin/affiliate-payouts/${payouts[0].id}`, admin)).data.affiliate_payout
        expect(payout).toEqual(
          expect.objectContaining({ payout_method: "paypal", payout_details: { paypal_email: "jane@paypal.test" } })
        )
        expect((await paypalFile(batchId)).data).toMatch(/^jane@paypal\.test,2\.50,EUR,/)
        // The test provider refuses addresses starting with "refused": it is given the frozen one.
        const sent = (await api.post(`/admin/affiliate-payouts/${payouts[0].id}/pay`, { provider_id: "test" }, admin))
          .data.affiliate_payout
        expect(sent.status).toBe("processing")
      })

      it("changes a payout method in one write: no reader ever sees a method without its own details", async () => {
        // Every state of Jane's row, with the transaction that wrote it: the
        // last state of each transaction is one a batch could have read.
        await dbConnection.raw(`
          create table payout_method_states (n serial, tx bigint, payout_method text, payout_details jsonb);
          create function record_payout_method_state() returns trigger language plpgsql as $$
          begin
            insert into payout_method_states (tx, payout_method, payout_details)
              values (txid_current(), new.payout_method, new.payout_details);
            return new;
          end $$;
          create trigger payout_method_states after update on affiliate
            for each row when (new.id = '${jane.id}') execute function record_payout_method_state();
        `)
        await paypalTo(jane.id, "jane@paypal.test")
        await setPayoutMethod(jane.id, { payout_method: "bank_transfer", payout_details: { instructions: "IBAN DE89" } })

        const { rows } = await dbConnection.raw(`
          select distinct on (tx) payout_method, payout_details from payout_method_states order by tx, n desc
        `)
        expect(rows).toEqual([
          { payout_method: "paypal", payout_details: { paypal_email: "jane@paypal.test" } },
          { payout_method: "bank_transfer", payout_details: { instructions: "IBAN DE89" } },
        ])
      })

      it("leaves blocked and deleted affiliates out of a batch and says why in the balances", async () => {
        const zoe = await createAffiliate({ name: "Zoe", email: "zoe@aff.test", code: "ZOE", status: "approved" })
        await Promise.all([jane, max, zoe].map((affiliate) => approvedCommission(affiliate.id, 3)))
        await api.post(`/admin/affiliates/${max.id}`, { status: "blocked" }, admin)
        await api.delete(`/admin/affiliates/${zoe.id}`, admin)

        const { affiliate_balances } = (await api.get("/admin/affiliate-balances", admin)).data
        const reasons = Object.fromEntries(
          affiliate_balances.map((b: { affiliate_id: string; excluded_reason: string | null; payable: number }) => [
            b.affiliate_id,
            [b.payable, b.excluded_reason],
          ])
        )
        expect(reasons).toEqual({
          [jane.id]: [3, null],
          [max.id]: [3, "affiliate_blocked"],
          [zoe.id]: [3, "affiliate_deleted"],
        })
        const batch = await createBatch()
        expect(batch.payouts.map((p) => p.affiliate?.id)).toEqual([jane.id])
        // Owed still: unblocked, Max is in the next batch.
        await api.post(`/admin/affiliates/${max.id}`, { status: "approved" }, admin)
        expect((await createBatch()).payouts.map((p) => p.affiliate?.id)).toEqual([max.id])
      })

      it("refuses to send a payout whose affiliate was blocked or deleted since the batch, with a 400", async () => {
        await Promise.all([jane, max].map((affiliate) => approvedCommission(affiliate.id, 3)))
        const { payouts } = await createBatch()
        await api.post(`/admin/affiliates/${max.id}`, { status: "blocked" }, admin)
        await api.delete(`/admin/affiliates/${jane.id}`, admin)
        for (const payout of payouts) {
          await expectHttpError(
            api.post(`/admin/affiliate-payouts/${payout.id}/pay`, { provider_id: "test" }, admin),
            400,
            /its affiliate is (blocked|deleted); cancel the payout instead/
          )
        }
      })

      it("quotes a payout CSV cell holding ; or a tab, so a spreadsheet keeps it one cell", async () => {
        await service.updateAffiliates({
          id: jane.id,
          payout_method: "bank_transfer",
          payout_details: { instructions: "IBAN DE00; BIC\tX" },
        })
        await approvedCommission(jane.id, 2)
        const batch = await createBatch()
        const csv = (await api.get(`/admin/affiliate-payout-batches/${batch.id}/export`, admin)).data as string
        expect(csv).toContain(`,bank_transfer,,"IBAN DE00; BIC\tX",eur,2.00`)
      })

      it("puts in a PayPal file only payouts still to pay, in currencies PayPal pays, with the address as it is", async () => {
        // A leading "-" is a valid address: not "escaped" into one PayPal rejects.
        await paypalTo(jane.id, "-jane@paypal.test")
        await approvedCommission(jane.id, 2.5)
        const first = await createBatch()
        expect((await paypalFile(first.id)).data).toMatch(/^-jane@paypal\.test,2\.50,EUR,/)

        await setPayoutStatus(first.payouts[0].id, { status: "paid" })
        // Exported again after "mark paid": nothing to pay, said, not an empty file to upload twice.
        await expectHttpError(paypalFile(first.id), 400, /no payout of this batch is draft/)

        await approvedCommission(jane.id, 1.25)
        const second = await createBatch()
        await api.post(`/admin/affiliate-payouts/${second.payouts[0].id}/pay`, {}, admin)
        await expectHttpError(paypalFile(second.id), 400, /no payout of this batch is draft/)
        expect((await paypalFile(second.id, "&include_processing=true")).data).toMatch(/^-jane@paypal\.test,1\.25,EUR,/)

        await approvedCommission(jane.id, 1.234, "kwd")
        const third = await createBatch()
        await expectHttpError(paypalFile(third.id), 400, /PayPal Payouts does not pay in KWD/)
      })
    })
  },
})
