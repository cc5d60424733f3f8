import { httpSuite } from "../helpers/test-runner"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import { captureEvents } from "../helpers/events"
import { expectHttpError as expectError } from "../helpers/http"

export default httpSuite({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let service: AffiliateModuleService

    // Seeded once: the runner snapshots the database after beforeAll and
    // restores it before every test.
    beforeAll(async () => {
      admin = await createAdminHeaders(api, getContainer())
      service = getContainer().resolve(AFFILIATE_MODULE)
    })

    const create = (body: Record<string, unknown>) =>
      api.post("/admin/affiliates", body, admin)

    describe("POST /admin/affiliates", () => {
      it("creates an affiliate with a generated, URL-safe code", async () => {
        const events = captureEvents(getContainer())
        const response = await create({ name: "Jane Doe", email: "Jane@Example.com" })
        events.restore()

        expect(response.status).toBe(200)
        expect(response.data.affiliate).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^aff_/),
            name: "Jane Doe",
            email: "jane@example.com",
            code: expect.stringMatching(/^JANEDOE-[A-Z0-9]{4}$/),
            status: "pending",
            commission_rate: null,
          })
        )
        const [row] = await service.listAffiliates({ email: "jane@example.com" })
        expect(row.code).toBe(response.data.affiliate.code)
        expect(events.named("affiliate.created")).toEqual([
          { name: "affiliate.created", data: { id: row.id } },
        ])
        expect(events.named("affiliate.approved")).toEqual([])
      })

      it("keeps a given code (upper-cased), status and rate", async () => {
        const response = await create({
          name: "Max",
          email: "max@example.com",
          code: "max-10",
          status: "approved",
          commission_rate: 12.5,
        })
        expect(response.data.affiliate).toEqual(
          expect.objectContaining({ code: "MAX-10", status: "approved", commission_rate: 12.5 })
        )
      })

      it.each([
        [{ name: "A", email: "not-an-email" }, /email/],
        [{ name: "A", email: "a@example.com", commission_rate: 101 }, /commission_rate/],
        [{ name: "A", email: "a@example.com", commission_rate: -1 }, /commission_rate/],
        [{ name: "A", email: "a@example.com", status: "vip" }, /status/],
        [{ name: "A", email: "a@example.com", code: "has space" }, /code/],
        [{ email: "a@example.com" }, /name/],
        [{ name: "A", email: "a@example.com", unknown_field: 1 }, /unknown_field/],
      ])("rejects %j with a 400 naming the field, writing nothing", async (body, message) => {
        await expectError(create(body), 400, message)
        expect(await service.listAffiliates({})).toHaveLength(0)
      })

      it("rejects a duplicate email or code with a 422 naming the field", async () => {
        await create({ name: "Jane", email: "jane@example.com", code: "JANE" })

        await expectError(
          create({ name: "Other", email: "JANE@example.com" }),
          422,
          /email.*jane@example\.com/
        )
        await expectError(
          create({ name: "Other", email: "other@example.com", code: "jane" }),
          422,
          /code.*JANE/
        )
        expect(await service.listAffiliates({})).toHaveLength(1)
      })

      it("needs an admin: 401 without a session or token", async () => {
        await expectError(
          api.post("/admin/affiliates", { name: "A", email: "a@example.com" }),
          401,
          /Unauthorized/
        )
        await expectError(api.get("/admin/affiliates"), 401, /Unauthorized/)
      })
    })

    describe("GET /admin/affiliates", () => {
      beforeEach(async () => {
        await create({ name: "Alice Approved", email: "alice@example.com", status: "approved" })
        await create({ name: "Bob Pending", email: "bob@example.com" })
        await create({ name: "Carol Blocked", email: "carol@shop.test", status: "blocked" })
      })

      it("lists with count, offset and limit", async () => {
        const { data } = await api.get("/admin/affiliates?limit=2&order=name", admin)
        expect(data.count).toBe(3)
        expect(data.limit).toBe(2)
        expect(data.offset).toBe(0)
        expect(data.affiliates.map((a: { name: string }) => a.name)).toEqual([
          "Alice Approved",
          "Bob Pending",
        ])

        const page2 = await api.get("/admin/affiliates?limit=2&offset=2&order=name", admin)
        expect(page2.data.affiliates.map((a: { name: string }) => a.name)).toEqual([
          "Carol Blocked",
        ])
      })

      it("searches name, email and code with q", async () => {
        const byEmail = await api.get("/admin/affiliates?q=shop.test", admin)
        expect(byEmail.data.affiliates.map((a: { name: string }) => a.name)).toEqual([
          "Carol Blocked",
        ])
        const byName = await api.get("/admin/affiliates?q=bob", admin)
        expect(byName.data.count).toBe(1)
      })

      it("filters by one or several statuses", async () => {
        const one = await api.get("/admin/affiliates?status=approved", admin)
        expect(one.data.affiliates.map((a: { name: string }) => a.name)).toEqual([
          "Alice Approved",
        ])
        const two = await api.get(
          "/admin/affiliates?status[]=approved&status[]=blocked&order=name",
          admin
        )
        expect(two.data.count).toBe(2)
      })

      it("filters by one or several ids", async () => {
        const all = (await api.get("/admin/affiliates?order=name", admin)).data.affiliates as {
          id: string
          name: string
        }[]
        const [alice, , carol] = all
        const one = await api.get(`/admin/affiliates?id=${carol.id}`, admin)
        expect(one.data.affiliates.map((a: { name: string }) => a.name)).toEqual(["Carol Blocked"])
        const two = await api.get(`/admin/affiliates?id[]=${alice.id}&id[]=${carol.id}&order=name`, admin)
        expect(two.data.affiliates.map((a: { name: string }) => a.name)).toEqual([
          "Alice Approved",
          "Carol Blocked",
        ])
        await expectError(api.get(`/admin/affiliates?id=${"x".repeat(101)}`, admin), 400, /id/)
      })

      it("rejects an unknown status filter with a 400", async () => {
        await expectError(api.get("/admin/affiliates?status=vip", admin), 400, /status/)
      })
    })

    describe("/admin/affiliates/:id", () => {
      let affiliateId: string

      beforeEach(async () => {
        const { data } = await create({ name: "Jane", email: "jane@example.com", code: "JANE" })
        affiliateId = data.affiliate.id
      })

      it("retrieves, updates and clears the rate override", async () => {
        const got = await api.get(`/admin/affiliates/${affiliateId}`, admin)
        expect(got.data.affiliate.code).toBe("JANE")

        const updated = await api.post(
          `/admin/affiliates/${affiliateId}`,
          { name: "Jane D.", commission_rate: 7.5 },
          admin
        )
        expect(updated.data.affiliate).toEqual(
          expect.objectContaining({ name: "Jane D.", commission_rate: 7.5, code: "JANE" })
        )

        const cleared = await api.post(
          `/admin/affiliates/${affiliateId}`,
          { commission_rate: null },
          admin
        )
        expect(cleared.data.affiliate.commission_rate).toBeNull()
      })

      it("approves and blocks, emitting affiliate.approved once", async () => {
        const events = captureEvents(getContainer())

        const approved = await api.post(
          `/admin/affiliates/${affiliateId}`,
          { status: "approved" },
          admin
        )
        expect(approved.data.affiliate.status).toBe("approved")
        await api.post(`/admin/affiliates/${affiliateId}`, { name: "Jane A." }, admin)
        const blocked = await api.post(
          `/admin/affiliates/${affiliateId}`,
          { status: "blocked" },
          admin
        )
        expect(blocked.data.affiliate.status).toBe("blocked")
        events.restore()

        expect(events.named("affiliate.approved")).toEqual([
          { name: "affiliate.approved", data: { id: affiliateId } },
        ])
        expect((await service.retrieveAffiliate(affiliateId)).status).toBe("blocked")
      })

      it("rejects taking another affiliate's email with a 422, changing nothing", async () => {
        await create({ name: "Max", email: "max@example.com" })
        await expectError(
          api.post(`/admin/affiliates/${affiliateId}`, { email: "max@example.com", name: "X" }, admin),
          422,
          /email/
        )
        expect((await service.retrieveAffiliate(affiliateId)).name).toBe("Jane")
      })

      it("answers 404 for an unknown id on read, update and delete", async () => {
        await expectError(api.get("/admin/affiliates/aff_missing", admin), 404, /aff_missing/)
        await expectError(
          api.post("/admin/affiliates/aff_missing", { name: "X" }, admin),
          404,
          /aff_missing/
        )
        await expectError(api.delete("/admin/affiliates/aff_missing", admin), 404, /aff_missing/)
      })

      it("soft-deletes, freeing the email and code", async () => {
        const deleted = await api.delete(`/admin/affiliates/${affiliateId}`, admin)
        expect(deleted.data).toEqual({ id: affiliateId, object: "affiliate", deleted: true })
        await expectError(api.get(`/admin/affiliates/${affiliateId}`, admin), 404, /not found/)

        const [row] = await service.listAffiliates({ id: affiliateId }, { withDeleted: true })
        expect(row.deleted_at).not.toBeNull()

        const again = await create({ name: "Jane 2", email: "jane@example.com", code: "JANE" })
        expect(again.status).toBe(200)
      })
    })

    describe("/admin/affiliate-settings", () => {
      it("returns the defaults (rate from the plugin option) before any save", async () => {
        const { data } = await api.get("/admin/affiliate-settings", admin)
        expect(data.affiliate_settings).toEqual({
          id: null,
          default_commission_rate: 10,
          auto_approve: false,
          auto_approve_commissions: false,
          auto_connect: true,
          attribution_order: ["connection", "coupon", "link"],
          account_sync: { enabled: false, tags: [] },
          hold_days: 0,
          minimum_payouts: {},
        })
      })

      it("saves and returns the settings; null restores a default", async () => {
        const saved = await api.post(
          "/admin/affiliate-settings",
          { default_commission_rate: 12.5, auto_approve: true, attribution_order: ["link", "coupon", "connection"] },
          admin
        )
        expect(saved.data.affiliate_settings).toEqual(
          expect.objectContaining({
            default_commission_rate: 12.5,
            auto_approve: true,
            auto_connect: true,
            attribution_order: ["link", "coupon", "connection"],
          })
        )
        const reset = await api.post(
          "/admin/affiliate-settings",
          { default_commission_rate: null },
          admin
        )
        expect(reset.data.affiliate_settings.default_commission_rate).toBe(10)
        expect(reset.data.affiliate_settings.auto_approve).toBe(true)
      })

      it.each([
        [{ default_commission_rate: 150 }, /default_commission_rate/],
        [{ auto_approve: "yes" }, /auto_approve/],
        [{ attribution_order: ["link", "link", "coupon"] }, /attribution_order/],
      ])("rejects %j with a 400", async (body, message) => {
        await expectError(api.post("/admin/affiliate-settings", body, admin), 400, message)
        expect(await service.listAffiliateSettings({})).toHaveLength(0)
      })
    })
  },
})
