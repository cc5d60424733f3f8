import { httpSuite } from "../helpers/test-runner"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import {
  deleteAffiliateProgramStepId,
  deleteAffiliateProgramWorkflow,
  updateAffiliateProgramStepId,
  updateAffiliateProgramWorkflow,
} from "../../src/workflows"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import { captureEvents } from "../helpers/events"
import { expectHttpError as expectError } from "../helpers/http"

type Program = {
  id: string
  name: string
  is_default: boolean
  affiliate_count: number
  rule_count: number
  rules?: Rule[]
}
type Rule = { id: string; target: string; target_id: string; target_label: string | null }

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

    const createProgram = async (body: Record<string, unknown>) =>
      (await api.post("/admin/affiliate-programs", body, admin)).data.program as Program
    const createAffiliate = async (body: Record<string, unknown>) =>
      (await api.post("/admin/affiliates", body, admin)).data.affiliate as {
        id: string
        program: { id: string; name: string; is_default: boolean }
      }
    const createProduct = async (title: string) =>
      (
        await api.post(
          "/admin/products",
          { title, options: [{ title: "Size", values: ["One"] }] },
          admin
        )
      ).data.product as { id: string }
    const customPrograms = () => service.listAffiliatePrograms({ is_default: false })
    const defaultProgram = () => service.retrieveDefaultProgram()

    describe("POST /admin/affiliate-programs", () => {
      it("creates a program with its terms and emits affiliate_program.created", async () => {
        const events = captureEvents(getContainer())
        const response = await api.post(
          "/admin/affiliate-programs",
          {
            name: "  Influencers ",
            commission_type: "fixed",
            commission_amounts: { usd: 5, eur: 4.5 },
            connection_lifetime: "days",
            connection_lifetime_value: 365,
            referral_window_days: 30,
            auto_approve_commissions: true,
            self_referral_policy: "flag",
            tier_metric: "revenue",
            tier_period: "lifetime",
            tiers: [
              { threshold: 1000, rate: 12 },
              { threshold: 5000, rate: 15.5 },
            ],
          },
          admin
        )
        events.restore()

        expect(response.status).toBe(200)
        const program = response.data.program
        expect(program).toEqual({
          id: expect.stringMatching(/^affprog_/),
          name: "Influencers",
          is_default: false,
          commission_type: "fixed",
          commission_rate: null,
          commission_amounts: { usd: 5, eur: 4.5 },
          connection_lifetime: "days",
          connection_lifetime_value: 365,
          referral_window_days: 30,
          auto_approve_commissions: true,
          self_referral_policy: "flag",
          tier_metric: "revenue",
          tier_period: "lifetime",
          tiers: [
            { threshold: 1000, rate: 12 },
            { threshold: 5000, rate: 15.5 },
          ],
          coupon_percentage: null,
          auto_create_coupon: false,
          metadata: null,
          created_at: expect.any(String),
          updated_at: expect.any(String),
          affiliate_count: 0,
          rule_count: 0,
          rules: [],
        })
        const row = await service.retrieveAffiliateProgram(program.id)
        expect(row).toEqual(
          expect.objectContaining({ name: "Influencers", commission_type: "fixed", is_default: false })
        )
        expect(events.named("affiliate_program.created")).toEqual([
          { name: "affiliate_program.created", data: { id: program.id } },
        ])
      })

      it("defaults what is left out: a percentage at the store rate, connections forever, no tiers", async () => {
        const program = await createProgram({ name: "Partners", commission_rate: 12.3456 })
        expect(program).toEqual(
          expect.objectContaining({
            commission_type: "percentage",
            commission_rate: 12.3456,
            commission_amounts: null,
            connection_lifetime: "forever",
            connection_lifetime_value: null,
            referral_window_days: null,
            auto_approve_commissions: null,
            self_referral_policy: "reject",
            tier_metric: null,
            tier_period: "month",
            tiers: null,
          })
        )
      })

      it.each([
        [{ name: "A", unknown_field: 1 }, /unknown_field/],
        [{ name: "A", commission_rate: 101 }, /commission_rate/],
        [{ name: "A", commission_rate: 10.12345 }, /commission_rate has at most 4 decimals/],
        [{ name: "  " }, /name/],
        [{ name: "x".repeat(101) }, /name/],
        [{ name: "A", commission_type: "fixed", commission_amounts: { USD: 5 } }, /"USD" is not a lower-case three-letter currency code/],
        [{ name: "A", commission_type: "fixed", commission_amounts: { usd: 1_000_001 } }, /commission_amounts/],
        // The terms that depend on each other.
        [{ name: "A", commission_type: "fixed" }, /commission_amounts: a fixed commission needs an amount/],
        [{ name: "A", connection_lifetime: "orders" }, /connection_lifetime_value is required when connection_lifetime is orders/],
        [{ name: "A", connection_lifetime: "days", connection_lifetime_value: 3651 }, /days must be from 1 to 3650/],
        [{ name: "A", connection_lifetime_value: 30 }, /forever takes no value/],
        [{ name: "A", connection_lifetime: "days", connection_lifetime_value: 1.5 }, /connection_lifetime_value/],
        [{ name: "A", tier_metric: "orders" }, /tiers: tiers by orders need at least one tier/],
        [{ name: "A", tiers: [{ threshold: 1, rate: 5 }] }, /tiers need a tier_metric/],
        [
          { name: "A", tier_metric: "revenue", tiers: [{ threshold: 100, rate: 5 }, { threshold: 100, rate: 6 }] },
          /thresholds must be strictly ascending/,
        ],
        [{ name: "A", referral_window_days: 366 }, /referral_window_days/],
        [{ name: "A", self_referral_policy: "maybe" }, /self_referral_policy/],
      ])("rejects %j with a 400, writing nothing", async (body, message) => {
        await expectError(api.post("/admin/affiliate-programs", body, admin), 400, message)
        expect(await customPrograms()).toHaveLength(0)
      })

      it("rejects a name another program has (in any letter case) with a 409 naming it", async () => {
        await defaultProgram()
        await createProgram({ name: "VIP" })
        await expectError(
          api.post("/admin/affiliate-programs", { name: "vip" }, admin),
          409,
          /a program named "VIP" already exists/
        )
        await expectError(
          api.post("/admin/affiliate-programs", { name: "Default program" }, admin),
          409,
          /"Default program"/
        )
        expect(await customPrograms()).toHaveLength(1)
      })

      it("two racing requests for one name make one program and a 409", async () => {
        const results = await Promise.allSettled([
          api.post("/admin/affiliate-programs", { name: "Race" }, admin),
          api.post("/admin/affiliate-programs", { name: "Race" }, admin),
        ])
        const statuses = results
          .map((result) =>
            result.status === "fulfilled"
              ? result.value.status
              : (result.reason as { response: { status: number } }).response.status
          )
          .sort()
        expect(statuses).toEqual([200, 409])
        expect(await customPrograms()).toHaveLength(1)
      })
    })

    describe("GET /admin/affiliate-programs", () => {
      it("lists the default program first, then by name, with affiliate and rule counts", async () => {
        const zeta = await createProgram({ name: "Zeta" })
        const alpha = await createProgram({ name: "Alpha" })
        await createAffiliate({ name: "Ann", email: "ann@example.com" })
        await createAffiliate({ name: "Bo", email: "bo@example.com" })
        await createAffiliate({ name: "Cy", email: "cy@example.com", program_id: alpha.id })

        const { data } = await api.get("/admin/affiliate-programs", admin)
        expect(data.count).toBe(3)
        expect(data.offset).toBe(0)
        expect(data.limit).toBe(20)
        expect(
          data.programs.map((p: Program) => [p.name, p.is_default, p.affiliate_count, p.rule_count])
        ).toEqual([
          ["Default program", true, 2, 0],
          ["Alpha", false, 1, 0],
          ["Zeta", false, 0, 0],
        ])
        expect(data.programs[2].id).toBe(zeta.id)

        const searched = await api.get("/admin/affiliate-programs?q=alp", admin)
        expect(searched.data.programs.map((p: Program) => p.id)).toEqual([alpha.id])
        const paged = await api.get("/admin/affiliate-programs?limit=1&offset=1", admin)
        expect(paged.data.programs.map((p: Program) => p.name)).toEqual(["Alpha"])
        expect(paged.data.count).toBe(3)
      })
    })

    describe("/admin/affiliate-programs/:id", () => {
      it("answers 404 for an unknown program on read, update, delete, rules and moves", async () => {
        await expectError(api.get("/admin/affiliate-programs/affprog_missing", admin), 404, /affprog_missing/)
        await expectError(
          api.post("/admin/affiliate-programs/affprog_missing", { name: "X" }, admin),
          404,
          /affprog_missing/
        )
        await expectError(api.delete("/admin/affiliate-programs/affprog_missing", admin), 404, /affprog_missing/)
        await expectError(
          api.post(
            "/admin/affiliate-programs/affprog_missing/rules",
            { target: "product", target_id: "prod_x", kind: "excluded" },
            admin
          ),
          404,
          /affprog_missing/
        )
        await expectError(
          api.post("/admin/affiliate-programs/affprog_missing/affiliates", { affiliate_ids: ["aff_x"] }, admin),
          404,
          /affprog_missing/
        )
      })

      it("updates some fields, keeps the others, and emits affiliate_program.updated", async () => {
        const program = await createProgram({
          name: "Creators",
          commission_rate: 8,
          connection_lifetime: "days",
          connection_lifetime_value: 90,
        })
        const events = captureEvents(getContainer())
        const { data } = await api.post(
          `/admin/affiliate-programs/${program.id}`,
          { name: "Creators+", self_referral_policy: "allow" },
          admin
        )
        events.restore()
        expect(data.program).toEqual(
          expect.objectContaining({
            name: "Creators+",
            self_referral_policy: "allow",
            commission_rate: 8,
            connection_lifetime: "days",
            connection_lifetime_value: 90,
          })
        )
        expect(events.named("affiliate_program.updated")).toEqual([
          { name: "affiliate_program.updated", data: { id: program.id } },
        ])
      })

      it("checks the terms on the program as it would be after the change, changing nothing on a 400", async () => {
        const program = await createProgram({
          name: "Mixed",
          connection_lifetime: "days",
          connection_lifetime_value: 30,
          tier_metric: "orders",
          tiers: [{ threshold: 10, rate: 12 }],
        })
        const update = (body: Record<string, unknown>) =>
          api.post(`/admin/affiliate-programs/${program.id}`, body, admin)

        await expectError(update({ commission_type: "fixed" }), 400, /commission_amounts: a fixed commission needs/)
        await expectError(update({ tiers: [] }), 400, /tiers by orders need at least one tier/)
        await expectError(update({ connection_lifetime_value: null }), 400, /connection_lifetime_value is required/)
        // 30 days are not 30 orders.
        await expectError(
          update({ connection_lifetime: "orders" }),
          400,
          /connection_lifetime_value is required when connection_lifetime becomes orders/
        )
        await expectError(update({ connection_lifetime: "forever", connection_lifetime_value: 30 }), 400, /forever/)
        await expectError(update({ is_default: true }), 400, /is_default/)

        const row = await service.retrieveAffiliateProgram(program.id)
        expect(row).toEqual(
          expect.objectContaining({
            commission_type: "percentage",
            connection_lifetime: "days",
            connection_lifetime_value: 30,
            tier_metric: "orders",
            tiers: [{ threshold: 10, rate: 12 }],
          })
        )

        // Ending the lifetime or the tiers clears what they left behind.
        const { data } = await update({ connection_lifetime: "forever", tier_metric: null })
        expect(data.program).toEqual(
          expect.objectContaining({
            connection_lifetime: "forever",
            connection_lifetime_value: null,
            tier_metric: null,
            tiers: null,
          })
        )
        const fixed = await update({ commission_type: "fixed", commission_amounts: { usd: 3 } })
        expect(fixed.data.program.commission_amounts).toEqual({ usd: 3 })
      })

      it("rejects renaming to another program's name with a 409", async () => {
        await createProgram({ name: "One" })
        const two = await createProgram({ name: "Two" })
        await expectError(
          api.post(`/admin/affiliate-programs/${two.id}`, { name: "ONE" }, admin),
          409,
          /a program named "One" already exists/
        )
        expect((await service.retrieveAffiliateProgram(two.id)).name).toBe("Two")
        // Its own name, in another case, is fine.
        const renamed = await api.post(`/admin/affiliate-programs/${two.id}`, { name: "TWO" }, admin)
        expect(renamed.data.program.name).toBe("TWO")
      })

      it("edits the default program but never deletes it", async () => {
        const { id } = await defaultProgram()
        const { data } = await api.post(
          `/admin/affiliate-programs/${id}`,
          { commission_rate: 7, referral_window_days: 14 },
          admin
        )
        expect(data.program).toEqual(
          expect.objectContaining({ id, is_default: true, commission_rate: 7, referral_window_days: 14 })
        )
        await expectError(
          api.delete(`/admin/affiliate-programs/${id}`, admin),
          400,
          /default program cannot be deleted/
        )
        expect((await service.retrieveAffiliateProgram(id)).deleted_at).toBeNull()
      })

      it("deletes a program: its affiliates go back to the default program, its rules go", async () => {
        const program = await createProgram({ name: "Seasonal" })
        const product = await createProduct("Scarf")
        const rule = (
          await api.post(
            `/admin/affiliate-programs/${program.id}/rules`,
            { target: "product", target_id: product.id, kind: "excluded" },
            admin
          )
        ).data.rule
        const ann = await createAffiliate({ name: "Ann", email: "ann@example.com", program_id: program.id })
        expect(ann.program).toEqual({ id: program.id, name: "Seasonal", is_default: false })

        const events = captureEvents(getContainer())
        const deleted = await api.delete(`/admin/affiliate-programs/${program.id}`, admin)
        events.restore()

        expect(deleted.data).toEqual({ id: program.id, object: "affiliate_program", deleted: true })
        await expectError(api.get(`/admin/affiliate-programs/${program.id}`, admin), 404, /not found/)
        expect((await service.retrieveAffiliate(ann.id)).program_id).toBeNull()
        const [ruleRow] = await service.listAffiliateCommissionRules({ id: rule.id }, { withDeleted: true })
        expect(ruleRow.deleted_at).not.toBeNull()
        expect(events.named("affiliate_program.deleted")).toEqual([
          { name: "affiliate_program.deleted", data: { id: program.id } },
        ])

        const { id: defaultId } = await defaultProgram()
        const got = await api.get(`/admin/affiliates/${ann.id}`, admin)
        expect(got.data.affiliate.program).toEqual({ id: defaultId, name: "Default program", is_default: true })
        // Its name is free again.
        expect((await createProgram({ name: "Seasonal" })).name).toBe("Seasonal")
      })
    })

    describe("compensation", () => {
      it("a delete that fails after its last step leaves the program, its rules and affiliates as they were", async () => {
        const program = await createProgram({ name: "Kept" })
        const product = await createProduct("Hat")
        const live = (
          await api.post(
            `/admin/affiliate-programs/${program.id}/rules`,
            { target: "product", target_id: product.id, kind: "percentage", rate: 5 },
            admin
          )
        ).data.rule
        // A rule deleted before stays deleted.
        const collection = (await api.post("/admin/collections", { title: "Old" }, admin)).data.collection
        const gone = (
          await api.post(
            `/admin/affiliate-programs/${program.id}/rules`,
            { target: "collection", target_id: collection.id, kind: "excluded" },
            admin
          )
        ).data.rule
        await api.delete(`/admin/affiliate-programs/${program.id}/rules/${gone.id}`, admin)
        const ann = await createAffiliate({ name: "Ann", email: "ann@example.com", program_id: program.id })

        const workflow = deleteAffiliateProgramWorkflow(getContainer())
        workflow.appendAction("fail-after-delete", deleteAffiliateProgramStepId, {
          invoke: async () => {
            throw new Error("delete failed")
          },
        })
        const { errors } = await workflow.run({ input: { id: program.id }, throwOnError: false })

        expect(errors[0].error.message).toBe("delete failed")
        expect((await service.retrieveAffiliateProgram(program.id)).deleted_at).toBeNull()
        expect((await service.retrieveAffiliate(ann.id)).program_id).toBe(program.id)
        const rules = await service.listAffiliateCommissionRules({ program_id: program.id })
        expect(rules.map((rule) => rule.id)).toEqual([live.id])
      })

      it("an update that fails after its step puts the old terms back", async () => {
        const program = await createProgram({
          name: "Steady",
          commission_rate: 9,
          connection_lifetime: "orders",
          connection_lifetime_value: 3,
        })
        const workflow = updateAffiliateProgramWorkflow(getContainer())
        workflow.appendAction("fail-after-update", updateAffiliateProgramStepId, {
          invoke: async () => {
            throw new Error("update failed")
          },
        })
        const { errors } = await workflow.run({
          input: {
            id: program.id,
            update: { name: "Changed", commission_rate: 20, connection_lifetime: "forever" },
          },
          throwOnError: false,
        })

        expect(errors[0].error.message).toBe("update failed")
        const row = await service.retrieveAffiliateProgram(program.id)
        expect(row).toEqual(
          expect.objectContaining({
            name: "Steady",
            connection_lifetime: "orders",
            connection_lifetime_value: 3,
          })
        )
        expect(Number(row.commission_rate)).toBe(9)
      })
    })

    describe("/admin/affiliate-programs/:id/rules", () => {
      let program: Program
      let product: { id: string }
      let collection: { id: string }

      beforeEach(async () => {
        program = await createProgram({ name: "Rules" })
        product = await createProduct("Shirt")
        collection = (await api.post("/admin/collections", { title: "Summer" }, admin)).data.collection
      })

      const addRule = (body: Record<string, unknown>, programId = program.id) =>
        api.post(`/admin/affiliate-programs/${programId}/rules`, body, admin)

      it("adds rules for a real product and collection, shown with their names", async () => {
        const events = captureEvents(getContainer())
        const percentage = await addRule({ target: "product", target_id: product.id, kind: "percentage", rate: 15 })
        events.restore()
        expect(percentage.data.rule).toEqual({
          id: expect.stringMatching(/^affrule_/),
          program_id: program.id,
          target: "product",
          target_id: product.id,
          target_label: "Shirt",
          kind: "percentage",
          rate: 15,
          amounts: null,
          created_at: expect.any(String),
          updated_at: expect.any(String),
        })
        expect(events.named("affiliate_program.updated")).toEqual([
          { name: "affiliate_program.updated", data: { id: program.id } },
        ])

        const fixed = await addRule({
          target: "collection",
          target_id: collection.id,
          kind: "fixed",
          amounts: { usd: 2, eur: 1.5 },
        })
        expect(fixed.data.rule).toEqual(
          expect.objectContaining({ target_label: "Summer", kind: "fixed", rate: null, amounts: { usd: 2, eur: 1.5 } })
        )

        const { data } = await api.get(`/admin/affiliate-programs/${program.id}`, admin)
        expect(data.program.rule_count).toBe(2)
        expect(
          (data.program.rules as Rule[]).map((r) => [r.target, r.target_id, r.target_label])
        ).toEqual([
          ["collection", collection.id, "Summer"],
          ["product", product.id, "Shirt"],
        ])
        const rows = await service.listAffiliateCommissionRules({ program_id: program.id })
        expect(rows).toHaveLength(2)

        // A deleted product leaves its rule without a name.
        await api.delete(`/admin/products/${product.id}`, admin)
        const after = await api.get(`/admin/affiliate-programs/${program.id}`, admin)
        expect(
          (after.data.program.rules as Rule[]).find((r) => r.target === "product")?.target_label
        ).toBeNull()
      })

      it("rejects a target that does not exist in Medusa with a 400 naming it", async () => {
        await expectError(
          addRule({ target: "product", target_id: "prod_missing", kind: "excluded" }),
          400,
          /^Product prod_missing does not exist$/
        )
        await expectError(
          addRule({ target: "category", target_id: "pcat_missing", kind: "excluded" }),
          400,
          /^Category pcat_missing does not exist$/
        )
        await expectError(
          addRule({ target: "type", target_id: "ptyp_missing", kind: "excluded" }),
          400,
          /^Product type ptyp_missing does not exist$/
        )
        expect(await service.listAffiliateCommissionRules({})).toHaveLength(0)
      })

      it.each([
        [{ target: "product", kind: "percentage", rate: 101 }, /rate/],
        [{ target: "product", kind: "percentage" }, /rate is required for a percentage rule/],
        [{ target: "product", kind: "percentage", rate: 5, amounts: { usd: 1 } }, /a percentage rule takes a rate, not amounts/],
        [{ target: "product", kind: "fixed", rate: 5 }, /amounts is required for a fixed rule/],
        [{ target: "product", kind: "fixed", amounts: { usd: 1 }, rate: 5 }, /a fixed rule takes amounts, not a rate/],
        [{ target: "product", kind: "fixed", amounts: { "u$d": 1 } }, /lower-case three-letter currency code/],
        [{ target: "product", kind: "excluded", rate: 0 }, /an excluded rule takes neither/],
        [{ target: "variant", kind: "excluded" }, /target/],
        [{ target: "product", kind: "excluded", program_id: "x" }, /program_id/],
      ])("rejects %j with a 400, writing nothing", async (body, message) => {
        await expectError(addRule({ target_id: product.id, ...body }), 400, message)
        expect(await service.listAffiliateCommissionRules({})).toHaveLength(0)
      })

      it("rejects a second rule for the same target with a 409", async () => {
        const first = await addRule({ target: "product", target_id: product.id, kind: "excluded" })
        await expectError(
          addRule({ target: "product", target_id: product.id, kind: "percentage", rate: 5 }),
          409,
          new RegExp(`already has a rule for product ${product.id} \\(${first.data.rule.id}\\)`)
        )
        // Another program may have its own.
        const other = await createProgram({ name: "Other" })
        expect((await addRule({ target: "product", target_id: product.id, kind: "excluded" }, other.id)).status).toBe(200)
        expect(await service.listAffiliateCommissionRules({ program_id: program.id })).toHaveLength(1)
      })

      it("allows at most 500 rules a program", async () => {
        await service.createAffiliateCommissionRules(
          Array.from({ length: 500 }, (_, i) => ({
            program_id: program.id,
            target: "product" as const,
            target_id: `prod_filler_${i}`,
            kind: "excluded" as const,
          }))
        )
        await expectError(
          addRule({ target: "product", target_id: product.id, kind: "excluded" }),
          400,
          /at most 500 rules/
        )
        expect(await service.listAffiliateCommissionRules({ target_id: product.id })).toHaveLength(0)
      })

      it("updates a rule's kind, rate and amounts, checked on the rule as it would be", async () => {
        const { rule } = (
          await addRule({ target: "product", target_id: product.id, kind: "percentage", rate: 15 })
        ).data
        const update = (body: Record<string, unknown>, programId = program.id) =>
          api.post(`/admin/affiliate-programs/${programId}/rules/${rule.id}`, body, admin)

        expect((await update({ rate: 20 })).data.rule).toEqual(
          expect.objectContaining({ id: rule.id, kind: "percentage", rate: 20, target_label: "Shirt" })
        )
        await expectError(update({ amounts: { usd: 1 } }), 400, /a percentage rule takes a rate, not amounts/)
        await expectError(update({ kind: "fixed" }), 400, /amounts is required for a fixed rule/)
        await expectError(update({ rate: 100.5 }), 400, /rate/)
        await expectError(update({ target_id: "prod_other" }), 400, /target_id/)
        expect(Number((await service.retrieveAffiliateCommissionRule(rule.id)).rate)).toBe(20)

        const fixed = await update({ kind: "fixed", amounts: { usd: 2 } })
        expect(fixed.data.rule).toEqual(expect.objectContaining({ kind: "fixed", rate: null, amounts: { usd: 2 } }))
        const excluded = await update({ kind: "excluded" })
        expect(excluded.data.rule).toEqual(expect.objectContaining({ kind: "excluded", rate: null, amounts: null }))

        const other = await createProgram({ name: "Other" })
        await expectError(update({ kind: "excluded" }, other.id), 404, new RegExp(rule.id))
      })

      it("deletes a rule of the program (404 for another program's or a deleted one)", async () => {
        const { rule } = (await addRule({ target: "collection", target_id: collection.id, kind: "excluded" })).data
        const other = await createProgram({ name: "Other" })
        await expectError(
          api.delete(`/admin/affiliate-programs/${other.id}/rules/${rule.id}`, admin),
          404,
          new RegExp(rule.id)
        )

        const deleted = await api.delete(`/admin/affiliate-programs/${program.id}/rules/${rule.id}`, admin)
        expect(deleted.data).toEqual({ id: rule.id, object: "affiliate_commission_rule", deleted: true })
        const [row] = await service.listAffiliateCommissionRules({ id: rule.id }, { withDeleted: true })
        expect(row.deleted_at).not.toBeNull()
        await expectError(
          api.delete(`/admin/affiliate-programs/${program.id}/rules/${rule.id}`, admin),
          404,
          new RegExp(rule.id)
        )
        // The target may have a new rule.
        expect((await addRule({ target: "collection", target_id: collection.id, kind: "excluded" })).status).toBe(200)
      })
    })

    describe("affiliates and their program", () => {
      it("moves affiliates into a program and back to the default one", async () => {
        const program = await createProgram({ name: "Ambassadors" })
        const ann = await createAffiliate({ name: "Ann", email: "ann@example.com" })
        const bo = await createAffiliate({ name: "Bo", email: "bo@example.com" })
        const cy = await createAffiliate({ name: "Cy", email: "cy@example.com" })
        const { id: defaultId } = await defaultProgram()
        expect(ann.program).toEqual({ id: defaultId, name: "Default program", is_default: true })

        const moved = await api.post(
          `/admin/affiliate-programs/${program.id}/affiliates`,
          { affiliate_ids: [ann.id, bo.id, ann.id] },
          admin
        )
        expect(moved.data).toEqual({ program_id: program.id, moved: 2 })
        expect((await service.retrieveAffiliate(ann.id)).program_id).toBe(program.id)

        const inProgram = await api.get(`/admin/affiliates?program_id=${program.id}&order=name`, admin)
        expect(inProgram.data.affiliates.map((a: { name: string }) => a.name)).toEqual(["Ann", "Bo"])
        expect(inProgram.data.affiliates[0].program).toEqual({
          id: program.id,
          name: "Ambassadors",
          is_default: false,
        })
        const inDefault = await api.get(`/admin/affiliates?program_id=${defaultId}`, admin)
        expect(inDefault.data.affiliates.map((a: { id: string }) => a.id)).toEqual([cy.id])
        const both = await api.get(
          `/admin/affiliates?program_id[]=${defaultId}&program_id[]=${program.id}&q=bo`,
          admin
        )
        expect(both.data.affiliates.map((a: { id: string }) => a.id)).toEqual([bo.id])

        const list = await api.get("/admin/affiliate-programs", admin)
        expect(list.data.programs.map((p: Program) => [p.name, p.affiliate_count])).toEqual([
          ["Default program", 1],
          ["Ambassadors", 2],
        ])

        // Moving into the default program stores no program.
        await api.post(`/admin/affiliate-programs/${defaultId}/affiliates`, { affiliate_ids: [bo.id] }, admin)
        expect((await service.retrieveAffiliate(bo.id)).program_id).toBeNull()
      })

      it("moves nobody when an affiliate id is unknown, naming it", async () => {
        const program = await createProgram({ name: "Ambassadors" })
        const ann = await createAffiliate({ name: "Ann", email: "ann@example.com" })
        await expectError(
          api.post(
            `/admin/affiliate-programs/${program.id}/affiliates`,
            { affiliate_ids: [ann.id, "aff_missing"] },
            admin
          ),
          400,
          /no affiliate with the id aff_missing/
        )
        expect((await service.retrieveAffiliate(ann.id)).program_id).toBeNull()
        await expectError(
          api.post(`/admin/affiliate-programs/${program.id}/affiliates`, { affiliate_ids: [] }, admin),
          400,
          /affiliate_ids/
        )
      })

      it("creates and updates affiliates with a program_id that must exist", async () => {
        const program = await createProgram({ name: "Ambassadors" })
        await expectError(
          api.post("/admin/affiliates", { name: "X", email: "x@example.com", program_id: "affprog_missing" }, admin),
          400,
          /program_id: no program with the id affprog_missing/
        )
        expect(await service.listAffiliates({})).toHaveLength(0)

        const ann = await createAffiliate({ name: "Ann", email: "ann@example.com", program_id: program.id })
        expect(ann.program).toEqual({ id: program.id, name: "Ambassadors", is_default: false })
        expect((await service.retrieveAffiliate(ann.id)).program_id).toBe(program.id)

        await expectError(
          api.post(`/admin/affiliates/${ann.id}`, { program_id: "affprog_missing" }, admin),
          400,
          /program_id/
        )
        expect((await service.retrieveAffiliate(ann.id)).program_id).toBe(program.id)

        const { id: defaultId } = await defaultProgram()
        const toDefault = await api.post(`/admin/affiliates/${ann.id}`, { program_id: defaultId }, admin)
        expect(toDefault.data.affiliate.program).toEqual({ id: defaultId, name: "Default program", is_default: true })
        expect((await service.retrieveAffiliate(ann.id)).program_id).toBeNull()

        await api.post(`/admin/affiliates/${ann.id}`, { program_id: program.id }, admin)
        const cleared = await api.post(`/admin/affiliates/${ann.id}`, { program_id: null }, admin)
        expect(cleared.data.affiliate.program.is_default).toBe(true)
      })
    })
  },
})
