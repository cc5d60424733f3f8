import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { httpSuite } from "../helpers/test-runner"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import { accountSyncApi, until } from "../helpers/account-sync"
import { captureEvents, waitForSubscribers } from "../helpers/events"
import { expectHttpError } from "../helpers/http"
import {
  captureLocalProviderSends,
  emailsSent,
  redeliver,
} from "../helpers/notifications"
import { checkout, setUpStore, type TestStore } from "../helpers/store"
import feedAffiliateSignedUp from "../../src/subscribers/feed-affiliate-signed-up"
import notifyAffiliateApproved from "../../src/subscribers/notify-affiliate-approved"
import notifyAffiliateSignedUp from "../../src/subscribers/notify-affiliate-signed-up"
import notifyCommissionEarned from "../../src/subscribers/notify-commission-earned"
import notifyCommissionPaid from "../../src/subscribers/notify-commission-paid"

// No store owner email is configured: the sign-up notice goes to the admin users.
const ADMIN_EMAIL = "admin@example.com"
const PASSWORD = "s3cret-pass"

/** Booted with STOREFRONT_URL (see with-storefront.spec.ts): links in emails are built from it. */
export default httpSuite({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let store: TestStore
    let container: MedusaContainer
    let sync: ReturnType<typeof accountSyncApi>
    let sends: ReturnType<typeof captureLocalProviderSends>

    /** Waits until the Notification Module has recorded `count` emails matching `filters`. */
    const waitForEmails = (filters: Parameters<typeof emailsSent>[1], count = 1) =>
      until(
        () => emailsSent(container, filters),
        // Recorded, and handed to the provider (the row is written `pending` first).
        (sent) => sent.length >= count && sent.every((notification) => notification.status !== "pending")
      )

    const andWaitFor = <T>(event: string, request: () => Promise<T>) =>
      waitForSubscribers(container, event, request)

    // Seeded once: the runner snapshots the database after beforeAll and
    // restores it before every test.
    beforeAll(async () => {
      container = getContainer()
      admin = await createAdminHeaders(api, container)
      store = await setUpStore(api, admin)
      sync = accountSyncApi(api, admin, store)
    })

    // A spy, not a row: the database restore does not reset it.
    beforeEach(() => {
      sends = captureLocalProviderSends(container)
    })

    afterEach(() => sends.restore())

    it("emails an approved affiliate their referral link, once however often the event arrives", async () => {
      const created = (await andWaitFor("affiliate.created", () =>
        api.post("/admin/affiliates", { name: "Jane Doe", email: "jane@partners.test", code: "JANE" }, admin)
      )) as { data: { affiliate: { id: string } } }
      const { affiliate } = created.data
      expect(await emailsSent(container, { template: "affiliate-approved" })).toEqual([])

      await api.post(`/admin/affiliates/${affiliate.id}`, { status: "approved" }, admin)
      const [approved] = await waitForEmails({ template: "affiliate-approved" })
      expect(approved).toEqual(
        expect.objectContaining({
          to: "jane@partners.test",
          channel: "email",
          template: "affiliate-approved",
          trigger_type: "affiliate.approved",
          resource_type: "affiliate",
          resource_id: affiliate.id,
          receiver_id: affiliate.id,
          status: "success",
          data: {
            affiliate: { id: affiliate.id, name: "Jane Doe", code: "JANE" },
            referral_link: "https://shop.example.com/?ref=JANE",
            referral_query: "ref=JANE",
          },
        })
      )

      // The same event delivered twice more, at the same time: nothing new goes out.
      await redeliver(container, notifyAffiliateApproved, "affiliate.approved", { id: affiliate.id })
      expect(await emailsSent(container, { template: "affiliate-approved" })).toHaveLength(1)
      expect(sends.to("jane@partners.test", "affiliate-approved")).toHaveLength(1)
    })

    it("hands the store's provider a readable default email, with every name escaped", async () => {
      const notifications = container.resolve(Modules.NOTIFICATION)
      const created = jest.spyOn(notifications, "createNotifications")
      try {
        await api.post(
          "/admin/affiliates",
          { name: `Jo <b>"Bold"</b> & Co`, email: "jo@partners.test", code: "JOBOLD", status: "approved" },
          admin
        )
        await waitForEmails({ to: "jo@partners.test", template: "affiliate-approved" })
        const approved = created.mock.calls
          .flatMap(([data]) => [data].flat())
          .find((notification) => notification.template === "affiliate-approved")
        expect(approved?.content).toEqual({
          subject: "You're approved as an affiliate",
          html: expect.stringContaining("<p>Hi Jo &lt;b&gt;&quot;Bold&quot;&lt;/b&gt; &amp; Co,</p>"),
          text: expect.stringContaining("Your referral link: https://shop.example.com/?ref=JOBOLD"),
        })
        expect(approved?.content?.html).toContain('<a href="https://shop.example.com/?ref=JOBOLD"')
        expect(approved?.content?.html).not.toContain("<b>")
      } finally {
        created.mockRestore()
      }
    })

    it("emails the affiliate a commission earned and, once marked paid, paid — each once", async () => {
      const { affiliate } = (
        await api.post(
          "/admin/affiliates",
          { name: "Max Ref", email: "max@partners.test", code: "MAX", status: "approved" },
          admin
        )
      ).data
      const order = await andWaitFor("order.placed", () =>
        checkout(api, store, {
          email: "buyer@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 3 }],
          referralCode: "MAX",
        })
      )
      const [earned] = await waitForEmails({ template: "affiliate-commission-earned" })
      const commissionId = earned.resource_id!
      expect(earned).toEqual(
        expect.objectContaining({
          to: "max@partners.test",
          trigger_type: "affiliate_commission.created",
          resource_type: "affiliate_commission",
          receiver_id: affiliate.id,
          data: {
            affiliate: { id: affiliate.id, name: "Max Ref", code: "MAX" },
            commission: {
              id: commissionId,
              order_id: order.id,
              currency_code: "eur",
              base_amount: 59.97,
              rate: 10,
              amount: 6,
              net_amount: 6,
              attribution: "link",
              status: "pending",
            },
          },
        })
      )
      // Nothing about the buyer reaches the affiliate.
      expect(JSON.stringify(earned.data)).not.toContain("buyer@shop.test")

      await redeliver(container, notifyCommissionEarned, "affiliate_commission.created", { id: commissionId })
      expect(await emailsSent(container, { template: "affiliate-commission-earned" })).toHaveLength(1)
      expect(sends.to("max@partners.test", "affiliate-commission-earned")).toHaveLength(1)

      // Approving is no news to the affiliate; paying is.
      await andWaitFor("affiliate_commission.updated", () =>
        api.post(`/admin/affiliate-commissions/${commissionId}`, { status: "approved" }, admin)
      )
      expect(await emailsSent(container, { template: "affiliate-commission-paid" })).toEqual([])
      await andWaitFor("affiliate_commission.updated", () =>
        api.post(`/admin/affiliate-commissions/${commissionId}`, { status: "paid" }, admin)
      )
      const paid = await emailsSent(container, { template: "affiliate-commission-paid" })
      expect(paid).toEqual([
        expect.objectContaining({
          to: "max@partners.test",
          trigger_type: "affiliate_commission.updated",
          resource_id: commissionId,
          data: expect.objectContaining({
            commission: expect.objectContaining({ id: commissionId, amount: 6, net_amount: 6, status: "paid" }),
          }),
        }),
      ])

      await redeliver(container, notifyCommissionPaid, "affiliate_commission.updated", { id: commissionId })
      expect(await emailsSent(container, { template: "affiliate-commission-paid" })).toHaveLength(1)
      expect(sends.to("max@partners.test", "affiliate-commission-paid")).toHaveLength(1)
    })

    it("sends nothing for a rejected commission (the affiliate's own order)", async () => {
      await api.post(
        "/admin/affiliates",
        { name: "Sue Self", email: "sue@partners.test", code: "SUE", status: "approved" },
        admin
      )
      await andWaitFor("affiliate_commission.created", () =>
        checkout(api, store, {
          email: "sue@partners.test",
          items: [{ variant_id: store.variants.mug, quantity: 1 }],
          referralCode: "SUE",
        })
      )
      const [commission] = (await api.get("/admin/affiliate-commissions", admin)).data.affiliate_commissions
      expect(commission).toEqual(expect.objectContaining({ status: "rejected", reason: "self_referral" }))
      // Created approved by an admin: the approval notice and the login invite, nothing about the commission.
      await waitForEmails({ to: "sue@partners.test", template: "affiliate-approved" })
      await waitForEmails({ to: "sue@partners.test", template: "affiliate-login-invite" })
      expect(await emailsSent(container, { to: "sue@partners.test" })).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ template: "affiliate-approved" }),
          expect.objectContaining({ template: "affiliate-login-invite" }),
        ])
      )
      expect(await emailsSent(container, { to: "sue@partners.test" })).toHaveLength(2)
    })

    it("puts a sign-up in the admin's notification bell, once however often the event arrives", async () => {
      const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
      const [affiliate] = await service.createAffiliates([
        { name: "Bella <i>Bell</i>", email: "bella@partners.test", code: "BELLA", status: "pending" },
      ])
      await redeliver(container, feedAffiliateSignedUp, "affiliate.signed_up", { id: affiliate.id })
      await redeliver(container, feedAffiliateSignedUp, "affiliate.signed_up", { id: affiliate.id })
      const { notifications } = (await api.get("/admin/notifications?channel=feed", admin)).data
      expect(notifications).toEqual([
        expect.objectContaining({
          channel: "feed",
          trigger_type: "affiliate.signed_up",
          resource_id: affiliate.id,
          data: {
            title: "New affiliate sign-up",
            description: "Bella <i>Bell</i> (bella@partners.test) signed up with the code BELLA: waiting for your approval.",
          },
        }),
      ])
    })

    it("tells the admins about a sign-up, once, with the name made safe, and not about affiliates an admin creates", async () => {
      const [adminUser] = await container.resolve(Modules.USER).listUsers({ email: ADMIN_EMAIL })
      // Sign-up refuses control characters; a name stored otherwise (by other code, or
      // before the plugin refused them) is still made safe in the notice.
      await expectHttpError(
        sync.signUpAffiliate("sam-crlf@partners.test", PASSWORD, { name: "Sam\r\nBcc: all@example.com" }),
        400,
        /name must not contain control characters/
      )
      const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
      const [affiliate] = await service.createAffiliates([
        { name: "Sam\r\nBcc: all@example.com", email: "sam@partners.test", code: "SAM", status: "pending" },
      ])
      await redeliver(container, notifyAffiliateSignedUp, "affiliate.signed_up", { id: affiliate.id })
      const notices = await waitForEmails({ template: "affiliate-signed-up" })
      expect(notices).toEqual([
        expect.objectContaining({
          to: ADMIN_EMAIL,
          trigger_type: "affiliate.signed_up",
          resource_id: affiliate.id,
          receiver_id: adminUser.id,
          data: {
            affiliate: {
              id: affiliate.id,
              name: "Sam Bcc: all@example.com",
              code: affiliate.code,
              email: "sam@partners.test",
              status: "pending",
            },
          },
        }),
      ])

      await redeliver(container, notifyAffiliateSignedUp, "affiliate.signed_up", { id: affiliate.id })
      expect(await emailsSent(container, { template: "affiliate-signed-up" })).toHaveLength(1)
      expect(sends.to(ADMIN_EMAIL, "affiliate-signed-up")).toHaveLength(1)

      await andWaitFor("affiliate.created", () =>
        api.post("/admin/affiliates", { name: "By Admin", email: "admin-made@partners.test" }, admin)
      )
      expect(await emailsSent(container, { template: "affiliate-signed-up" })).toHaveLength(1)
    })

    it("invites an affiliate account sync made a login for with its own 7-day link, not Medusa's reset email, once", async () => {
      const events = captureEvents(container)
      await api.post("/admin/affiliate-settings", { account_sync: { enabled: true, tags: [] } }, admin)
      const affiliate = await sync.createAffiliate({ name: "Ada Admin", email: "ada@partners.test" })
      await sync.waitForAccount(affiliate.id)

      const [invite] = await waitForEmails({ template: "affiliate-account-invite" })
      const data = invite.data as {
        token: string
        set_password_url: string
        expires_at: string
        email: string
        affiliate: unknown
      }
      expect(invite).toEqual(
        expect.objectContaining({
          to: "ada@partners.test",
          trigger_type: "affiliate.account_invite",
          resource_type: "auth_identity",
          receiver_id: affiliate.id,
        })
      )
      expect(data.affiliate).toEqual({ id: affiliate.id, name: "Ada Admin", code: affiliate.code })
      expect(data.email).toBe("ada@partners.test")
      const link = new URL(data.set_password_url)
      expect(`${link.origin}${link.pathname}`).toBe("https://shop.example.com/reset-password")
      expect(Object.fromEntries(link.searchParams)).toEqual({ token: data.token, email: "ada@partners.test" })
      const daysValid = (new Date(data.expires_at).getTime() - Date.now()) / 86_400_000
      expect(daysValid).toBeGreaterThan(6.9)
      expect(daysValid).toBeLessThanOrEqual(7)
      // The store's own "forgot password" subscriber gets nothing to send beside it.
      expect(events.named("auth.password_reset")).toEqual([])
      events.restore()

      // Syncing again invites nobody twice (once sync has recorded the invite).
      const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
      await until(
        () => service.retrieveAffiliate(affiliate.id),
        (found) => !!found.account_invited_at
      )
      const again = (await api.post(`/admin/affiliates/${affiliate.id}/sync`, {}, admin)).data
      expect(again.affiliate_account_sync).toEqual(expect.objectContaining({ invited: false }))
      expect(await emailsSent(container, { template: "affiliate-account-invite" })).toHaveLength(1)
      expect(sends.to("ada@partners.test", "affiliate-account-invite")).toHaveLength(1)

      // The link's token sets the password of the store login.
      await api.post(
        "/auth/customer/emailpass/update",
        { password: "chosen-by-ada" },
        { headers: { authorization: `Bearer ${data.token}` } }
      )
      await sync.customerLogin("ada@partners.test", "chosen-by-ada")
    })
  },
})
