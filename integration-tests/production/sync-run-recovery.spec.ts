import fs from "fs"
import type { AdminHeaders } from "../helpers/admin"
import {
  cluster,
  describeProduction,
  productionApp,
  type ProductionApp,
  startProcess,
  stopProcess,
  waitFor,
} from "./harness"

jest.setTimeout(300_000)

const AFFILIATES = 600
const DOMAIN = "recovery.test"

type Run = { id: string; status: string; total: number; processed: number; created: number; linked: number; failed: number }

describeProduction("An account-sync run whose worker is killed", () => {
  let app: ProductionApp
  let admin: AdminHeaders

  const readRun = async (id: string) =>
    (await app.sql<Run>("select * from affiliate_sync_run where id = $1", [id]))[0]

  const logSizes = () =>
    Object.fromEntries(
      Object.values(cluster().processes)
        .filter((process) => process.mode === "worker")
        .map((process) => [process.name, fs.statSync(process.logFile).size])
    )

  beforeAll(async () => {
    app = productionApp()
    admin = await app.adminHeaders()
    // Approved affiliates made by an admin, written at once: each needs a login, a customer and an invite.
    await app.sql(
      `insert into affiliate (id, name, email, code, status)
       select 'aff_recovery_' || lpad(i::text, 4, '0'), 'Recovery ' || i,
              'r' || i || '@${DOMAIN}', 'RECOVERY' || i, 'approved'
       from generate_series(1, ${AFFILIATES}) as i`
    )
  })

  afterAll(async () => {
    await app?.api.post("/admin/affiliate-settings", { account_sync: { enabled: false } }, admin)
    await app?.close()
  })

  it("is resumed by the other worker where it stopped, repairing the batch in flight: one account, membership and invite each", async () => {
    const before = logSizes()
    const { affiliate_sync_run: started } = (
      await app.api.post(
        "/admin/affiliate-settings",
        { account_sync: { enabled: true, tags: ["Recovered"] } },
        admin
      )
    ).data
    const running = await waitFor(
      "the run to be part way",
      () => readRun(started.id),
      (run) => run.processed >= 100 || run.status !== "running"
    )
    expect(running.status).toBe("running")

    // Kill (SIGKILL: no cleanup, no compensation) the worker working on the run.
    const [busy] = Object.values(cluster().processes).filter(
      (process) =>
        process.mode === "worker" &&
        fs.readFileSync(process.logFile, "utf8").slice(before[process.name]).includes("Processing affiliate_sync_run.created")
    )
    expect(busy).toBeDefined()
    await stopProcess(busy.name, { signal: "SIGKILL" })
    const killedAt = await readRun(started.id)
    expect(killedAt.processed).toBeLessThan(killedAt.total)

    // The other worker's resume job picks it up once the lease (15 s here, see cluster.js) has run out.
    const finished = await waitFor(
      "the run to be resumed and completed",
      () => readRun(started.id),
      (run) => run.status !== "running",
      180_000
    )
    expect(finished).toEqual(
      expect.objectContaining({ status: "completed", processed: finished.total, failed: 0 })
    )
    expect(finished.processed).toBeGreaterThanOrEqual(AFFILIATES)

    const accounts = await app.sql<{ affiliates: string; linked: string; invited: string; logins_match: string }>(
      `select count(*) as affiliates,
              count(a.customer_id) as linked,
              count(a.account_invited_at) as invited,
              count(*) filter (where i.app_metadata ->> 'customer_id' = a.customer_id
                                 and i.app_metadata ->> 'affiliate_id' = a.id) as logins_match
       from affiliate a left join auth_identity i on i.id = a.auth_identity_id
       where a.email like $1`,
      [`%@${DOMAIN}`]
    )
    expect(accounts[0]).toEqual({
      affiliates: String(AFFILIATES),
      linked: String(AFFILIATES),
      invited: String(AFFILIATES),
      logins_match: String(AFFILIATES),
    })
    // One set-password email per affiliate, the batch the killed worker was sending included.
    const invites = await app.sql<{ receivers: string; notifications: string }>(
      `select count(distinct receiver_id) as receivers, count(*) as notifications
       from notification where trigger_type = 'affiliate.account_invite' and "to" like $1`,
      [`%@${DOMAIN}`]
    )
    expect(invites[0]).toEqual({ receivers: String(AFFILIATES), notifications: String(AFFILIATES) })
    const duplicates = await app.sql(
      `select email from customer where email like $1 and deleted_at is null group by email having count(*) > 1
       union all
       select entity_id from provider_identity where entity_id like $1 group by entity_id having count(*) > 1`,
      [`%@${DOMAIN}`]
    )
    expect(duplicates).toEqual([])
    const members = await app.sql<{ memberships: string; customers: string }>(
      `select count(*) as memberships, count(distinct m.customer_id) as customers
       from customer_group_customer m join customer_group g on g.id = m.customer_group_id
       join customer c on c.id = m.customer_id
       where g.name = 'Recovered' and c.email like $1`,
      [`%@${DOMAIN}`]
    )
    expect(members[0]).toEqual({ memberships: String(AFFILIATES), customers: String(AFFILIATES) })

    await startProcess(busy.name, "worker")
  })
})
