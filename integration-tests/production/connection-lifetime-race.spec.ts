import type { AdminHeaders } from "../helpers/admin"
import { checkout, type TestStore } from "../helpers/store"
import { describeProduction, productionApp, type ProductionApp, waitFor } from "./harness"

jest.setTimeout(180_000)

const REDELIVERIES = 10

describeProduction("A connection's last order, on a server and two workers", () => {
  let app: ProductionApp
  let admin: AdminHeaders
  let store: TestStore

  beforeAll(async () => {
    app = productionApp()
    admin = await app.adminHeaders()
    store = await app.store()
  })

  afterAll(() => app?.close())

  it(`two orders of its customer, each order.placed delivered ${REDELIVERIES} times across both workers: one credited`, async () => {
    const { program } = (
      await app.api.post(
        "/admin/affiliate-programs",
        { name: "Two orders", connection_lifetime: "orders", connection_lifetime_value: 2 },
        admin
      )
    ).data
    const { affiliate } = (
      await app.api.post(
        "/admin/affiliates",
        { name: "Last Order", email: "last@aff.test", code: "LASTORDER", status: "approved", program_id: program.id },
        admin
      )
    ).data
    const { affiliate_connection: connection } = (
      await app.api.post(
        "/admin/affiliate-connections",
        { affiliate_id: affiliate.id, customer: { email: "lifetime@shop.test" } },
        admin
      )
    ).data
    const orderIds: string[] = []
    for (let i = 0; i < 2; i++) {
      const order = await checkout(app.api, store, {
        email: "lifetime@shop.test",
        items: [{ variant_id: store.variants.shirt, quantity: 1 }],
      })
      orderIds.push(order.id)
    }
    const decisions = () =>
      app.sql<{ order_id: string; outcome: string }>(
        `select order_id, outcome from affiliate_order_attribution where order_id = any($1) and deleted_at is null`,
        [orderIds]
      )
    await waitFor("both orders to be decided", decisions, (rows) => rows.length === 2)
    await waitFor("the event queue to be empty", app.pendingEvents, (pending) => pending === 0)

    // Both orders undecided again, the connection with one order left: the
    // workers now race for that order.
    await app.sql(`delete from affiliate_commission where order_id = any($1)`, [orderIds])
    await app.sql(`delete from affiliate_order_attribution where order_id = any($1)`, [orderIds])
    await app.sql(
      `update affiliate_connection set credited_orders = 1, ended_at = null, ended_reason = null where id = $1`,
      [connection.id]
    )
    await app.emitEvents(
      "order.placed",
      Array.from({ length: REDELIVERIES }).flatMap(() => orderIds)
    )
    await waitFor("the events to be handled", app.pendingEvents, (pending) => pending === 0)
    await waitFor("both orders to be decided again", decisions, (rows) => rows.length === 2)

    const commissions = await app.sql<{ order_id: string; affiliate_id: string }>(
      `select order_id, affiliate_id from affiliate_commission where order_id = any($1) and deleted_at is null`,
      [orderIds]
    )
    expect(commissions).toEqual([expect.objectContaining({ affiliate_id: affiliate.id })])
    expect((await decisions()).map((row) => row.outcome).sort()).toEqual(["credited", "no_affiliate"])
    const [ended] = await app.sql<{ credited_orders: number; ended_reason: string | null }>(
      `select credited_orders, ended_reason from affiliate_connection where id = $1`,
      [connection.id]
    )
    expect(ended).toEqual({ credited_orders: 2, ended_reason: "expired" })
  })
})
