import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { AFFILIATE_MODULE } from ".."
import AffiliateModuleService from "../service"
import validateOptionsLoader from "../loaders/validate-options"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<AffiliateModuleService>({
  moduleName: AFFILIATE_MODULE,
  resolve: "./src/modules/affiliate",
  moduleOptions: { defaultCommissionRate: 7 },
  testSuite: ({ service }) => {
    describe("affiliate unique indexes", () => {
      it("refuses a second live affiliate with the same email, in the database", async () => {
        await service.createAffiliates({ name: "A", email: "a@example.com", code: "AAA" })
        await expect(
          service.createAffiliates({ name: "B", email: "a@example.com", code: "BBB" })
        ).rejects.toThrow(/email/)
        expect(await service.listAffiliates({})).toHaveLength(1)
      })

      it("refuses a second live affiliate with the same code", async () => {
        await service.createAffiliates({ name: "A", email: "a@example.com", code: "SAME" })
        await expect(
          service.createAffiliates({ name: "B", email: "b@example.com", code: "SAME" })
        ).rejects.toThrow(/code/)
      })

      it("frees email and code once the affiliate is soft-deleted", async () => {
        const first = await service.createAffiliates({
          name: "A",
          email: "a@example.com",
          code: "AAA",
        })
        await service.softDeleteAffiliates(first.id)
        const second = await service.createAffiliates({
          name: "A again",
          email: "a@example.com",
          code: "AAA",
        })
        expect(second.id).not.toBe(first.id)
      })
    })

    describe("claimSyncRun", () => {
      it("gives a running run to exactly one of several simultaneous claimers", async () => {
        const run = await service.createAffiliateSyncRuns({ trigger: "resync", tags: [] })
        const claims = await Promise.all([1, 2, 3].map(() => service.claimSyncRun(run.id, 60)))
        expect(claims.filter(Boolean)).toHaveLength(1)
        expect(await service.claimSyncRun(run.id, 60)).toBe(false)
      })

      it("lets a run be claimed again once its heartbeat is older than the lease", async () => {
        const run = await service.createAffiliateSyncRuns({ trigger: "resync", tags: [] })
        expect(await service.claimSyncRun(run.id, 60)).toBe(true)
        await service.updateAffiliateSyncRuns({
          id: run.id,
          heartbeat_at: new Date(Date.now() - 30 * 1000),
        })
        expect(await service.claimSyncRun(run.id, 60)).toBe(false)
        await service.updateAffiliateSyncRuns({
          id: run.id,
          heartbeat_at: new Date(Date.now() - 90 * 1000),
        })
        expect(await service.claimSyncRun(run.id, 60)).toBe(true)
      })

      it("allows one running run at a time", async () => {
        await service.createAffiliateSyncRuns({ trigger: "resync", tags: [] })
        await expect(
          service.createAffiliateSyncRuns({ trigger: "enabled", tags: [] })
        ).rejects.toThrow()
      })
    })

    describe("retrieveEffectiveSettings", () => {
      it("uses the module option for the default rate until settings are saved", async () => {
        expect(await service.retrieveEffectiveSettings()).toEqual({
          id: null,
          default_commission_rate: 7,
          auto_approve: false,
          auto_approve_commissions: false,
          auto_connect: true,
          attribution_order: ["connection", "coupon", "link"],
          account_sync: { enabled: false, tags: [] },
          hold_days: 0,
          minimum_payouts: {},
        })
      })

      it("prefers the saved row", async () => {
        await service.createAffiliateSettings({
          id: "affset_store",
          default_commission_rate: 12.5,
          auto_connect: false,
        })
        expect(await service.retrieveEffectiveSettings()).toEqual(
          expect.objectContaining({
            id: "affset_store",
            default_commission_rate: 12.5,
            auto_connect: false,
          })
        )
      })
    })
  },
})

describe("plugin options", () => {
  it.each([
    [{ defaultCommissionRate: 150 }, /defaultCommissionRate/],
    [{ defaultCommissionRate: "ten" }, /defaultCommissionRate/],
  ])("refuses %j at start-up with a message naming the option", async (options, message) => {
    await expect(
      validateOptionsLoader({ options })
    ).rejects.toThrow(message)
  })

  it("accepts no options (defaults apply)", async () => {
    await expect(
      validateOptionsLoader({ options: undefined })
    ).resolves.toBeUndefined()
  })
})
