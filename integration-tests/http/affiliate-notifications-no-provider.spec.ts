import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { httpTestRunner } from "../helpers/test-runner"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import { accountSyncApi, until } from "../helpers/account-sync"
import { captureEvents, waitForSubscribers } from "../helpers/events"
import { checkout, setUpStore, type TestStore } from "../helpers/store"

jest.setTimeout(240 * 1000)

// Read by medusa-config.ts when the app boots for this file: Medusa's default
// Notification Module, whose only provider serves the admin feed, not email.
process.env.AFFILIATE_EMAIL_PROVIDER = "none"

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

    it("sends nothing, fails nothing and says why once when the store has no email provider", async () => {
      const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
      const info = jest.spyOn(logger, "info")
      const error = jest.spyOn(logger, "error")

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

      // Not even a failed email is recorded (the admin's bell has its own provider here).
      expect(await container.resolve(Modules.NOTIFICATION).listNotifications({ channel: "email" })).toEqual([])
      expect(error).not.toHaveBeenCalled()
      const notices = info.mock.calls.filter(([message]) => String(message).startsWith("Affiliate notifications"))
      expect(notices).toEqual([
        ['Affiliate notifications are not sent: the Notification Module has no provider for the "email" channel'],
      ])
      info.mockRestore()
      error.mockRestore()
    })

    it("invites through Medusa's reset-password flow", async () => {
      const events = captureEvents(container)
      await api.post("/admin/affiliate-settings", { account_sync: { enabled: true, tags: [] } }, admin)
      const affiliate = await sync.createAffiliate({ name: "Ada Admin", email: "ada@partners.test" })
      await sync.waitForAccount(affiliate.id)
      const resets = await until(
        async () => events.named("auth.password_reset"),
        (found) => found.length > 0
      )
      events.restore()
      expect(resets.map((event) => event.data)).toEqual([
        expect.objectContaining({ entity_id: "ada@partners.test", metadata: { reason: "affiliate_account_sync" } }),
      ])
    })
  },
})
