import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { httpSuite } from "../helpers/test-runner"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import { processAffiliateSyncRun } from "../../src/workflows"
import { accountSyncApi, until } from "../helpers/account-sync"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import { captureEvents, waitForSubscribers } from "../helpers/events"
import { emailsSent } from "../helpers/notifications"
import { expectHttpError } from "../helpers/http"
import { checkout, setUpStore, type TestStore } from "../helpers/store"

const STRANGER_PASSWORD = "strangers-own-pass"
const OWNER_PASSWORD = "owners-own-pass"

/**
 * Account sync attacked the way a stranger would: an email is not proof of
 * ownership (Medusa's emailpass registration verifies nothing), so no
 * customer record, order or login may change hands through it.
 */
export default httpSuite({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let store: TestStore
    let container: MedusaContainer
    let sync: ReturnType<typeof accountSyncApi>

    const customersWithEmail = (email: string) =>
      container.resolve(Modules.CUSTOMER).listCustomers({ email }, { relations: ["groups"] })

    const emailpassIdentities = (email: string) =>
      container
        .resolve(Modules.AUTH)
        .listProviderIdentities({ provider: "emailpass", entity_id: email }, { relations: ["auth_identity"] })

    const switchSyncOn = (extra: Record<string, unknown> = {}) =>
      api.post(
        "/admin/affiliate-settings",
        { ...extra, account_sync: { enabled: true, tags: ["Affiliates"] } },
        admin
      )

    // Seeded once: the runner snapshots the database after beforeAll and
    // restores it before every test.
    beforeAll(async () => {
      container = getContainer()
      admin = await createAdminHeaders(api, container)
      store = await setUpStore(api, admin)
      sync = accountSyncApi(api, admin, store)
    })

    it("never gives a stranger signing up with a shopper's email her guest, admin-made or connected customer record", async () => {
      const order = await checkout(api, store, {
        email: "vera@shop.test",
        items: [{ variant_id: store.variants.mug, quantity: 1 }],
      })
      await api.post("/admin/customers", { email: "adam@shop.test", first_name: "Adam" }, admin)
      const owner = await sync.createAffiliate({ name: "Owner Olga", email: "olga@partners.test" })
      await api.post(
        "/admin/affiliate-connections",
        { affiliate_id: owner.id, customer: { email: "cody@shop.test" } },
        admin
      )
      await switchSyncOn({ auto_approve: true })

      for (const email of ["vera@shop.test", "adam@shop.test", "cody@shop.test"]) {
        const [victim] = await customersWithEmail(email)
        const affiliate = await sync.signUpAffiliate(email, STRANGER_PASSWORD, { name: "Stranger" })
        const synced = await sync.waitForAccount(affiliate.id)

        // The stranger gets a new, empty account, as Medusa's own sign-up would give them.
        expect(synced.customer.id).not.toBe(victim.id)
        const [untouched] = (await customersWithEmail(email)).filter((c) => c.id === victim.id)
        expect(untouched.has_account).toBe(false)
        expect(untouched.groups).toEqual([])

        const login = await sync.customerLogin(email, STRANGER_PASSWORD)
        const bearer = sync.storeBearer(login.data.token)
        expect((await api.get("/store/customers/me", bearer)).data.customer.id).toBe(synced.customer.id)
        expect((await api.get("/store/orders", bearer)).data.orders).toEqual([])
      }
      const guestOrders = (await api.get(`/admin/orders?id=${order.id}&fields=customer_id`, admin)).data.orders
      const [vera] = (await customersWithEmail("vera@shop.test")).filter((c) => !c.has_account)
      expect(guestOrders[0].customer_id).toBe(vera.id)
    })

    it("does not hand an admin-created affiliate's account to whoever registered its email first", async () => {
      // Someone registers a login with the affiliate's email before the store makes the affiliate.
      await api.post("/auth/customer/emailpass/register", {
        email: "ada@partners.test",
        password: STRANGER_PASSWORD,
      })
      await switchSyncOn()
      const events = captureEvents(container)
      const affiliate = await sync.createAffiliate({ name: "Ada Admin", email: "ada@partners.test" })

      const { affiliate_account_sync } = (
        await api.post(`/admin/affiliates/${affiliate.id}/sync`, {}, admin)
      ).data
      expect(affiliate_account_sync).toEqual(
        expect.objectContaining({
          outcome: "skipped",
          customer_id: null,
          invited: false,
          skip_reason: expect.stringMatching(/not this affiliate's login/),
        })
      )
      expect(await customersWithEmail("ada@partners.test")).toEqual([])
      const [identity] = await emailpassIdentities("ada@partners.test")
      expect(identity.auth_identity!.app_metadata ?? {}).toEqual({})

      const login = await sync.customerLogin("ada@partners.test", STRANGER_PASSWORD)
      await expectHttpError(api.get("/store/customers/me", sync.storeBearer(login.data.token)), 401)
      events.restore()
      expect(events.named("auth.password_reset")).toEqual([])
      expect(await emailsSent(container, { trigger_type: "affiliate.account_invite" })).toEqual([])
    })

    it("does not take a stranger's customer for one sync made, whatever metadata the stranger gave it", async () => {
      const affiliate = await sync.createAffiliate({ name: "Ada Admin", email: "ada@partners.test" })
      // A shopper's own sign-up (another letter case), claiming the affiliate in its metadata.
      const token = (
        await api.post("/auth/customer/emailpass/register", {
          email: "Ada@Partners.test",
          password: STRANGER_PASSWORD,
        })
      ).data.token
      const { customer } = (
        await api.post(
          "/store/customers",
          // (Medusa's store route refuses `created_by`, the mark of a customer sync made.)
          { email: "Ada@Partners.test", metadata: { affiliate_id: affiliate.id } },
          sync.storeBearer(token)
        )
      ).data
      await switchSyncOn()

      const result = (await api.post(`/admin/affiliates/${affiliate.id}/sync`, {}, admin)).data
      expect(result.affiliate_account_sync).toEqual(
        expect.objectContaining({ outcome: "skipped", customer_id: null, invited: false })
      )
      const [stranger] = await customersWithEmail("Ada@Partners.test")
      expect(stranger).toEqual(expect.objectContaining({ id: customer.id, groups: [] }))
    })

    it("does not link a registered shopper to someone else's affiliate, nor let a stranger take her email", async () => {
      const rita = await sync.registerCustomer("rita@shop.test", OWNER_PASSWORD, "Rita")
      await switchSyncOn({ auto_approve: true })

      // The same email in other letters is the same person's.
      const token = (
        await api.post("/auth/affiliate/emailpass/register", {
          email: "Rita@Shop.test",
          password: STRANGER_PASSWORD,
        })
      ).data.token
      await expectHttpError(
        api.post("/store/affiliates", { name: "Not Rita" }, sync.storeBearer(token)),
        422,
        /a store account already uses rita@shop.test/
      )
      expect((await api.get("/admin/affiliates?q=rita", admin)).data.affiliates).toEqual([])

      // An affiliate the admin makes with her email is not given her account either.
      const affiliate = await sync.createAffiliate({ name: "Rita Maybe", email: "rita@shop.test" })
      const result = (await api.post(`/admin/affiliates/${affiliate.id}/sync`, {}, admin)).data
      expect(result.affiliate_account_sync).toEqual(
        expect.objectContaining({ outcome: "skipped", customer_id: null })
      )
      const [customer] = await customersWithEmail("rita@shop.test")
      expect(customer).toEqual(expect.objectContaining({ id: rita.id, groups: [] }))
      expect((await api.get(`/admin/affiliates/${affiliate.id}`, admin)).data.affiliate.customer).toBeFalsy()
    })

    it("links a shopper who becomes an affiliate from her own account, with either login", async () => {
      const rita = await sync.registerCustomer("rita@shop.test", OWNER_PASSWORD, "Rita")
      const carl = await sync.registerCustomer("carl@shop.test", OWNER_PASSWORD, "Carl")
      await switchSyncOn({ auto_approve: true })

      // Rita logs in to the affiliate area with her store password.
      const ritaToken = (
        await api.post("/auth/affiliate/emailpass", { email: "rita@shop.test", password: OWNER_PASSWORD })
      ).data.token
      const ritaAffiliate = (
        await api.post("/store/affiliates", { name: "Rita Reads" }, sync.storeBearer(ritaToken))
      ).data.affiliate
      // Carl is logged in to the store and signs up from there.
      const carlToken = (await sync.customerLogin("carl@shop.test", OWNER_PASSWORD)).data.token
      const carlAffiliate = (
        await api.post("/store/affiliates", { name: "Carl Cooks" }, sync.storeBearer(carlToken))
      ).data.affiliate

      for (const [affiliate, customer] of [
        [ritaAffiliate, rita],
        [carlAffiliate, carl],
      ] as const) {
        const synced = await sync.waitForAccount(affiliate.id)
        expect(synced.customer.id).toBe(customer.id)
        const [tagged] = await customersWithEmail(customer.email)
        expect(tagged.groups!.map((group) => group.name)).toEqual(["Affiliates"])
      }
      const affiliateLogin = await api.post("/auth/affiliate/emailpass", {
        email: "carl@shop.test",
        password: OWNER_PASSWORD,
      })
      const me = (await api.get("/store/affiliates/me", sync.storeBearer(affiliateLogin.data.token))).data
      expect(me.affiliate.id).toBe(carlAffiliate.id)
    })

    it("gives a mixed-case sign-up email one login, opening both the affiliate and the customer account", async () => {
      await switchSyncOn({ auto_approve: true })
      const events = captureEvents(container)
      const affiliate = await sync.signUpAffiliate("Mia@Partners.Test", OWNER_PASSWORD, { name: "Mia Mix" })
      expect(affiliate.email).toBe("mia@partners.test")
      const synced = await sync.waitForAccount(affiliate.id)
      events.restore()

      expect(events.named("auth.password_reset")).toEqual([])
      expect(await emailsSent(container, { trigger_type: "affiliate.account_invite" })).toEqual([])
      expect(await emailpassIdentities("mia@partners.test")).toEqual([])
      const login = await sync.customerLogin("Mia@Partners.Test", OWNER_PASSWORD)
      const me = (await api.get("/store/customers/me", sync.storeBearer(login.data.token))).data.customer
      expect(me.id).toBe(synced.customer.id)
    })

    it("applies tags saved while a run was active, with a run of its own", async () => {
      const affiliates = await Promise.all(
        ["one", "two"].map((name) => sync.createAffiliate({ name: `Partner ${name}`, email: `${name}@partners.test` }))
      )
      const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
      const active = await service.createAffiliateSyncRuns({ trigger: "resync", tags: ["Old"], total: 2 })

      // Saved while the run is active: the run in progress is returned, no second one starts.
      const saved = (
        await api.post("/admin/affiliate-settings", { account_sync: { enabled: true, tags: ["New"] } }, admin)
      ).data
      expect(saved.affiliate_sync_run.id).toBe(active.id)

      await processAffiliateSyncRun(container, active.id)
      const followUp = await until(
        async () => (await api.get("/admin/affiliate-sync-runs", admin)).data.affiliate_sync_runs[0],
        (run) => run.id !== active.id && run.status === "completed"
      )
      expect(followUp).toEqual(expect.objectContaining({ trigger: "tags_changed", tags: ["New"], tagged: 2 }))
      for (const affiliate of affiliates) {
        const [customer] = await customersWithEmail(affiliate.email)
        expect(customer.groups!.map((group) => group.name).sort()).toEqual(["New", "Old"])
      }
    })

    it("lets the login of a deleted affiliate sign up again", async () => {
      const first = await sync.signUpAffiliate("del@partners.test", OWNER_PASSWORD, { name: "Del First" })
      await api.delete(`/admin/affiliates/${first.id}`, admin)

      const login = await api.post("/auth/affiliate/emailpass", {
        email: "del@partners.test",
        password: OWNER_PASSWORD,
      })
      const again = (
        await api.post("/store/affiliates", { name: "Del Again" }, sync.storeBearer(login.data.token))
      ).data.affiliate
      expect(again.id).not.toBe(first.id)

      const relogin = await api.post("/auth/affiliate/emailpass", {
        email: "del@partners.test",
        password: OWNER_PASSWORD,
      })
      const me = (await api.get("/store/affiliates/me", sync.storeBearer(relogin.data.token))).data
      expect(me.affiliate).toEqual(expect.objectContaining({ id: again.id, name: "Del Again" }))
    })

    it("sees the affiliate's own mailbox behind a +tag or Gmail's dots as self-referral", async () => {
      const jane = await sync.createAffiliate({ name: "Jane", email: "jane.doe@gmail.com", code: "JANE" })
      const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
      /** The crediting decision of an order placed through Jane's link. */
      const decisionFor = async (email: string) => {
        const order = await waitForSubscribers(container, "order.placed", () =>
          checkout(api, store, {
            email,
            items: [{ variant_id: store.variants.mug, quantity: 1 }],
            referralCode: "JANE",
          })
        )
        const [decision] = await service.listAffiliateOrderAttributions({ order_id: order.id })
        return decision
      }

      for (const own of ["jane.doe+shop@gmail.com", "Jane.Doe+deals@googlemail.com", "janedoe@gmail.com"]) {
        expect(await decisionFor(own)).toEqual(
          expect.objectContaining({ affiliate_id: jane.id, outcome: "self_referral" })
        )
      }
      expect(await decisionFor("jane.doe.friend@gmail.com")).toEqual(
        expect.objectContaining({ affiliate_id: jane.id, outcome: "credited" })
      )
    })
  },
})
