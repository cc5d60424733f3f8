import type { MedusaContainer } from "@medusajs/framework/types"
import { httpTestRunner } from "../helpers/test-runner"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import { accountSyncApi, until } from "../helpers/account-sync"
import { captureEvents, waitForSubscribers } from "../helpers/events"
import { emailsSent } from "../helpers/notifications"
import { checkout, setUpStore, type TestStore } from "../helpers/store"

jest.setTimeout(240 * 1000)

// Read by medusa-config.ts when the app boots for this file: every
// notification option is `false`.
process.env.AFFILIATE_NOTIFICATIONS = "off"

httpTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let store: TestStore
    let container: MedusaContainer
    let sync: ReturnType<typeof accountSyncApi>

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

    it("sends nothing when every notification option is false", async () => {
      const signedUp = await andWaitFor("affiliate.signed_up", () =>
        sync.signUpAffiliate("sam@partners.test", "s3cret-pass", { name: "Sam Seller", code: "SAM" })
      )
      await andWaitFor("affiliate.approved", () =>
        api.post(`/admin/affiliates/${signedUp.id}`, { status: "approved" }, admin)
      )
      await andWaitFor("affiliate_commission.created", () =>
        checkout(api, store, {
          email: "buyer@shop.test",
          items: [{ variant_id: store.variants.shirt, quantity: 1 }],
          referralCode: "SAM",
        })
      )
      const [commission] = (await api.get("/admin/affiliate-commissions", admin)).data.affiliate_commissions
      expect(commission.status).toBe("pending")
      for (const status of ["approved", "paid"]) {
        await andWaitFor("affiliate_commission.updated", () =>
          api.post(`/admin/affiliate-commissions/${commission.id}`, { status }, admin)
        )
      }

      expect(await emailsSent(container)).toEqual([])
    })

    it("invites through Medusa's reset-password flow when the invite option is false", async () => {
      const events = captureEvents(container)
      await api.post("/admin/affiliate-settings", { account_sync: { enabled: true, tags: [] } }, admin)
      const affiliate = await sync.createAffiliate({ name: "Ada Admin", email: "ada@partners.test" })
      await sync.waitForAccount(affiliate.id)

      const resets = await until(
        async () => events.named("auth.password_reset"),
        (found) => found.length > 0
      )
      events.restore()
      expect(resets).toEqual([
        {
          name: "auth.password_reset",
          data: expect.objectContaining({
            entity_id: "ada@partners.test",
            actor_type: "customer",
            metadata: { reason: "affiliate_account_sync" },
          }),
        },
      ])
      expect(await emailsSent(container)).toEqual([])
    })
  },
})
