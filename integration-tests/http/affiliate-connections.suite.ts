import { Modules } from "@medusajs/framework/utils"
import { httpSuite } from "../helpers/test-runner"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import {
  createAffiliateConnectionStepId,
  createAffiliateConnectionWorkflow,
} from "../../src/workflows"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import { captureEvents } from "../helpers/events"
import { expectHttpError } from "../helpers/http"
import { expectListReadAsGraph } from "../helpers/list-rows"
import { defaultAdminAffiliateConnectionFields } from "../../src/api/admin/affiliate-connections/query-config"

type Affiliate = { id: string; name: string; code: string }

export default httpSuite({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let service: AffiliateModuleService
    let jane: Affiliate
    let max: Affiliate

    const createAffiliate = async (body: Record<string, unknown>) =>
      (await api.post("/admin/affiliates", body, admin)).data.affiliate as Affiliate

    const createCustomer = async (email: string, first_name = "Cora") =>
      (await api.post("/admin/customers", { email, first_name, last_name: "Buyer" }, admin))
        .data.customer as { id: string; email: string }

    const connect = (body: Record<string, unknown>) =>
      api.post("/admin/affiliate-connections", body, admin)

    const liveConnections = (customerId: string) =>
      service.listAffiliateConnections({ customer_id: customerId, ended_at: null })

    // Seeded once: the runner snapshots the database after beforeAll and
    // restores it before every test.
    beforeAll(async () => {
      admin = await createAdminHeaders(api, getContainer())
      service = getContainer().resolve(AFFILIATE_MODULE)
      jane = await createAffiliate({ name: "Jane", email: "jane@aff.test", code: "JANE", status: "approved" })
      max = await createAffiliate({ name: "Max", email: "max@aff.test", code: "MAX", status: "approved" })
    })

    describe("POST /admin/affiliate-connections", () => {
      it("connects an existing customer with source admin and emits the event", async () => {
        const customer = await createCustomer("cora@shop.test")
        const events = captureEvents(getContainer())

        const { status, data } = await connect({ affiliate_id: jane.id, customer_id: customer.id })
        events.restore()

        expect(status).toBe(200)
        expect(data.affiliate_connection).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^affconn_/),
            affiliate_id: jane.id,
            customer_id: customer.id,
            source: "admin",
            created_by: expect.stringMatching(/^user_/),
            ended_at: null,
            affiliate: expect.objectContaining({ name: "Jane", code: "JANE" }),
            customer: expect.objectContaining({ email: "cora@shop.test", first_name: "Cora" }),
          })
        )
        expect(events.named("affiliate_connection.created")).toEqual([
          { name: "affiliate_connection.created", data: { id: data.affiliate_connection.id } },
        ])
      })

      it("creates a new store customer from email and name", async () => {
        const { data } = await connect({
          affiliate_id: jane.id,
          customer: { email: "New.Buyer@Shop.test", first_name: "Nia", last_name: "New" },
        })

        const customers = await getContainer()
          .resolve(Modules.CUSTOMER)
          .listCustomers({ email: "new.buyer@shop.test" })
        expect(customers).toHaveLength(1)
        expect(customers[0]).toEqual(
          expect.objectContaining({ first_name: "Nia", last_name: "New", has_account: false })
        )
        expect(data.affiliate_connection.customer_id).toBe(customers[0].id)
      })

      it("reuses the customer who already has that email instead of duplicating them", async () => {
        const existing = await createCustomer("cora@shop.test")
        const { data } = await connect({
          affiliate_id: jane.id,
          customer: { email: "CORA@shop.test", first_name: "Someone else" },
        })
        expect(data.affiliate_connection.customer_id).toBe(existing.id)
        const customers = await getContainer()
          .resolve(Modules.CUSTOMER)
          .listCustomers({ email: "cora@shop.test" })
        expect(customers).toHaveLength(1)
      })

      it("refuses a second affiliate with a 409 naming the current one", async () => {
        const customer = await createCustomer("cora@shop.test")
        await connect({ affiliate_id: jane.id, customer_id: customer.id })

        await expectHttpError(
          connect({ affiliate_id: max.id, customer_id: customer.id }),
          409,
          /already connected to affiliate Jane \(JANE\).*replace: true/
        )
        await expectHttpError(
          connect({ affiliate_id: jane.id, customer_id: customer.id }),
          409,
          /already connected to Jane/
        )
        const live = await liveConnections(customer.id)
        expect(live.map((c) => c.affiliate_id)).toEqual([jane.id])
      })

      it("moves the customer with replace: true, ending the old connection", async () => {
        const customer = await createCustomer("cora@shop.test")
        const first = (await connect({ affiliate_id: jane.id, customer_id: customer.id })).data
          .affiliate_connection

        const moved = await connect({ affiliate_id: max.id, customer_id: customer.id, replace: true })
        expect(moved.data.affiliate_connection.affiliate_id).toBe(max.id)

        const all = await service.listAffiliateConnections(
          { customer_id: customer.id },
          { order: { created_at: "ASC" } }
        )
        expect(all).toHaveLength(2)
        expect(all[0]).toEqual(
          expect.objectContaining({
            id: first.id,
            affiliate_id: jane.id,
            ended_reason: "replaced",
            ended_at: expect.any(Date),
          })
        )
        expect(all[1]).toEqual(expect.objectContaining({ affiliate_id: max.id, ended_at: null }))
      })

      it("refuses a blocked affiliate and the affiliate's own account with a 400", async () => {
        const blocked = await createAffiliate({ name: "Bo", email: "bo@aff.test", status: "blocked" })
        const customer = await createCustomer("cora@shop.test")
        await expectHttpError(
          connect({ affiliate_id: blocked.id, customer_id: customer.id }),
          400,
          /blocked/
        )

        const ownAccount = await createCustomer("JANE@aff.test")
        await expectHttpError(
          connect({ affiliate_id: jane.id, customer_id: ownAccount.id }),
          400,
          /own account/
        )
        await expectHttpError(
          connect({ affiliate_id: jane.id, customer: { email: "jane@aff.test" } }),
          400,
          /own account/
        )
        expect(await service.listAffiliateConnections({})).toHaveLength(0)
        const janes = await getContainer()
          .resolve(Modules.CUSTOMER)
          .listCustomers({ email: ["jane@aff.test", "JANE@aff.test"] })
        expect(janes).toHaveLength(1)
      })

      it.each([
        [{ customer_id: "cus_1" }, 400, /affiliate_id/],
        [{ affiliate_id: "aff_1" }, 400, /customer_id or customer/],
        [{ affiliate_id: "aff_1", customer_id: "cus_1", customer: { email: "a@b.co" } }, 400, /customer_id or customer/],
        [{ affiliate_id: "aff_1", customer: { email: "nope" } }, 400, /customer\.email|email/],
        [{ affiliate_id: "aff_1", customer_id: "cus_1", replace: "yes" }, 400, /replace/],
      ])("rejects %j with a clear 4xx", async (body, status, message) => {
        await expectHttpError(connect(body), status, message)
      })

      it("answers 404 for an unknown affiliate or customer, writing nothing", async () => {
        const customer = await createCustomer("cora@shop.test")
        await expectHttpError(
          connect({ affiliate_id: "aff_missing", customer_id: customer.id }),
          404,
          /affiliate_id.*aff_missing/
        )
        await expectHttpError(
          connect({ affiliate_id: jane.id, customer_id: "cus_missing" }),
          404,
          /customer_id.*cus_missing/
        )
        await expectHttpError(
          connect({ affiliate_id: "aff_missing", customer: { email: "ghost@shop.test" } }),
          404
        )
        expect(await service.listAffiliateConnections({})).toHaveLength(0)
        const ghosts = await getContainer()
          .resolve(Modules.CUSTOMER)
          .listCustomers({ email: "ghost@shop.test" })
        expect(ghosts).toHaveLength(0)
      })

      it("two simultaneous requests for one customer: one connection, one 200 and one 409", async () => {
        const customer = await createCustomer("cora@shop.test")

        const results = await Promise.allSettled([
          connect({ affiliate_id: jane.id, customer_id: customer.id }),
          connect({ affiliate_id: max.id, customer_id: customer.id }),
        ])

        const statuses = results
          .map((r) =>
            r.status === "fulfilled"
              ? r.value.status
              : (r.reason as { response: { status: number } }).response.status
          )
          .sort()
        expect(statuses).toEqual([200, 409])
        expect(await liveConnections(customer.id)).toHaveLength(1)
        expect(await service.listAffiliateConnections({ customer_id: customer.id })).toHaveLength(1)
      })

      it("simultaneous requests for one new email: one customer, one connection, the rest 409 naming the winner", async () => {
        const affiliates = [jane, max]
        const results = await Promise.allSettled(
          Array.from({ length: 8 }, (_, i) =>
            connect({ affiliate_id: affiliates[i % 2].id, customer: { email: "Rush@Shop.test" } })
          )
        )

        const won = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.data.affiliate_connection] : []))
        const lost = results.flatMap((r) =>
          r.status === "rejected" ? [(r.reason as { response: { status: number; data: { message: string } } }).response] : []
        )
        expect(won).toHaveLength(1)
        const winner = affiliates.find((a) => a.id === won[0].affiliate_id)!
        expect(lost.map((response) => response.status)).toEqual(Array(7).fill(409))
        for (const response of lost) {
          expect(response.data.message).toContain(`${winner.name} (${winner.code})`)
        }
        const customers = await getContainer()
          .resolve(Modules.CUSTOMER)
          .listCustomers({ email: "rush@shop.test" })
        expect(customers.map((c) => c.id)).toEqual([won[0].customer_id])
        expect(await liveConnections(won[0].customer_id)).toHaveLength(1)
      })

      it("removes the customer it created when the connection then fails (compensation)", async () => {
        const workflow = createAffiliateConnectionWorkflow(getContainer())
        workflow.appendAction("fail-after-connection", createAffiliateConnectionStepId, {
          invoke: async () => {
            throw new Error("connection step failed")
          },
        })

        const { errors } = await workflow.run({
          input: {
            affiliate_id: jane.id,
            customer: { email: "rollback@shop.test", first_name: "Rolled" },
            source: "admin",
          },
          throwOnError: false,
        })

        expect(errors[0].error.message).toBe("connection step failed")
        const leftovers = await getContainer()
          .resolve(Modules.CUSTOMER)
          .listCustomers({ email: "rollback@shop.test" })
        expect(leftovers).toHaveLength(0)
        expect(await service.listAffiliateConnections({}, { withDeleted: true })).toHaveLength(0)
      })

      it("needs an admin", async () => {
        await expectHttpError(
          api.post("/admin/affiliate-connections", { affiliate_id: jane.id, customer_id: "cus_1" }),
          401
        )
      })
    })

    describe("GET /admin/affiliate-connections", () => {
      beforeEach(async () => {
        const cora = await createCustomer("cora@shop.test", "Cora")
        const dan = await createCustomer("dan@other.test", "Dan")
        const eve = await createCustomer("eve@shop.test", "Eve")
        await connect({ affiliate_id: jane.id, customer_id: cora.id })
        await connect({ affiliate_id: jane.id, customer_id: dan.id })
        const eveConnection = (await connect({ affiliate_id: max.id, customer_id: eve.id })).data
        await api.delete(
          `/admin/affiliate-connections/${eveConnection.affiliate_connection.id}`,
          admin
        )
      })

      it("lists live connections with customer and affiliate", async () => {
        const { data } = await api.get("/admin/affiliate-connections?order=created_at", admin)
        expect(data.count).toBe(2)
        expect(data.affiliate_connections.map((c: { customer: { email: string } }) => c.customer.email)).toEqual([
          "cora@shop.test",
          "dan@other.test",
        ])
        expect(data.affiliate_connections[0].affiliate).toEqual(
          expect.objectContaining({ name: "Jane", code: "JANE" })
        )
        // Read in plain SQL, as query.graph reads it; ended ones too.
        for (const status of ["active", "ended"]) {
          await expectListReadAsGraph(api, admin, {
            table: "affiliate_connection",
            path: `/admin/affiliate-connections?status=${status}`,
            defaults: defaultAdminAffiliateConnectionFields,
          })
        }
      })

      it("filters by affiliate, customer, source and status, and searches the customer", async () => {
        const byAffiliate = await api.get(`/admin/affiliate-connections?affiliate_id=${max.id}`, admin)
        expect(byAffiliate.data.count).toBe(0)

        const ended = await api.get(`/admin/affiliate-connections?status=ended`, admin)
        expect(ended.data.affiliate_connections).toEqual([
          expect.objectContaining({ ended_reason: "removed", customer: expect.objectContaining({ email: "eve@shop.test" }) }),
        ])

        const search = await api.get("/admin/affiliate-connections?q=other.test", admin)
        expect(search.data.affiliate_connections.map((c: { customer: { email: string } }) => c.customer.email)).toEqual([
          "dan@other.test",
        ])
        const byName = await api.get("/admin/affiliate-connections?q=cora", admin)
        expect(byName.data.count).toBe(1)

        const bySource = await api.get("/admin/affiliate-connections?source=import", admin)
        expect(bySource.data.count).toBe(0)

        await expectHttpError(api.get("/admin/affiliate-connections?source=magic", admin), 400, /source must be one of/)
      })

      it("combines the search with the customer filter, and answers an empty page when nobody matches", async () => {
        const [cora] = await getContainer()
          .resolve(Modules.CUSTOMER)
          .listCustomers({ email: "cora@shop.test" })
        const both = await api.get(`/admin/affiliate-connections?q=shop.test&customer_id=${cora.id}`, admin)
        expect(both.data.affiliate_connections).toEqual([expect.objectContaining({ customer_id: cora.id })])

        const none = await api.get("/admin/affiliate-connections?q=nobody&offset=40&limit=10", admin)
        expect(none.data).toEqual({ affiliate_connections: [], count: 0, offset: 40, limit: 10 })
      })

      it("resolves a broad search to its newest 1,000 matching customers", async () => {
        const customers = getContainer().resolve(Modules.CUSTOMER)
        const oldest = await createCustomer("wide-oldest@wide.test")
        await customers.createCustomers(
          Array.from({ length: 1000 }, (_, i) => ({ email: `wide-${i}@wide.test` }))
        )
        const newest = await createCustomer("wide-newest@wide.test")
        await connect({ affiliate_id: jane.id, customer_id: oldest.id })
        await connect({ affiliate_id: max.id, customer_id: newest.id })

        // 1,002 customers match: the search covers the newest 1,000 of them.
        const broad = await api.get("/admin/affiliate-connections?q=wide.test", admin)
        expect(broad.data.affiliate_connections).toEqual([
          expect.objectContaining({ customer_id: newest.id }),
        ])
        // A search that names the customer finds them.
        const narrow = await api.get("/admin/affiliate-connections?q=wide-oldest@", admin)
        expect(narrow.data.affiliate_connections).toEqual([
          expect.objectContaining({ customer_id: oldest.id }),
        ])
      })

      it("lists the affiliate's customers with their connection and order count", async () => {
        const { data } = await api.get(`/admin/affiliates/${jane.id}/customers`, admin)
        expect(data.count).toBe(2)
        expect(data.customers).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              email: "cora@shop.test",
              order_count: 0,
              connection: expect.objectContaining({ source: "admin" }),
            }),
          ])
        )
        await expectHttpError(api.get(`/admin/affiliates/aff_missing/customers`, admin), 404)
      })
    })

    describe("POST /admin/affiliate-connections/import", () => {
      const importCsv = (csv: string, dry_run?: boolean) =>
        api.post("/admin/affiliate-connections/import", { csv, dry_run }, admin)

      const csv = [
        "customer_email,affiliate_code,affiliate_email,first_name,last_name",
        "cora@shop.test,jane,,,",
        "new.one@shop.test,,max@aff.test,Nora,New",
        "taken@shop.test,MAX,,,",
        "linked@shop.test,JANE,,,",
        "not-an-email,JANE,,,",
        "who@shop.test,NOPE,,,",
        "jane@aff.test,JANE,,,",
        "cora@shop.test,MAX,,,",
      ].join("\n")

      beforeEach(async () => {
        await createCustomer("cora@shop.test")
        const taken = await createCustomer("taken@shop.test")
        const linked = await createCustomer("linked@shop.test")
        await connect({ affiliate_id: jane.id, customer_id: taken.id })
        await connect({ affiliate_id: jane.id, customer_id: linked.id })
      })

      it("reports per row what a dry run would do, writing nothing", async () => {
        const { data } = await importCsv(csv, true)

        expect(data.dry_run).toBe(true)
        expect(data.rows.map((r: { line: number; result: string }) => [r.line, r.result])).toEqual([
          [2, "create"],
          [3, "create"],
          [4, "conflict"],
          [5, "already_connected"],
          [6, "invalid_email"],
          [7, "unknown_affiliate"],
          [8, "own_account"],
          [9, "duplicate_row"],
        ])
        expect(data.rows[1]).toEqual(expect.objectContaining({ customer: "new" }))
        expect(data.rows[2].message).toMatch(/Jane \(JANE\)/)
        expect(data.summary).toEqual(
          expect.objectContaining({ total: 8, create: 2, conflict: 1, already_connected: 1 })
        )
        expect(await service.listAffiliateConnections({ source: "import" })).toHaveLength(0)
        const created = await getContainer()
          .resolve(Modules.CUSTOMER)
          .listCustomers({ email: "new.one@shop.test" })
        expect(created).toHaveLength(0)
      })

      it("applies the create rows on a real run, with the same report", async () => {
        const dry = await importCsv(csv, true)
        const events = captureEvents(getContainer())
        const { data } = await importCsv(csv)
        events.restore()

        expect(data.dry_run).toBe(false)
        expect(data.rows).toEqual(dry.data.rows)
        const imported = await service.listAffiliateConnections({ source: "import" })
        expect(imported).toHaveLength(2)
        const [nora] = await getContainer()
          .resolve(Modules.CUSTOMER)
          .listCustomers({ email: "new.one@shop.test" })
        expect(nora).toEqual(expect.objectContaining({ first_name: "Nora", last_name: "New" }))
        expect(imported.map((c) => [c.customer_id, c.affiliate_id])).toEqual(
          expect.arrayContaining([[nora.id, max.id]])
        )
        expect(events.named("affiliate_connection.created")).toHaveLength(2)

        const again = await importCsv(csv)
        expect(again.data.summary.create ?? 0).toBe(0)
        expect(await service.listAffiliateConnections({ source: "import" })).toHaveLength(2)
      })

      it.each([
        ["", /csv/],
        ["email,code\na@b.co,JANE", /customer_email and affiliate_code or affiliate_email/],
        ["customer_email,affiliate_code,color\na@b.co,JANE,red", /unknown column color/],
        ["customer_email,affiliate_code\n", /no rows/],
        ['customer_email,affiliate_code\n"unterminated,JANE', /could not be read/],
      ])("rejects a malformed file %j with a 400", async (file, message) => {
        await expectHttpError(importCsv(file), 400, message)
        expect(await service.listAffiliateConnections({ source: "import" })).toHaveLength(0)
      })
    })

    describe("DELETE /admin/affiliate-connections/:id", () => {
      it("ends the connection, keeps the row, emits the event, and frees the customer", async () => {
        const customer = await createCustomer("cora@shop.test")
        const { data } = await connect({ affiliate_id: jane.id, customer_id: customer.id })
        const id = data.affiliate_connection.id
        const events = captureEvents(getContainer())

        const deleted = await api.delete(`/admin/affiliate-connections/${id}`, admin)
        events.restore()

        expect(deleted.data).toEqual({ id, object: "affiliate_connection", deleted: true })
        expect(events.named("affiliate_connection.deleted")).toEqual([
          { name: "affiliate_connection.deleted", data: { id } },
        ])
        const [row] = await service.listAffiliateConnections({ id })
        expect(row.ended_reason).toBe("removed")

        const again = await connect({ affiliate_id: max.id, customer_id: customer.id })
        expect(again.status).toBe(200)
        await expectHttpError(api.delete(`/admin/affiliate-connections/${id}`, admin), 404)
      })
    })
  },
})
