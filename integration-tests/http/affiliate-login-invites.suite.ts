import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { httpSuite } from "../helpers/test-runner"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import { createAdminHeaders, decodeToken, type AdminHeaders } from "../helpers/admin"
import { waitForSubscribers } from "../helpers/events"
import { expectHttpError } from "../helpers/http"
import { emailsSent } from "../helpers/notifications"
import { setUpStore, type TestStore } from "../helpers/store"

const PASSWORD = "s3cret-pass"
const INVITE_TEMPLATE = "affiliate-login-invite"
const RESET_TEMPLATE = "affiliate-password-reset"

export default httpSuite({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let store: TestStore
    let container: MedusaContainer

    const bearer = (token: string) => ({
      headers: { ...store.storeHeaders().headers, authorization: `Bearer ${token}` },
    })
    const authBearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })

    /** An affiliate made in the admin, once its automatic invite (if any) has gone out. */
    const createAffiliate = async (email: string, extra: Record<string, unknown> = {}) => {
      let affiliate: { id: string; email: string } | undefined
      await waitForSubscribers(container, "affiliate.created", async () => {
        affiliate = (await api.post("/admin/affiliates", { name: "Jane Doe", email, ...extra }, admin)).data.affiliate
      })
      return affiliate!
    }

    const invitesTo = (to: string) => emailsSent(container, { template: INVITE_TEMPLATE, to })
    const lastInviteToken = async (to: string) => {
      const invites = await invitesTo(to)
      return String(invites[invites.length - 1].data!.token)
    }

    const register = async (email: string, password = PASSWORD) =>
      (await api.post("/auth/affiliate/emailpass/register", { email, password })).data.token as string
    const logIn = async (email: string, password = PASSWORD) =>
      (await api.post("/auth/affiliate/emailpass", { email, password })).data.token as string
    const refresh = async (token: string) =>
      (await api.post("/auth/token/refresh", {}, authBearer(token))).data.token as string
    const claim = (token: string, inviteToken: string) =>
      api.post("/store/affiliates/claim", { token: inviteToken }, bearer(token))

    const loginOf = async (id: string) => {
      const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
      return (await service.retrieveAffiliate(id, { select: ["auth_identity_id"] })).auth_identity_id
    }

    /** "Forgot password" for `actor`, once its subscribers have run. */
    const forgotPassword = (email: string, actor = "affiliate") =>
      waitForSubscribers(container, "auth.password_reset", () =>
        api.post(`/auth/${actor}/emailpass/reset-password`, { identifier: email })
      )

    // Seeded once: the runner snapshots the database after beforeAll and
    // restores it before every test.
    beforeAll(async () => {
      container = getContainer()
      admin = await createAdminHeaders(api, container)
      store = await setUpStore(api, admin)
    })

    it("invites an admin-made affiliate, who registers, claims and opens their dashboard", async () => {
      const affiliate = await createAffiliate("jane@partners.test")

      const [invite] = await invitesTo("jane@partners.test")
      expect(invite).toEqual(
        expect.objectContaining({
          trigger_type: "affiliate.login_invite",
          resource_type: "affiliate",
          resource_id: affiliate.id,
          receiver_id: affiliate.id,
        })
      )
      const data = invite.data!
      expect(data).toEqual({
        affiliate: expect.objectContaining({ id: affiliate.id, name: "Jane Doe" }),
        email: "jane@partners.test",
        token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        claim_url: null,
        expires_at: expect.any(String),
      })
      const days = (Date.parse(String(data.expires_at)) - Date.now()) / 86_400_000
      expect(days).toBeGreaterThan(6.9)
      expect(days).toBeLessThanOrEqual(7)

      const registered = await register("jane@partners.test")
      const claimed = (await claim(registered, String(data.token))).data.affiliate
      expect(claimed).toEqual(expect.objectContaining({ id: affiliate.id, email: "jane@partners.test" }))

      const token = await refresh(registered)
      expect(decodeToken(token)).toEqual(expect.objectContaining({ actor_type: "affiliate", actor_id: affiliate.id }))
      const me = (await api.get("/store/affiliates/me", bearer(token))).data.affiliate
      expect(me.id).toBe(affiliate.id)

      // Single use: the token again, by another login of that email, opens nothing.
      const second = await register("JANE@partners.test")
      await expectHttpError(claim(second, String(data.token)), 400, /not valid/)
      await expectHttpError(claim(registered, String(data.token)), 400, /already an affiliate/)
      // A signed-up affiliate has a login: no invite, and the admin's button says why.
      await expectHttpError(
        api.post(`/admin/affiliates/${affiliate.id}/login-invite`, {}, admin),
        400,
        /already has a login/
      )
      expect(await invitesTo("jane@partners.test")).toHaveLength(1)
    })

    it("re-sends the invite from the admin; the earlier token stops working", async () => {
      const affiliate = await createAffiliate("jane@partners.test")
      const first = await lastInviteToken("jane@partners.test")

      const resent = (await api.post(`/admin/affiliates/${affiliate.id}/login-invite`, {}, admin)).data
      expect(resent.affiliate.id).toBe(affiliate.id)
      expect(resent.login_invite).toEqual({ expires_at: expect.any(String), sent_at: expect.any(String) })
      const second = await lastInviteToken("jane@partners.test")
      expect(second).not.toBe(first)
      expect(JSON.stringify(resent)).not.toContain(second)
      expect(await invitesTo("jane@partners.test")).toHaveLength(2)

      const registered = await register("jane@partners.test")
      await expectHttpError(claim(registered, first), 400, /not valid/)
      await claim(registered, second)
      expect(await loginOf(affiliate.id)).toBe(decodeToken(registered).auth_identity_id)

      await expectHttpError(api.post("/admin/affiliates/aff_missing/login-invite", {}, admin), 404)
      const fields = "+auth_identity_id,+login_invite_sent_at,+login_invite_expires_at"
      const shown = (await api.get(`/admin/affiliates/${affiliate.id}?fields=${fields}`, admin)).data.affiliate
      expect(shown).toEqual(
        expect.objectContaining({ auth_identity_id: decodeToken(registered).auth_identity_id, login_invite_expires_at: null })
      )
      expect(shown.login_invite_sent_at).toBe(resent.login_invite.sent_at)
    })

    it("gives a login registered with the email nothing without the emailed token", async () => {
      const affiliate = await createAffiliate("jane@partners.test")
      const registered = await register("jane@partners.test")

      await expectHttpError(
        api.post("/store/affiliates", { name: "Jane" }, bearer(registered)),
        422,
        /already exists; if it is yours, claim it with the login invite/
      )
      await expectHttpError(claim(registered, "x".repeat(43)), 400, /not valid/)
      await expectHttpError(claim(registered, "not a token!"), 400, /token must be the one/)

      // An invite past its 7 days opens nothing either.
      const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
      await service.updateAffiliates({ id: affiliate.id, login_invite_expires_at: new Date(Date.now() - 1000) })
      await expectHttpError(claim(registered, await lastInviteToken("jane@partners.test")), 400, /expired/)

      expect(await loginOf(affiliate.id)).toBeNull()
      const identity = await container
        .resolve(Modules.AUTH)
        .retrieveAuthIdentity(decodeToken(registered).auth_identity_id)
      expect(identity.app_metadata?.affiliate_id).toBeUndefined()
      await expectHttpError(api.get("/store/affiliates/me", bearer(await refresh(registered))), 401)
    })

    it("refuses a claim by a login with another email, and keeps the invite for its owner", async () => {
      const affiliate = await createAffiliate("jane@partners.test")
      const inviteToken = await lastInviteToken("jane@partners.test")

      const other = await register("mallory@partners.test")
      await expectHttpError(claim(other, inviteToken), 400, /not valid/)
      expect(await loginOf(affiliate.id)).toBeNull()

      const owner = await register("Jane@Partners.test")
      await claim(owner, inviteToken)
      expect(await loginOf(affiliate.id)).toBe(decodeToken(owner).auth_identity_id)
    })

    it("keeps a stranger who registered the email first out; the owner resets and claims", async () => {
      const affiliate = await createAffiliate("jane@partners.test")
      const inviteToken = await lastInviteToken("jane@partners.test")
      const stranger = await register("jane@partners.test", "strangers-pass")
      await expectHttpError(api.post("/store/affiliates", { name: "Not Jane" }, bearer(stranger)), 422)
      await expectHttpError(api.get("/store/affiliates/me", bearer(stranger)), 401)

      // Tokens carry whole seconds: the stranger's is from an earlier second than the reset.
      await new Promise((resolve) => setTimeout(resolve, 1100))
      await forgotPassword("jane@partners.test")
      const [reset] = await emailsSent(container, { template: RESET_TEMPLATE, to: "jane@partners.test" })
      await api.post(
        "/auth/affiliate/emailpass/update",
        { password: "janes-own-pass" },
        authBearer(String(reset.data!.token))
      )
      const owner = await logIn("jane@partners.test", "janes-own-pass")
      await claim(owner, inviteToken)
      const me = (await api.get("/store/affiliates/me", bearer(await refresh(owner)))).data.affiliate
      expect(me.id).toBe(affiliate.id)

      // The stranger's password is gone, and their earlier token no longer refreshes into the affiliate.
      await expectHttpError(logIn("jane@partners.test", "strangers-pass"), 401)
      await expectHttpError(refresh(stranger), 401, /log in again/)
    })

    it("emails an affiliate's forgot-password token once, and nothing for a customer's", async () => {
      await register("sam@partners.test")

      await forgotPassword("sam@partners.test")
      const sent = await emailsSent(container, { template: RESET_TEMPLATE })
      expect(sent).toHaveLength(1)
      expect(sent[0]).toEqual(
        expect.objectContaining({ to: "sam@partners.test", trigger_type: "auth.password_reset", resource_type: "auth_identity" })
      )
      expect(sent[0].data).toEqual({ email: "sam@partners.test", token: expect.any(String), reset_url: null })

      await forgotPassword("sam@partners.test", "customer")
      expect(await emailsSent(container, { template: RESET_TEMPLATE })).toHaveLength(1)
    })

    it("points account sync's skip at the invite, which went out because sync cannot make a login", async () => {
      await api.post("/admin/affiliate-settings", { account_sync: { enabled: true } }, admin)
      const shopper = (
        await api.post("/auth/customer/emailpass/register", { email: "jane@partners.test", password: PASSWORD })
      ).data.token
      await api.post(
        "/store/customers",
        { email: "jane@partners.test", first_name: "Jane" },
        bearer(shopper)
      )
      const affiliate = await createAffiliate("jane@partners.test", { status: "approved" })
      expect(await invitesTo("jane@partners.test")).toHaveLength(1)

      const { affiliate_account_sync } = (
        await api.post(`/admin/affiliates/${affiliate.id}/sync`, {}, admin)
      ).data
      expect(affiliate_account_sync.skip_reason).toMatch(/login invite \(POST \/admin\/affiliates\/:id\/login-invite\)/)

      // The shopper logs in as an affiliate with their store password and claims.
      await claim(await logIn("jane@partners.test"), await lastInviteToken("jane@partners.test"))
      expect(await loginOf(affiliate.id)).toBe(decodeToken(shopper).auth_identity_id)
      const resynced = (await api.post(`/admin/affiliates/${affiliate.id}/sync`, {}, admin)).data
      expect(resynced.affiliate_account_sync.outcome).toBe("linked")
    })
  },
})
