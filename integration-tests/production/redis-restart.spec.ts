import axios from "axios"
import fs from "fs"
import type { AdminHeaders } from "../helpers/admin"
import { checkout, type TestStore } from "../helpers/store"
import {
  cluster,
  describeProduction,
  productionApp,
  type ProductionApp,
  RECONCILE_SCHEDULE,
  restartProcess,
  restartRedis,
  signalProcess,
  statusOf,
  waitFor,
} from "./harness"

jest.setTimeout(240_000)

const LANES = 2
// Orders to see placed before Redis goes down and after it is back.
const ORDERS_EACH_SIDE = 3

// Only a Redis the suite started can be restarted.
const itOwnRedis = process.env.REDIS_URL ? it.skip : it

describeProduction("Redis restarted in the middle of checkouts", () => {
  let app: ProductionApp
  let admin: AdminHeaders
  let store: TestStore

  beforeAll(async () => {
    app = productionApp()
    admin = await app.adminHeaders()
    store = await app.store()
    await app.api.post(
      "/admin/affiliates",
      { name: "Restart Partner", email: "restart@aff.test", code: "RESTART", status: "approved" },
      admin
    )
  })

  afterAll(() => app?.close())

  const creditsOf = (orders: string[]) =>
    app.sql<{ order_id: string; commissions: number; outcomes: string[] | null }>(
      `select o.id as order_id,
         (select count(*)::int from affiliate_commission c
           where c.order_id = o.id and c.deleted_at is null) as commissions,
         (select array_agg(a.outcome) from affiliate_order_attribution a
           where a.order_id = o.id and a.deleted_at is null) as outcomes
       from "order" o where o.id = any($1)`,
      [orders]
    )

  itOwnRedis(
    "orders whose order.placed was queued when Redis lost its data are credited by POST /admin/affiliate-commissions/reconcile; every order placed around the restart exactly once",
    async () => {
      const run = { workersPaused: false, restarted: false, placedWhilePaused: 0, placedAfter: 0, stop: false }
      const placed: string[] = []
      // The shoppers' requests still waiting for an answer.
      const shoppers = axios.create({ baseURL: cluster().serverUrl })
      const waiting = new Set<unknown>()
      shoppers.interceptors.request.use((config) => {
        waiting.add(config)
        return config
      })
      const settle = <T>(config: unknown, outcome: T) => {
        waiting.delete(config)
        return outcome
      }
      shoppers.interceptors.response.use(
        (response) => settle(response.config, response),
        (error) => settle(error.config, Promise.reject(error))
      )

      const lane = async (lane: number) => {
        for (let i = 0; !run.stop; i++) {
          const { workersPaused, restarted } = run
          try {
            const order = await checkout(shoppers, store, {
              email: `restart-${lane}-${i}@shop.test`,
              items: [{ variant_id: store.variants.mug, quantity: 2 }],
              referralCode: "RESTART",
            })
            placed.push(order.id)
            run.placedWhilePaused += workersPaused && run.workersPaused && !run.restarted ? 1 : 0
            run.placedAfter += restarted ? 1 : 0
          } catch {
            // Some checkouts fail around the outage; the database tells which orders exist.
          }
        }
      }

      const workers = ["worker-1", "worker-2"]
      const server = cluster().processes.server
      const lanes = Promise.all(Array.from({ length: LANES }, (_, i) => lane(i)))
      try {
        await waitFor("orders before the restart", async () => placed.length, (n) => n >= ORDERS_EACH_SIDE)
        // Workers that fall behind: the next orders' events wait in Redis.
        workers.forEach((name) => signalProcess(name, "SIGSTOP"))
        run.workersPaused = true
        await waitFor(
          "orders placed while the workers are paused",
          async () => run.placedWhilePaused,
          (n) => n >= ORDERS_EACH_SIDE
        )
        const offset = fs.statSync(server.logFile).size
        await restartRedis(() =>
          waitFor(
            "the server to lose Redis while shoppers wait for answers",
            async () => ({
              noticed: /ECONNREFUSED/.test(fs.readFileSync(server.logFile, "utf8").slice(offset)),
              waiting: waiting.size,
            }),
            (state) => state.noticed && state.waiting > 0
          ).then(() => undefined)
        )
        run.restarted = true
      } finally {
        workers.forEach((name) => signalProcess(name, "SIGCONT"))
      }
      try {
        await waitFor("orders after the restart", async () => run.placedAfter, (n) => n >= ORDERS_EACH_SIDE)
      } finally {
        run.stop = true
        await lanes
      }

      const orders = (
        await app.sql<{ id: string }>(
          `select id from "order" where email like 'restart-%@shop.test' and deleted_at is null`
        )
      ).map((order) => order.id)
      expect(orders).toEqual(expect.arrayContaining(placed))
      await waitFor("the event queue to be empty", app.pendingEvents, (pending) => pending === 0)
      const undecided = async () => (await creditsOf(orders)).filter((row) => row.outcomes === null)
      // The events queued at the crash are gone: only the reconcile can credit those orders.
      expect((await undecided()).length).toBeGreaterThanOrEqual(ORDERS_EACH_SIDE)

      const reconciled = await Promise.all(
        orders.map((order_id) =>
          statusOf(app.api.post("/admin/affiliate-commissions/reconcile", { order_id }, admin))
        )
      )
      expect(reconciled).toEqual(orders.map(() => 200))

      const credits = await creditsOf(orders)
      expect(credits).toHaveLength(orders.length)
      expect(credits.filter((row) => row.commissions !== 1 || row.outcomes?.join() !== "credited")).toEqual([])
    }
  )

  itOwnRedis(
    "the reconciliation schedule is lost with Redis's data and registered once again when the workers restart",
    async () => {
      expect((await app.reconcileSchedule()).repeatable).toEqual([])

      await Promise.all([restartProcess("worker-1"), restartProcess("worker-2")])

      expect(await app.reconcileSchedule()).toEqual(
        expect.objectContaining({ repeatable: [RECONCILE_SCHEDULE], nextRuns: [expect.any(String)] })
      )
    }
  )
})
