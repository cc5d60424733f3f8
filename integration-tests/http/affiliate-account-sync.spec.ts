import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAffiliatesWorkflow, syncAffiliateAccountsWorkflow } from "../../src/workflows"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import { captureEvents } from "../helpers/events"
import { expectHttpError } from "../helpers/http"
import { checkout, setUpStore, type TestStore } from "../helpers/store"

jest.setTimeout(240 * 1000)

const PASSWORD = "s3cret-pass"

type SyncRun = {
  id: string
  status: string
  trigger: string
  total: number
  processed: number
  created: number
  linked: number
  tagged: number
  skipped: number
  failed: number
  errors: { affiliate_id: string; message: string }[]
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let store: TestStore
    let container: MedusaContainer

    const storeBearer = (token: string) => ({
      headers: { ...store.storeHeaders().headers, authorization: `Bearer ${token}` },
    })

    const until = async <T>(read: () => Promise<T>, done: (value: T) => boolean) => {
      for (let attempt = 0; attempt < 300; attempt++) {
        const value = await read()
        if (done(value)) {
          return value
        }
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      throw new Error("gave up waiting")
    }

    const waitForRun = (runId: string) =>
      until(
        async () =>
          (await api.get(`/admin/affiliate-sync-runs/${runId}`, admin)).data
            .affiliate_sync_run as SyncRun,
        (run) => run.status !== "running"
      )

    const waitForAccount = (affiliateId: string) =>
      until(
        async () => (await api.get(`/admin/affiliates/${affiliateId}`, admin)).data.affiliate,
        (affiliate) => !!affiliate.customer
      )

    const customersWithEmail = async (email: string) =>
      container.resolve(Modules.CUSTOMER).listCustomers({ email }, { relations: ["groups"] })

    const createAffiliate = async (body: Record<string, unknown>) =>
      (await api.post("/admin/affiliates", { status: "approved", ...body }, admin)).data.affiliate

    const customerLogin = (email: string, password = PASSWORD) =>
      api.post("/auth/customer/emailpass", { email, password })

    beforeEach(async () => {
      container = getContainer()
      admin = await createAdminHeaders(api, container)
      store = await setUpStore(api, admin)
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
      await waitForRun(switchedOn.data.affiliate_sync_run.id)

      const registered = (
        await api.post("/auth/affiliate/emailpass/register", {
          email: "sam@partners.test",
          password: PASSWORD,
        })
      ).data.token
      const { affiliate } = (
        await api.post("/store/affiliates", { name: "Sam Seller" }, storeBearer(registered))
      ).data
      expect(affiliate.status).toBe("approved")

      // The approval syncs the account in the background.
      const synced = await waitForAccount(affiliate.id)
      expect(synced.customer).toEqual(
        expect.objectContaining({
          email: "sam@partners.test",
          first_name: "Sam",
          last_name: "Seller",
          has_account: true,
        })
      )

      const login = await customerLogin("sam@partners.test")
      const me = (await api.get("/store/customers/me", storeBearer(login.data.token))).data.customer
      expect(me.id).toBe(synced.customer.id)

      const [customer] = await customersWithEmail("sam@partners.test")
      expect(customer.groups!.map((group) => group.name).sort()).toEqual(["Affiliates", "VIP"])
      // The affiliate login still works beside the customer one.
      await api.post("/auth/affiliate/emailpass", { email: "sam@partners.test", password: PASSWORD })
    })

    it("links an existing registered customer instead of creating another, and keeps it when blocked", async () => {
      const registered = (
        await api.post("/auth/customer/emailpass/register", {
          email: "erin@shop.test",
          password: PASSWORD,
        })
      ).data.token
      const { customer } = (
        await api.post(
          "/store/customers",
          { email: "erin@shop.test", first_name: "Erin" },
          storeBearer(registered)
        )
      ).data
      const affiliate = await createAffiliate({ name: "Erin Blog", email: "erin@shop.test", code: "ERIN" })

      const { affiliate_account_sync } = (
        await api.post(`/admin/affiliates/${affiliate.id}/sync`, {}, admin)
      ).data
      expect(affiliate_account_sync).toEqual(
        expect.objectContaining({ outcome: "linked", customer_id: customer.id, invited: false })
      )
      expect(await customersWithEmail("erin@shop.test")).toHaveLength(1)

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
      const registered = (
        await api.post("/auth/customer/emailpass/register", { email: "vic@shop.test", password: PASSWORD })
      ).data.token
      const { customer } = (
        await api.post("/store/customers", { email: "vic@shop.test" }, storeBearer(registered))
      ).data
      const affiliate = await createAffiliate({ name: "Vic Vlog", email: "vic@shop.test", code: "VIC" })
      await api.post(`/admin/affiliates/${affiliate.id}/sync`, {}, admin)
      // The customer moves to another address: only the synced account still ties them to the affiliate.
      await api.post(`/admin/customers/${customer.id}`, { email: "vic.new@shop.test" }, admin)

      const login = await customerLogin("vic@shop.test")
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
      const affiliate = await createAffiliate({ name: "Ada Admin", email: "ada@partners.test" })
      await waitForAccount(affiliate.id)

      const invite = await until(
        async () => events.named("auth.password_reset"),
        (invites) => invites.length > 0
      )
      events.restore()
      expect(invite).toHaveLength(1)
      const { token, entity_id, actor_type } = invite[0].data as Record<string, string>
      expect({ entity_id, actor_type }).toEqual({ entity_id: "ada@partners.test", actor_type: "customer" })

      // No password yet: logging in fails until the invite is used.
      await expectHttpError(customerLogin("ada@partners.test"), 401)
      await api.post(
        "/auth/customer/emailpass/update",
        { password: "chosen-by-ada" },
        { headers: { authorization: `Bearer ${token}` } }
      )
      const login = await customerLogin("ada@partners.test", "chosen-by-ada")
      const me = (await api.get("/store/customers/me", storeBearer(login.data.token))).data.customer
      expect(me.email).toBe("ada@partners.test")
    })

    it("upgrades a guest customer with the affiliate's email instead of duplicating them", async () => {
      const order = await checkout(api, store, {
        email: "guest@shop.test",
        items: [{ variant_id: store.variants.mug, quantity: 1 }],
      })
      const [guest] = await customersWithEmail("guest@shop.test")
      expect(guest.has_account).toBe(false)

      const affiliate = await createAffiliate({ name: "Gus Guest", email: "guest@shop.test" })
      const result = (await api.post(`/admin/affiliates/${affiliate.id}/sync`, {}, admin)).data
      expect(result.affiliate_account_sync).toEqual(
        expect.objectContaining({ outcome: "linked", customer_id: guest.id, invited: true })
      )
      const customers = await customersWithEmail("guest@shop.test")
      expect(customers).toHaveLength(1)
      expect(customers[0]).toEqual(expect.objectContaining({ id: guest.id, has_account: true }))
      const orders = (await api.get(`/admin/orders?customer_id=${guest.id}`, admin)).data.orders
      expect(orders.map((o: { id: string }) => o.id)).toEqual([order.id])
    })

    it("runs in the background, applies new tags, and creates nothing the second time", async () => {
      const created = await Promise.all(
        ["one", "two", "three"].map((name) =>
          createAffiliate({ name: `Partner ${name}`, email: `${name}@partners.test` })
        )
      )
      await createAffiliate({ name: "Waiting", email: "waiting@partners.test", status: "pending" })
      const events = captureEvents(container)

      const first = (
        await api.post(
          "/admin/affiliate-settings",
          { account_sync: { enabled: true, tags: ["Affiliates"] } },
          admin
        )
      ).data.affiliate_sync_run
      expect(await waitForRun(first.id)).toEqual(
        expect.objectContaining({
          status: "completed",
          total: 3,
          processed: 3,
          created: 3,
          linked: 0,
          tagged: 3,
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
      expect(await waitForRun(resync.data.affiliate_sync_run.id)).toEqual(
        expect.objectContaining({ status: "completed", trigger: "resync", created: 0, linked: 0, tagged: 0, skipped: 3 })
      )

      const retagged = (
        await api.post(
          "/admin/affiliate-settings",
          { account_sync: { tags: ["Affiliates", "Partners"] } },
          admin
        )
      ).data.affiliate_sync_run
      expect(await waitForRun(retagged.id)).toEqual(
        expect.objectContaining({ trigger: "tags_changed", created: 0, tagged: 3, skipped: 0 })
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
      const affiliate = await createAffiliate({ name: "Fay Fail", email: "fay@partners.test" })
      const customerModule = container.resolve(Modules.CUSTOMER)
      const failing = jest
        .spyOn(customerModule, "addCustomerToGroup")
        .mockRejectedValueOnce(new Error("group service down"))

      const { errors } = await syncAffiliateAccountsWorkflow(container).run({
        input: { affiliate_ids: [affiliate.id], tags: ["Affiliates"] },
        throwOnError: false,
      })
      failing.mockRestore()
      expect(errors[0].error.message).toBe("group service down")

      expect(await customersWithEmail("fay@partners.test")).toHaveLength(0)
      const identities = await container
        .resolve(Modules.AUTH)
        .listProviderIdentities({ entity_id: "fay@partners.test" })
      expect(identities).toHaveLength(0)
      expect(await customerModule.listCustomerGroups({ name: "Affiliates" })).toHaveLength(0)
      const after = (await api.get(`/admin/affiliates/${affiliate.id}`, admin)).data.affiliate
      expect(after.customer_id).toBeNull()
    })

    it("syncs a few hundred affiliates, counting each outcome, past one that fails", async () => {
      const customerModule = container.resolve(Modules.CUSTOMER)
      const emails = Array.from({ length: 240 }, (_, i) => `bulk${String(i).padStart(3, "0")}@partners.test`)
      // Half of them already shop here with an account.
      await customerModule.createCustomers(
        emails.filter((_, i) => i % 2 === 0).map((email) => ({ email, has_account: true }))
      )
      await createAffiliatesWorkflow(container).run({
        input: {
          affiliates: emails.map((email, i) => ({
            name: `Bulk ${i}`,
            email,
            status: "approved" as const,
          })),
        },
      })
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
      const finished = await waitForRun(run.id)
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
