import type { AdminHeaders } from "../helpers/admin"
import { describeProduction, productionApp, type ProductionApp, statusOf } from "./harness"

jest.setTimeout(120_000)

const RACERS = 12

type Affiliate = { id: string }

describeProduction("Connecting one customer from many requests at once, on Redis locks", () => {
  let app: ProductionApp
  let admin: AdminHeaders
  let affiliates: Affiliate[]

  const connect = (body: Record<string, unknown>) =>
    app.api.post("/admin/affiliate-connections", body, admin)

  const liveConnections = (customerId: string) =>
    app.sql<{ id: string; affiliate_id: string }>(
      `select id, affiliate_id from affiliate_connection
        where customer_id = $1 and ended_at is null and deleted_at is null`,
      [customerId]
    )

  beforeAll(async () => {
    app = productionApp()
    admin = await app.adminHeaders()
    affiliates = await Promise.all(
      ["Ada", "Bo"].map(
        async (name) =>
          (
            await app.api.post(
              "/admin/affiliates",
              { name, email: `${name.toLowerCase()}@race.test`, status: "approved" },
              admin
            )
          ).data.affiliate as Affiliate
      )
    )
  })

  afterAll(() => app?.close())

  it(`${RACERS} simultaneous connects of one customer id: one connection, one 200, the rest 409`, async () => {
    const { customer } = (
      await app.api.post("/admin/customers", { email: "cora@race.test", first_name: "Cora" }, admin)
    ).data

    const statuses = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        statusOf(connect({ affiliate_id: affiliates[i % 2].id, customer_id: customer.id }))
      )
    )

    expect(statuses.sort()).toEqual([200, ...Array(RACERS - 1).fill(409)])
    expect(await liveConnections(customer.id)).toHaveLength(1)
    const customers = await app.sql(
      "select id from customer where id = $1 and deleted_at is null",
      [customer.id]
    )
    expect(customers).toHaveLength(1)
  })

  it(`${RACERS} simultaneous connects of one new email: one customer, one connection, the rest 409`, async () => {
    const responses = await Promise.allSettled(
      Array.from({ length: RACERS }, (_, i) =>
        connect({ affiliate_id: affiliates[i % 2].id, customer: { email: "Rush@Race.test" } })
      )
    )

    const won = responses.flatMap((r) =>
      r.status === "fulfilled" ? [r.value.data.affiliate_connection] : []
    )
    const lost = responses.flatMap((r) =>
      r.status === "rejected" ? [(r.reason as { response?: { status: number } }).response?.status] : []
    )
    expect(won).toHaveLength(1)
    expect(lost).toEqual(Array(RACERS - 1).fill(409))

    const customers = await app.sql<{ id: string }>(
      "select id from customer where lower(email) = 'rush@race.test' and deleted_at is null"
    )
    expect(customers.map((c) => c.id)).toEqual([won[0].customer_id])
    expect(await liveConnections(won[0].customer_id)).toEqual([
      { id: won[0].id, affiliate_id: won[0].affiliate_id },
    ])
  })
})
