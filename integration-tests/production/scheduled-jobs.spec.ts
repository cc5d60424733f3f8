import { config as reconcileJob } from "../../src/jobs/reconcile-order-credits"
import { describeProduction, productionApp, type ProductionApp, RECONCILE_SCHEDULE } from "./harness"

describeProduction("Scheduled jobs on two workers", () => {
  let app: ProductionApp

  beforeAll(() => {
    app = productionApp()
  })

  afterAll(() => app?.close())

  it(`${reconcileJob.name} is registered once across both workers: one repeatable job, one next run`, async () => {
    expect(await app.reconcileSchedule()).toEqual({
      repeatable: [RECONCILE_SCHEDULE],
      patterns: [reconcileJob.schedule],
      nextRuns: [expect.stringContaining(`repeat:${RECONCILE_SCHEDULE}:`)],
    })
  })
})
