import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { httpSuite } from "../helpers/test-runner"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import resumeAffiliateSyncRuns from "../../src/jobs/resume-affiliate-sync-runs"
import {
  ACCOUNT_SYNC_CREATOR,
  createAffiliatesWorkflow,
  syncAffiliateAccountsWorkflow,
} from "../../src/workflows"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import { captureEvents } from "../helpers/events"
import { accountSyncApi, until } from "../helpers/account-sync"
import { expectHttpError } from "../helpers/http"
import { emailsSent } from "../helpers/notifications"
import { checkout, setUpStore, type TestStore } from "../helpers/store"

const PASSWORD = "s3cret-pass"

export default httpSuite({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let store: TestStore
    let container: MedusaContainer
    let sync: ReturnType<typeof accountSyncApi>

    const customersWithEmail = async (email: string) =>
      container.resolve(Modules.CUSTOMER).listCustomers({ email }, { relations: ["groups"] })

    // Seeded once: the runner snapshots the database after beforeAll and
    // restores it before every test.
    beforeAll(async () => {
      container = getContainer()
      admin = await createAdminHeaders(api, container)
      store = await setUpStore(api, admin)
      sync = accountSyncApi(api, admin, store)
    })

    it("makes a signed-up affiliate a tagged customer who logs in with the same password", async () => {
      const switchedOn = await api.post(
        "/admin/affiliate-settings",
        { auto_approve: true, account_sync: { enabled: true, tags: ["Affiliates", "VIP"] } },
        admin
      )
      expect(switchedOn.data.affiliate_settings.account_sync).toEqual({
        enabled: true,
        tags: ["Affiliates", "VIP"],
      })
      expect(switchedOn.data.affiliate_sync_run).toEqual(
        expect.objectContaining({ status: "running", trigger: "enabled", tags: ["Affiliates", "VIP"] })
      )
      await sync.waitForRun(switchedOn.data.affiliate_sync_run.id)

      const registered = (
        await api.post("/auth/affiliate/emailpass/register", {
          email: "sam@partners.test",
          password: PASSWORD,
        })
      ).data.token
      const { affiliate } = (
        await api.post("/store/affiliates", { name: "Sam Seller" }, sync.storeBearer(registered))
      ).data
      expect(affiliate.status).toBe("approved")

      // The approval syncs the account in the background.
      const synced = await sync.waitForAccount(affiliate.id)
      expect(synced.customer).toEqual(
        expect.objectContaining({
          email: "sam@partners.test",
          first_name: "Sam",
          last_name: "Seller",
          has_account: true,
        })
      )

      const login = await sync.customerLogin("sam@partners.test", PASSWORD)
      const me = (await api.get("/store/customers/me", sync.storeBearer(login.data.token))).data.customer
      expect(me.id).toBe(synced.customer.id)

      const [customer] = await customersWithEmail("sam@partners.test")
      expect(customer.groups!.map((group) => group.name).sort()).toEqual(["Affiliates", "VIP"])
      // The affiliate login still works beside the customer one.
      await api.post("/auth/affiliate/emailpass", { email: "sam@partners.test", password: PASSWORD })
    })

    it("links the customer account of a shopper who signed up from it, and keeps it when blocked", async () => {
      const customer = await sync.registerCustomer("erin@shop.test", PASSWORD, "Erin")
      const signedUp = await sync.signUpFromCustomerAccount("erin@shop.test", PASSWORD, {
        name: "Erin Blog",
        code: "ERIN",
      })
      const affiliate = (
        await api.post(`/admin/affiliates/${signedUp.id}`, { status: "approved" }, admin)
      ).data.affiliate

      const { affiliate_account_sync } = (
        await api.post(`/admin/affiliates/${affiliate.id}/sync`, {}, admin)
      ).data
      expect(affiliate_account_sync).toEqual(
        expect.objectContaining({ outcome: "linked", customer_id: customer.id, invited: false })
      )
      expect(await customersWithEmail("erin@shop.test")).toHaveLength(1)
      // The customer's page finds the affiliate it belongs to.
      const owners = (await api.get(`/admin/affiliates?customer_id=${customer.id}`, admin)).data
      expect(owners.affiliates.map((a: { id: string }) => a.id)).toEqual([affiliate.id])

      await api.post(`/admin/affiliates/${affiliate.id}`, { status: "blocked" }, admin)
      const blocked = (await api.get(`/admin/affiliates/${affiliate.id}`, admin)).data.affiliate
      expect(blocked.customer.id).toBe(customer.id)
      expect(await customersWithEmail("erin@shop.test")).toHaveLength(1)

      const again = (await api.post(`/admin/affiliates/${affiliate.id}/sync`, {}, admin)).data
      expect(again.affiliate_account_sync).toEqual(
        expect.objectContaining({ outcome: "skipped", skip_reason: "the affiliate is blocked, not approved" })
      )
    })

    it("rejects an order placed from the affiliate's synced account as self-referral, whatever its email", async () => {
      const customer = await sync.registerCustomer("vic@shop.test", PASSWORD, "Vic")
      const signedUp = await sync.signUpFromCustomerAccount("vic@shop.test", PASSWORD, {
        name: "Vic Vlog",
        code: "VIC",
      })
      const affiliate = (
        await api.post(`/admin/affiliates/${signedUp.id}`, { status: "approved" }, admin)
      ).data.affiliate
      await api.post(`/admin/affiliates/${affiliate.id}/sync`, {}, admin)
      // The customer moves to another address: only the synced account still ties them to the affiliate.
      await api.post(`/admin/customers/${customer.id}`, { email: "vic.new@shop.test" }, admin)

      const login = await sync.customerLogin("vic@shop.test", PASSWORD)
      const order = await checkout(api, store, {
        email: "vic.new@shop.test",
        items: [{ variant_id: store.variants.mug, quantity: 2 }],
        customerToken: login.data.token,
        referralCode: "VIC",
      })
      const commission = await until(
        async () =>
          (await api.get(`/admin/affiliate-commissions?order_id=${order.id}`, admin)).data
            .affiliate_commissions[0],
        (found) => !!found
      )
      expect(commission).toEqual(
        expect.objectContaining({
          affiliate_id: affiliate.id,
          customer_id: customer.id,
          status: "rejected",
          reason: "self_referral",
          amount: 1.5,
        })
      )
    })

    it("invites an admin-created affiliate to set a password, then they log in to the store", async () => {
      const events = captureEvents(container)
      await api.post(
        "/admin/affiliate-settings",
        { account_sync: { enabled: true, tags: ["Affiliates"] } },
        admin
      )
      const affiliate = await sync.createAffiliate({ name: "Ada Admin", email: "ada@partners.test" })
      await sync.waitForAccount(affiliate.id)

      // The plugin's own invite (the test app has an email provider), not Medusa's reset email.
      const invite = await until(
        () => emailsSent(container, { trigger_type: "affiliate.account_invite" }),
        (invites) => invites.length > 0
      )
      expect(events.named("auth.password_reset")).toEqual([])
      events.restore()
      expect(invite).toHaveLength(1)
      expect(invite[0].to).toBe("ada@partners.test")
      const { token } = invite[0].data as Record<string, string>

      // No password yet: logging in fails until the invite is used.
      await expectHttpError(sync.customerLogin("ada@partners.test", PASSWORD), 401)
      await api.post(
        "/auth/customer/emailpass/update",
        { password: "chosen-by-ada" },
        { headers: { authorization: `Bearer ${token}` } }
      )
      const login = await sync.customerLogin("ada@partners.test", "chosen-by-ada")
      const me = (await api.get("/store/customers/me", sync.storeBearer(login.data.token))).data.customer
      expect(me.email).toBe("ada@partners.test")
    })

    it("gives an affiliate with a guest's email a new account and invite, leaving the guest and its orders alone", async () => {
      const order = await checkout(api, store, {
        email: "guest@shop.test",
        items: [{ variant_id: store.variants.mug, quantity: 1 }],
      })
      const [guest] = await customersWithEmail("guest@shop.test")
      expect(guest.has_account).toBe(false)

      const affiliate = await sync.createAffiliate({ name: "Gus Guest", email: "guest@shop.test" })
      const result = (await api.post(`/admin/affiliates/${affiliate.id}/sync`, {}, admin)).data
      expect(result.affiliate_account_sync).toEqual(
        expect.objectContaining({ outcome: "created", invited: true })
      )
      const customers = await customersWithEmail("guest@shop.test")
      expect(customers.map(({ id, has_account }) => ({ id, has_account }))).toEqual(
        expect.arrayContaining([
          { id: guest.id, has_account: false },
          { id: result.affiliate_account_sync.customer_id, has_account: true },
        ])
      )
      const orders = (await api.get(`/admin/orders?customer_id=${guest.id}`, admin)).data.orders
      expect(orders.map((o: { id: string }) => o.id)).toEqual([order.id])
    })

    it("runs in the background, applies new tags, and creates nothing the second time", async () => {
      const created = await Promise.all(
        ["one", "two", "three"].map((name) =>
          sync.createAffiliate({ name: `Partner ${name}`, email: `${name}@partners.test` })
        )
      )
      await sync.createAffiliate({ name: "Waiting", email: "waiting@partners.test", status: "pending" })
      const events = captureEvents(container)

      const first = (
        await api.post(
          "/admin/affiliate-settings",
          { account_sync: { enabled: true, tags: ["Affiliates"] } },
          admin
        )
      ).data.affiliate_sync_run
      expect(await sync.waitForRun(first.id)).toEqual(
        expect.objectContaining({
          status: "completed",
          total: 3,
          processed: 3,
          created: 3,
          linked: 0,
          tagged: 3,
          unchanged: 0,
          skipped: 0,
          failed: 0,
          errors: [],
        })
      )

      const resync = await api.post("/admin/affiliate-settings/resync", {}, admin)
      expect(resync.status).toBe(202)
      // A second press while it runs returns the same run.
      const pressedAgain = await api.post("/admin/affiliate-settings/resync", {}, admin)
      if (pressedAgain.data.affiliate_sync_run.status === "running") {
        expect(pressedAgain.status).toBe(200)
        expect(pressedAgain.data.affiliate_sync_run.id).toBe(resync.data.affiliate_sync_run.id)
      }
      expect(await sync.waitForRun(resync.data.affiliate_sync_run.id)).toEqual(
        expect.objectContaining({ status: "completed", trigger: "resync", created: 0, linked: 0, tagged: 0, unchanged: 3, skipped: 0 })
      )

      // An affiliate whose email a stranger's store account has is skipped, with why, not "unchanged".
      await sync.registerCustomer("taken@partners.test", "stranger-pass")
      const taken = await sync.createAffiliate({ name: "Tess Taken", email: "taken@partners.test", status: "approved" })
      const again = (await api.post("/admin/affiliate-settings/resync", {}, admin)).data.affiliate_sync_run
      expect(await sync.waitForRun(again.id)).toEqual(
        expect.objectContaining({
          status: "completed",
          unchanged: 3,
          skipped: 1,
          errors: [{ affiliate_id: taken.id, message: expect.stringMatching(/^skipped: /) }],
        })
      )

      const retagged = (
        await api.post(
          "/admin/affiliate-settings",
          { account_sync: { tags: ["Affiliates", "Partners"] } },
          admin
        )
      ).data.affiliate_sync_run
      expect(await sync.waitForRun(retagged.id)).toEqual(
        // Tess is still skipped: a stranger has her email.
        expect.objectContaining({ trigger: "tags_changed", created: 0, tagged: 3, skipped: 1 })
      )
      for (const affiliate of created) {
        const [customer] = await customersWithEmail(affiliate.email)
        expect(customer.groups!.map((group) => group.name).sort()).toEqual(["Affiliates", "Partners"])
      }
      expect(await customersWithEmail("waiting@partners.test")).toHaveLength(0)

      const completed = events.named("affiliate_sync_run.completed").map((event) => event.data)
      events.restore()
      expect(completed).toEqual(
        expect.arrayContaining([{ id: first.id }, { id: retagged.id }])
      )
      const { affiliate_sync_runs } = (await api.get("/admin/affiliate-sync-runs", admin)).data
      expect(affiliate_sync_runs[0].id).toBe(retagged.id)
    })

    it("leaves no customer, identity or membership behind when a step fails", async () => {
      await api.post(
        "/admin/affiliate-settings",
        { account_sync: { enabled: false, tags: ["Affiliates"] } },
        admin
      )
      const affiliate = await sync.createAffiliate({ name: "Fay Fail", email: "fay@partners.test" })
      // One who signed up: their login, with a key of its own, is pointed at the new customer, then back.
      const signedUp = await sync.createAffiliate({ name: "Gil Fail", email: "gil@partners.test" })
      const auth = container.resolve(Modules.AUTH)
      const ownMetadata = { affiliate_id: signedUp.id, locale: "fr" }
      const [login] = await auth.createAuthIdentities([
        {
          provider_identities: [{ provider: "emailpass", entity_id: signedUp.email }],
          app_metadata: ownMetadata,
        },
      ])
      await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).setAffiliateAccounts([
        { affiliate_id: signedUp.id, customer_id: null, auth_identity_id: login.id },
      ])
      const customerModule = container.resolve(Modules.CUSTOMER)
      const failing = jest
        .spyOn(customerModule, "addCustomerToGroup")
        .mockRejectedValueOnce(new Error("group service down"))

      const { errors } = await syncAffiliateAccountsWorkflow(container).run({
        input: { affiliate_ids: [affiliate.id, signedUp.id], tags: ["Affiliates"] },
        throwOnError: false,
      })
      failing.mockRestore()
      expect(errors[0].error.message).toBe("group service down")

      expect(await customersWithEmail("fay@partners.test")).toHaveLength(0)
      const identities = await container
        .resolve(Modules.AUTH)
        .listProviderIdentities({ entity_id: "fay@partners.test" })
      expect(identities).toHaveLength(0)
      expect(await customersWithEmail("gil@partners.test")).toHaveLength(0)
      expect((await auth.retrieveAuthIdentity(login.id)).app_metadata).toEqual(ownMetadata)
      expect(await customerModule.listCustomerGroups({ name: "Affiliates" })).toHaveLength(0)
      for (const { id } of [affiliate, signedUp]) {
        const after = (await api.get(`/admin/affiliates/${id}`, admin)).data.affiliate
        expect(after.customer_id).toBeNull()
      }
    })

    it("syncs a few hundred affiliates, counting each outcome, past one that fails", async () => {
      const customerModule = container.resolve(Modules.CUSTOMER)
      const emails = Array.from({ length: 240 }, (_, i) => `bulk${String(i).padStart(3, "0")}@partners.test`)
      // Half of them already shop here and signed up from their customer account.
      const shoppers = await customerModule.createCustomers(
        emails.filter((_, i) => i % 2 === 0).map((email) => ({ email, has_account: true }))
      )
      const { result: affiliates } = await createAffiliatesWorkflow(container).run({
        input: {
          affiliates: emails.map((email, i) => ({
            name: `Bulk ${i}`,
            email,
            status: "approved" as const,
          })),
        },
      })
      const logins = await container.resolve(Modules.AUTH).createAuthIdentities(
        shoppers.map((shopper, k) => ({
          provider_identities: [{ provider: "emailpass", entity_id: shopper.email }],
          app_metadata: { customer_id: shopper.id, affiliate_id: affiliates[2 * k].id },
        }))
      )
      await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).setAffiliateAccounts(
        logins.map((login, k) => ({
          affiliate_id: affiliates[2 * k].id,
          customer_id: null,
          auth_identity_id: login.id,
        }))
      )
      const createCustomers = customerModule.createCustomers.bind(customerModule)
      const failing = jest
        .spyOn(customerModule, "createCustomers")
        .mockImplementation((async (data: unknown, context?: unknown) => {
          if (JSON.stringify(data).includes("bulk001@")) {
            throw new Error("customer service refused bulk001")
          }
          return createCustomers(data as never, context as never)
        }) as typeof customerModule.createCustomers)

      const run = (
        await api.post(
          "/admin/affiliate-settings",
          { account_sync: { enabled: true, tags: ["Affiliates"] } },
          admin
        )
      ).data.affiliate_sync_run
      const finished = await sync.waitForRun(run.id)
      failing.mockRestore()

      const bulk001 = (await api.get("/admin/affiliates?q=bulk001", admin)).data.affiliates[0]
      expect(finished).toEqual(
        expect.objectContaining({
          status: "completed",
          total: 240,
          processed: 240,
          created: 119,
          linked: 120,
          tagged: 239,
          failed: 1,
          errors: [{ affiliate_id: bulk001.id, message: "customer service refused bulk001" }],
        })
      )
      const group = (await customerModule.listCustomerGroups({ name: "Affiliates" }, { relations: ["customers"] }))[0]
      expect(group.customers).toHaveLength(239)
    })

    it("resumes a run whose worker died where it stopped, repairing the batch in flight and sending the invite it never sent", async () => {
      const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
      const auth = container.resolve(Modules.AUTH)
      const customerModule = container.resolve(Modules.CUSTOMER)
      const [done, inFlight, untouched] = (
        await Promise.all(
          ["done", "flight", "later"].map((name) =>
            sync.createAffiliate({ name: `Run ${name}`, email: `${name}@partners.test` })
          )
        )
      ).sort((a, b) => (a.id < b.id ? -1 : 1))
      await api.post("/admin/affiliate-settings", { account_sync: { tags: ["Affiliates"] } }, admin)

      // What the dead worker got through: the first affiliate fully, the second halfway
      // (its login and customer made, not yet joined, linked or invited).
      await syncAffiliateAccountsWorkflow(container).run({
        input: { affiliate_ids: [done.id], tags: ["Affiliates"] },
      })
      const [halfLogin] = await auth.createAuthIdentities([
        {
          provider_identities: [{ provider: "emailpass", entity_id: inFlight.email }],
          app_metadata: { affiliate_id: inFlight.id },
        },
      ])
      const [halfCustomer] = await customerModule.createCustomers([
        {
          email: inFlight.email,
          has_account: true,
          created_by: ACCOUNT_SYNC_CREATOR,
          metadata: { affiliate_id: inFlight.id },
        },
      ])
      const fiveMinutesAgo = new Date(Date.now() - 5 * 60 * 1000)
      const dead = await service.createAffiliateSyncRuns({
        trigger: "resync",
        tags: ["Affiliates"],
        total: 3,
        processed: 1,
        created: 1,
        tagged: 1,
        cursor: done.id,
        claimed_at: fiveMinutesAgo,
        heartbeat_at: fiveMinutesAgo,
      })

      // The store owner pressing Resync meanwhile sees the run, not a second one.
      await api.post("/admin/affiliate-settings", { account_sync: { enabled: true } }, admin)
      const pressed = await api.post("/admin/affiliate-settings/resync", {}, admin)
      expect(pressed.status).toBe(200)
      expect(pressed.data.affiliate_sync_run.id).toBe(dead.id)

      const invitesBefore = new Set(
        (await emailsSent(container, { trigger_type: "affiliate.account_invite" })).map((invite) => invite.id)
      )
      await resumeAffiliateSyncRuns(container)

      expect(await sync.waitForRun(dead.id)).toEqual(
        expect.objectContaining({
          status: "completed",
          processed: 3,
          created: 2,
          linked: 1,
          tagged: 3,
          failed: 0,
          errors: [],
        })
      )
      const repaired = (await api.get(`/admin/affiliates/${inFlight.id}`, admin)).data.affiliate
      expect(repaired.customer.id).toBe(halfCustomer.id)
      expect((await auth.retrieveAuthIdentity(halfLogin.id)).app_metadata).toEqual({
        affiliate_id: inFlight.id,
        customer_id: halfCustomer.id,
      })
      for (const affiliate of [done, inFlight, untouched]) {
        const customers = await customersWithEmail(affiliate.email)
        expect(customers.map((customer) => customer.groups!.map((group) => group.name))).toEqual([["Affiliates"]])
      }
      const invited = (await emailsSent(container, { trigger_type: "affiliate.account_invite" }))
        .filter((invite) => !invitesBefore.has(invite.id))
        .map((invite) => invite.to)
      expect(invited.sort()).toEqual([inFlight.email, untouched.email].sort())

      // Syncing one affiliate again sends nothing twice.
      const again = (await api.post(`/admin/affiliates/${inFlight.id}/sync`, {}, admin)).data
      expect(again.affiliate_account_sync).toEqual(expect.objectContaining({ outcome: "unchanged", invited: false }))
    })

    it("refuses bad settings and a resync while sync is off, with messages", async () => {
      await expectHttpError(
        api.post("/admin/affiliate-settings", { account_sync: { tags: ["ok", " "] } }, admin),
        400,
        /account_sync.tags cannot contain an empty name/
      )
      await expectHttpError(
        api.post("/admin/affiliate-settings", { account_sync: { enabled: "yes" } }, admin),
        400,
        /account_sync, enabled/
      )
      await expectHttpError(
        api.post("/admin/affiliate-settings", { account_sync: { tags: ["VIP", "VIP"] } }, admin),
        400,
        /must not repeat a name/
      )
      await expectHttpError(
        api.post("/admin/affiliate-settings/resync", {}, admin),
        400,
        /Account sync is off/
      )
      await expectHttpError(api.get("/admin/affiliate-sync-runs/affsync_nope", admin), 404, /was not found/)
      await expectHttpError(api.post("/admin/affiliates/aff_nope/sync", {}, admin), 404, /was not found/)
      await expectHttpError(api.get("/admin/affiliate-sync-runs?limit=0", admin), 400, /limit/)
      const settings = (await api.get("/admin/affiliate-settings", admin)).data.affiliate_settings
      expect(settings.account_sync).toEqual({ enabled: false, tags: [] })
    })
  },
})
