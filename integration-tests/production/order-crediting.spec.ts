import fs from "fs"
import type { AdminHeaders } from "../helpers/admin"
import { checkout, type TestStore } from "../helpers/store"
import { cluster, describeProduction, productionApp, type ProductionApp, waitFor } from "./harness"

jest.setTimeout(180_000)

const ORDERS = 20
const REDELIVERIES = 10

type OrderCredits = { order_id: string; commissions: number; attributions: number }

describeProduction("Crediting orders on a server and two workers", () => {
  let app: ProductionApp
  let admin: AdminHeaders
  let store: TestStore
  let affiliate: { id: string }
  let orderIds: string[] = []

  const creditsOf = (ids: string[]) =>
    app.sql<OrderCredits>(
      `select o.id as order_id,
         (select count(*)::int from affiliate_commission c
           where c.order_id = o.id and c.deleted_at is null) as commissions,
         (select count(*)::int from affiliate_order_attribution a
           where a.order_id = o.id and a.deleted_at is null) as attributions
       from "order" o where o.id = any($1)`,
      [ids]
    )

  const logSince = (name: string, offset: number) =>
    fs.readFileSync(cluster().processes[name].logFile, "utf8").slice(offset)
  const logSize = (name: string) => fs.statSync(cluster().processes[name].logFile).size
  const handled = (log: string) => log.match(/Processing order\.placed /g)?.length ?? 0

  beforeAll(async () => {
    app = productionApp()
    admin = await app.adminHeaders()
    store = await app.store()
    affiliate = (
      await app.api.post(
        "/admin/affiliates",
        { name: "Rush Partner", email: "rush@aff.test", code: "RUSH", status: "approved" },
        admin
      )
    ).data.affiliate
  })

  afterAll(() => app?.close())

  it(`${ORDERS} concurrent checkouts with a referral code: each order is credited exactly once, by a worker`, async () => {
    const serverLog = logSize("server")

    const orders = await Promise.all(
      Array.from({ length: ORDERS }, (_, i) =>
        checkout(app.api, store, {
          email: `rush-${i}@shop.test`,
          items: [{ variant_id: store.variants.shirt, quantity: 1 }],
          referralCode: "RUSH",
        })
      )
    )
    orderIds = orders.map((order) => order.id)

    await waitFor(
      "every order to have its crediting decision",
      () => creditsOf(orderIds),
      (rows) => rows.length === ORDERS && rows.every((row) => row.attributions > 0)
    )
    await waitFor("the event queue to be empty", app.pendingEvents, (pending) => pending === 0)

    const credits = await creditsOf(orderIds)
    expect(credits.filter((row) => row.commissions !== 1 || row.attributions !== 1)).toEqual([])
    const commissions = await app.sql<{ affiliate_id: string; attribution: string; amount: string }>(
      `select affiliate_id, attribution, amount from affiliate_commission
        where order_id = any($1) and deleted_at is null`,
      [orderIds]
    )
    // 10 % of one 19.99 shirt.
    expect(commissions.map((c) => [c.affiliate_id, c.attribution, Number(c.amount)])).toEqual(
      Array(ORDERS).fill([affiliate.id, "link", 2])
    )
    // Each referred buyer is now connected to the affiliate, once.
    const connections = await app.sql<{ customer_id: string }>(
      `select customer_id from affiliate_connection
        where affiliate_id = $1 and ended_at is null and deleted_at is null`,
      [affiliate.id]
    )
    expect(new Set(connections.map((c) => c.customer_id)).size).toBe(ORDERS)
    expect(connections).toHaveLength(ORDERS)
    // The server process handles no events: the workers did the crediting.
    expect(handled(logSince("server", serverLog))).toBe(0)
  })

  it(`every order.placed redelivered ${REDELIVERIES} times across both workers: still one commission per order`, async () => {
    expect(orderIds).toHaveLength(ORDERS)
    const workers = ["worker-1", "worker-2"]
    const offsets = workers.map(logSize)

    await app.emitEvents("order.placed", orderIds.flatMap((id) => Array(REDELIVERIES).fill(id)))
    await waitFor("the redelivered events to be handled", app.pendingEvents, (pending) => pending === 0)

    const perWorker = workers.map((name, i) => handled(logSince(name, offsets[i])))
    expect(perWorker.reduce((sum, count) => sum + count, 0)).toBe(ORDERS * REDELIVERIES)
    expect(perWorker.every((count) => count > 0)).toBe(true)
    const credits = await creditsOf(orderIds)
    expect(credits).toHaveLength(ORDERS)
    expect(credits.filter((row) => row.commissions !== 1 || row.attributions !== 1)).toEqual([])
  })

  it(`every affiliate_commission.created redelivered ${REDELIVERIES} times across both workers: one email per commission`, async () => {
    const commissions = await app.sql<{ id: string }>(
      `select id from affiliate_commission where order_id = any($1) and deleted_at is null`,
      [orderIds]
    )
    expect(commissions).toHaveLength(ORDERS)
    const ids = commissions.map((commission) => commission.id)

    await app.emitEvents("affiliate_commission.created", ids.flatMap((id) => Array(REDELIVERIES).fill(id)))
    await waitFor("the redelivered events to be handled", app.pendingEvents, (pending) => pending === 0)

    const emails = await app.sql<{ resource_id: string; rows: number; to: string; status: string }>(
      `select resource_id, count(*)::int as rows, min("to") as to, min(status) as status from notification
       where trigger_type = 'affiliate_commission.created' and resource_id = any($1) group by resource_id`,
      [ids]
    )
    expect(emails.map((email) => email.resource_id).sort()).toEqual([...ids].sort())
    expect(emails.filter((email) => email.rows !== 1 || email.to !== "rush@aff.test" || email.status !== "success")).toEqual([])
    // What Medusa's local provider was asked to send, in both workers' logs: once each.
    const sent = ["worker-1", "worker-2"]
      .map((name) => logSince(name, 0))
      .join("")
      .match(/Attempting to send a notification to: 'rush@aff\.test' on the channel: 'email' with template: 'affiliate-commission-earned'/g)
    expect(sent).toHaveLength(ORDERS)
  })
})
