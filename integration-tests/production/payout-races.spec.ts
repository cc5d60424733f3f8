import type { AdminHeaders } from "../helpers/admin"
import { expectMoneyPaidOnce, raceKinds, type RaceKind } from "../helpers/payout-races"
import { checkout, paymentOf, type TestStore } from "../helpers/store"
import { describeProduction, productionApp, type ProductionApp, waitFor } from "./harness"

jest.setTimeout(240_000)

// Orders per kind of change: all five kinds race one batch together.
const PER_KIND = 3
const ORDERS = PER_KIND * raceKinds.length

type Affiliate = { id: string; code: string }
type Commission = { id: string; order_id: string }

describeProduction("A payout batch racing every change of a commission's money, on a server and two workers", () => {
  let app: ProductionApp
  let admin: AdminHeaders
  let store: TestStore
  let target: Affiliate

  const createAffiliate = async (name: string, code: string) =>
    (
      await app.api.post(
        "/admin/affiliates",
        { name, email: `${code.toLowerCase()}@payout-race.test`, code, status: "approved" },
        admin
      )
    ).data.affiliate as Affiliate

  /** ORDERS orders referred by the affiliate, credited by the workers and approved. */
  const approvedOrders = async (affiliate: Affiliate) => {
    const orders = []
    // A few at a time: the point is the race below, not the checkouts.
    for (let i = 0; i < ORDERS; i += 5) {
      orders.push(
        ...(await Promise.all(
          Array.from({ length: 5 }, (_, j) =>
            checkout(app.api, store, {
              email: `race-${affiliate.code.toLowerCase()}-${i + j}@shop.test`,
              items: [{ variant_id: store.variants.shirt, quantity: 2 }],
              referralCode: affiliate.code,
            })
          )
        ))
      )
    }
    const orderIds = orders.map((order) => order.id as string)
    const commissions = await waitFor(
      "the workers to credit every order",
      () =>
        app.sql<Commission>(
          "select id, order_id from affiliate_commission where order_id = any($1) and deleted_at is null",
          [orderIds]
        ),
      (rows) => rows.length === ORDERS
    )
    await app.api.post(
      "/admin/affiliate-commissions/batch",
      { ids: commissions.map((c) => c.id), status: "approved" },
      admin
    )
    return commissions
  }

  /** What each kind sends against one commission while the batch is made; and when the workers are done with it. */
  const races: Record<
    RaceKind,
    { before?: (c: Commission) => Promise<unknown>; act: (c: Commission) => Promise<unknown>; settled?: (ids: string[]) => Promise<boolean> }
  > = {
    reject: {
      act: (c) =>
        app.api.post(`/admin/affiliate-commissions/${c.id}`, { status: "rejected", reason: "fraud" }, admin),
    },
    mark_paid: {
      act: (c) => app.api.post(`/admin/affiliate-commissions/${c.id}`, { status: "paid" }, admin),
    },
    reassign: {
      act: (c) =>
        app.api.post(
          `/admin/affiliate-commissions/${c.id}/reassign`,
          { affiliate_id: target.id, reason: "dispute" },
          admin
        ),
    },
    cancel: {
      act: (c) => app.api.post(`/admin/orders/${c.order_id}/cancel`, {}, admin),
      // Each canceled order's commission rejected, or adjusted once a payout holds it.
      settled: async (ids) => {
        const [{ done }] = await app.sql<{ done: number }>(
          `select count(*)::int as done from affiliate_commission c where c.id = any($1)
             and (c.status = 'rejected' or exists (select 1 from affiliate_commission_adjustment a
               where a.commission_id = c.id and a.reason = 'order_canceled' and a.deleted_at is null))`,
          [ids]
        )
        return done === ids.length
      },
    },
    refund: {
      before: async (c) =>
        app.api.post(`/admin/payments/${(await paymentOf(app.api, admin, c.order_id)).id}/capture`, {}, admin),
      act: async (c) =>
        app.api.post(
          `/admin/payments/${(await paymentOf(app.api, admin, c.order_id)).id}/refund`,
          { amount: 10 },
          admin
        ),
      settled: async (ids) => {
        const [{ done }] = await app.sql<{ done: number }>(
          `select count(distinct commission_id)::int as done from affiliate_commission_adjustment
            where commission_id = any($1) and reason = 'refund' and deleted_at is null`,
          [ids]
        )
        return done === ids.length
      },
    },
  }

  beforeAll(async () => {
    app = productionApp()
    admin = await app.adminHeaders()
    store = await app.store()
    target = await createAffiliate("Payout Race Target", "PRTARGET")
  })

  afterAll(() => app?.close())

  it(`a batch racing ${PER_KIND} each of ${raceKinds.join(", ")}: paid at most once, only while approved`, async () => {
    const affiliate = await createAffiliate("Payout Race", "PAYOUTRACE")
    const commissions = await approvedOrders(affiliate)
    const kindOf = (index: number) => raceKinds[index % raceKinds.length]
    await Promise.all(commissions.map((c, i) => races[kindOf(i)].before?.(c)))

    const [batch, ...others] = await Promise.allSettled([
      app.api.post(
        "/admin/affiliate-payouts",
        { affiliate_ids: [affiliate.id], include_without_payout_method: true },
        admin
      ),
      ...commissions.map((c, i) => races[kindOf(i)].act(c)),
    ])
    for (const result of [batch, ...others]) {
      if (result.status === "rejected") {
        expect([400, 409]).toContain((result.reason as { response?: { status: number } }).response?.status)
      }
    }
    for (const kind of raceKinds) {
      const settled = races[kind].settled
      const ids = commissions.filter((_, i) => kindOf(i) === kind).map((c) => c.id)
      if (settled) {
        await waitFor(`the workers to handle every ${kind}`, () => settled(ids), Boolean)
      }
    }
    await waitFor("the event queue to be empty", app.pendingEvents, (pending) => pending === 0)
    await expectMoneyPaidOnce({
      api: app.api,
      admin,
      sql: app.sql,
      affiliateIds: [affiliate.id, target.id],
    })
  })
})
