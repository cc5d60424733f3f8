import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { httpSuite } from "../helpers/test-runner"
import expireAffiliateConnectionsJob, {
  config as expiryJob,
} from "../../src/jobs/expire-affiliate-connections"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import {
  expireAffiliateConnectionsWorkflow,
  expireLapsedConnectionsStepId,
} from "../../src/workflows"
import { createAdminHeaders, type AdminHeaders } from "../helpers/admin"
import { captureEvents } from "../helpers/events"
import { expectHttpError } from "../helpers/http"
import { setUpStore } from "../helpers/store"

const DAY_MS = 24 * 60 * 60 * 1000

type Affiliate = { id: string; name: string }
type Connection = { id: string; customer_id: string; created_at: string }

export default httpSuite({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let service: AffiliateModuleService

    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

    const createAffiliate = async (name: string, programId: string | null = null) => {
      const { affiliate } = (
        await api.post(
          "/admin/affiliates",
          { name, email: `${name.toLowerCase()}@aff.test`, code: name.toUpperCase(), status: "approved" },
          admin
        )
      ).data
      if (programId) {
        await service.updateAffiliates({ id: affiliate.id, program_id: programId })
      }
      return affiliate as Affiliate
    }

    let customerCount = 0
    /** A new customer connected to the affiliate by the admin. */
    const connect = async (affiliate: Affiliate) => {
      customerCount++
      const { customer } = (
        await api.post("/admin/customers", { email: `buyer${customerCount}@shop.test` }, admin)
      ).data
      return (
        await api.post(
          "/admin/affiliate-connections",
          { affiliate_id: affiliate.id, customer_id: customer.id },
          admin
        )
      ).data.affiliate_connection as Connection
    }

    /** Moves a connection's creation `days` into the past. */
    const age = async (connection: Connection, days: number) => {
      const createdAt = new Date(Date.now() - days * DAY_MS)
      await sql().raw("update affiliate_connection set created_at = ? where id = ?", [
        createdAt,
        connection.id,
      ])
      return createdAt
    }

    const credit = (connection: Connection, orders: number) =>
      sql().raw("update affiliate_connection set credited_orders = ? where id = ?", [
        orders,
        connection.id,
      ])

    const row = async (id: string) => {
      const [connection] = await service.listAffiliateConnections({ id })
      return connection
    }

    const getConnection = async (id: string) =>
      (await api.get(`/admin/affiliate-connections/${id}`, admin)).data.affiliate_connection

    const runExpiry = async () => (await expireAffiliateConnectionsWorkflow(getContainer()).run()).result

    // Seeded once: the runner snapshots the database after beforeAll and
    // restores it before every test.
    beforeAll(async () => {
      admin = await createAdminHeaders(api, getContainer())
      service = getContainer().resolve(AFFILIATE_MODULE)
    })

    it("ends the connections whose days or orders are over, emits the event, and leaves the rest", async () => {
      const thirtyDays = await service.createAffiliatePrograms({
        name: "Thirty days",
        connection_lifetime: "days",
        connection_lifetime_value: 30,
      })
      const twoOrders = await service.createAffiliatePrograms({
        name: "Two orders",
        connection_lifetime: "orders",
        connection_lifetime_value: 2,
      })
      const dana = await createAffiliate("Dana", thirtyDays.id)
      const olga = await createAffiliate("Olga", twoOrders.id)
      const fred = await createAffiliate("Fred")

      const lapsed = await connect(dana)
      const young = await connect(dana)
      const used = await connect(olga)
      const once = await connect(olga)
      const forever = await connect(fred)
      await age(lapsed, 31)
      const youngCreatedAt = await age(young, 29)
      await credit(used, 2)
      await credit(once, 1)
      await age(forever, 400)
      await credit(forever, 50)

      // Before the job: what is left of each connection.
      const { affiliate_connections: listed } = (
        await api.get("/admin/affiliate-connections?limit=100", admin)
      ).data
      const listedById = Object.fromEntries(
        listed.map((c: Connection & Record<string, unknown>) => [c.id, c])
      )
      expect(listedById[young.id]).toEqual(
        expect.objectContaining({
          expires_at: new Date(youngCreatedAt.getTime() + 30 * DAY_MS).toISOString(),
          orders_left: null,
        })
      )
      expect(new Date(listedById[lapsed.id].expires_at).getTime()).toBeLessThan(Date.now())
      expect(listedById[used.id]).toEqual(
        expect.objectContaining({ expires_at: null, orders_left: 0, credited_orders: 2 })
      )
      expect(listedById[once.id]).toEqual(expect.objectContaining({ expires_at: null, orders_left: 1 }))
      expect(listedById[forever.id]).toEqual(
        expect.objectContaining({ expires_at: null, orders_left: null })
      )

      const events = captureEvents(getContainer())
      const ended = await runExpiry()
      events.restore()

      expect([...ended].sort()).toEqual([lapsed.id, used.id].sort())
      expect(
        events
          .named("affiliate_connection.expired")
          .map((event) => (event.data as { id: string }).id)
          .sort()
      ).toEqual([lapsed.id, used.id].sort())

      for (const id of [lapsed.id, used.id]) {
        expect(await row(id)).toEqual(
          expect.objectContaining({ ended_reason: "expired", ended_at: expect.any(Date) })
        )
      }
      for (const id of [young.id, once.id, forever.id]) {
        expect(await row(id)).toEqual(expect.objectContaining({ ended_at: null, ended_reason: null }))
      }

      // The ended ones: no term left; the live ones keep theirs.
      expect(await getConnection(lapsed.id)).toEqual(
        expect.objectContaining({
          id: lapsed.id,
          ended_reason: "expired",
          ended_at: expect.any(String),
          expires_at: null,
          orders_left: null,
        })
      )
      expect(await getConnection(once.id)).toEqual(
        expect.objectContaining({ orders_left: 1, expires_at: null, affiliate: expect.objectContaining({ name: "Olga" }) })
      )
      await expectHttpError(api.get("/admin/affiliate-connections/affconn_missing", admin), 404)

      const active = (await api.get("/admin/affiliate-connections", admin)).data
      expect(active.affiliate_connections.map((c: Connection) => c.id).sort()).toEqual(
        [young.id, once.id, forever.id].sort()
      )

      // The affiliate's customers list shows the same.
      const danaCustomers = (await api.get(`/admin/affiliates/${dana.id}/customers`, admin)).data
      expect(danaCustomers.customers).toEqual([
        expect.objectContaining({
          id: young.customer_id,
          connection: expect.objectContaining({
            id: young.id,
            expires_at: new Date(youngCreatedAt.getTime() + 30 * DAY_MS).toISOString(),
            orders_left: null,
          }),
        }),
      ])
      const olgaCustomers = (await api.get(`/admin/affiliates/${olga.id}/customers`, admin)).data
      expect(olgaCustomers.customers).toEqual([
        expect.objectContaining({
          id: once.customer_id,
          connection: expect.objectContaining({ id: once.id, expires_at: null, orders_left: 1 }),
        }),
      ])
      const fredCustomers = (await api.get(`/admin/affiliates/${fred.id}/customers`, admin)).data
      expect(fredCustomers.customers[0].connection).toEqual(
        expect.objectContaining({ id: forever.id, expires_at: null, orders_left: null })
      )

      // A second run (the job itself) ends nothing more and emits nothing.
      const again = captureEvents(getContainer())
      await expireAffiliateConnectionsJob(getContainer())
      again.restore()
      expect(again.named("affiliate_connection.expired")).toEqual([])
      expect(expiryJob).toEqual({ name: "affiliate-expire-connections", schedule: "0 * * * *" })
    })

    it("expires the connections of affiliates without a program by the default program's terms", async () => {
      const defaultProgram = await service.retrieveDefaultProgram()
      await service.updateAffiliatePrograms({
        id: defaultProgram.id,
        connection_lifetime: "days",
        connection_lifetime_value: 10,
      })
      const own = await service.createAffiliatePrograms({ name: "Forever", connection_lifetime: "forever" })
      const fred = await createAffiliate("Fred")
      const gina = await createAffiliate("Gina", own.id)
      const lapsed = await connect(fred)
      const fresh = await connect(fred)
      const kept = await connect(gina)
      await age(lapsed, 10)
      await age(fresh, 9)
      await age(kept, 100)

      expect(await runExpiry()).toEqual([lapsed.id])
      expect((await row(lapsed.id)).ended_reason).toBe("expired")
      expect((await row(fresh.id)).ended_at).toBeNull()
      expect((await row(kept.id)).ended_at).toBeNull()
      expect((await getConnection(fresh.id)).expires_at).toEqual(expect.any(String))
      expect((await getConnection(kept.id)).expires_at).toBeNull()
    })

    it("works through many lapsed connections in bounded batches", async () => {
      const twoOrders = await service.createAffiliatePrograms({
        name: "Two orders",
        connection_lifetime: "orders",
        connection_lifetime_value: 2,
      })
      const olga = await createAffiliate("Olga", twoOrders.id)
      const connections = []
      for (let i = 0; i < 5; i++) {
        const connection = await connect(olga)
        await credit(connection, 2 + i)
        connections.push(connection)
      }
      const live = await connect(olga)

      const ended = await service.expireLapsedConnections({ batchSize: 2 })
      expect([...ended].sort()).toEqual(connections.map((c) => c.id).sort())
      expect((await row(live.id)).ended_at).toBeNull()
      expect(await service.expireLapsedConnections({ batchSize: 2 })).toEqual([])
    })

    it("re-opens the connections it ended when a later step fails (compensation)", async () => {
      const thirtyDays = await service.createAffiliatePrograms({
        name: "Thirty days",
        connection_lifetime: "days",
        connection_lifetime_value: 30,
      })
      const dana = await createAffiliate("Dana", thirtyDays.id)
      const lapsed = await connect(dana)
      await age(lapsed, 31)

      const workflow = expireAffiliateConnectionsWorkflow(getContainer())
      workflow.appendAction("fail-after-expiry", expireLapsedConnectionsStepId, {
        invoke: async () => {
          throw new Error("after expiry")
        },
      })
      const { errors } = await workflow.run({ throwOnError: false })
      expect(errors[0].error.message).toBe("after expiry")
      expect(await row(lapsed.id)).toEqual(expect.objectContaining({ ended_at: null, ended_reason: null }))

      // The lock was released: the next run ends it.
      expect(await runExpiry()).toEqual([lapsed.id])
    })

    it("shows a signed-in affiliate what is left of their connections (GET /store/affiliates/me/customers)", async () => {
      const store = await setUpStore(api, admin)
      const twoOrders = await service.createAffiliatePrograms({
        name: "Two orders",
        connection_lifetime: "orders",
        connection_lifetime_value: 2,
      })
      const email = "sam@partners.test"
      const registered = (
        await api.post("/auth/affiliate/emailpass/register", { email, password: "s3cret-pass" })
      ).data.token as string
      const bearer = (token: string) => ({
        headers: { ...store.storeHeaders().headers, authorization: `Bearer ${token}` },
      })
      const { affiliate } = (
        await api.post("/store/affiliates", { name: "Sam", code: "SAM" }, bearer(registered))
      ).data
      const token = (await api.post("/auth/affiliate/emailpass", { email, password: "s3cret-pass" })).data
        .token as string
      await service.updateAffiliates({ id: affiliate.id, program_id: twoOrders.id })
      const connection = await connect(affiliate)
      await credit(connection, 1)

      const { customers } = (await api.get("/store/affiliates/me/customers", bearer(token))).data
      expect(customers).toEqual([
        expect.objectContaining({ connected: true, expires_at: null, orders_left: 1 }),
      ])
    })
  },
})
