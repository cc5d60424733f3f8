import axios, { type AxiosInstance } from "axios"
import { execFile } from "child_process"
import fs from "fs"
import http from "http"
import path from "path"
import { Pool } from "pg"
import { promisify } from "util"
import { config as reconcileJob } from "../../src/jobs/reconcile-order-credits"
import type { AdminHeaders } from "../helpers/admin"
import { setUpStore, type TestStore } from "../helpers/store"
import { cluster, skipReason } from "./cluster"

export {
  cluster,
  restartProcess,
  restartRedis,
  signalProcess,
  startProcess,
  stopProcess,
} from "./cluster"

const run = promisify(execFile)
const root = path.resolve(__dirname, "..", "..")
const EMIT_SCRIPT = "integration-tests/production/scripts/emit-events.ts"
// The Redis event bus's BullMQ queue: jobs waiting, running, or held by priority or delay.
const EVENT_QUEUE = "RedisEventBusService:events-queue"
// Where Medusa's Redis workflow engine keeps scheduled jobs: one BullMQ
// repeatable job per scheduled job, keyed by its name.
const SCHEDULE_QUEUE = "bull:medusa-workflows-jobs"
export const RECONCILE_SCHEDULE = `schedule_job-${reconcileJob.name}`

/**
 * A describe block that needs Redis: skipped with a notice where there is
 * none, except in CI, where a missing Redis is a failure.
 */
export function describeProduction(name: string, suite: () => void) {
  const reason = skipReason()
  if (!reason) {
    describe(name, suite)
    return
  }
  if (process.env.CI) {
    describe(name, () => {
      it("needs Redis", () => {
        throw new Error(`${reason}; the production tests must run in CI.`)
      })
    })
    return
  }
  process.stderr.write(`Skipping production suite "${name}": ${reason}.\n`)
  describe.skip(name, suite)
}

/** Polls `read` every 250 ms until `done` holds; fails saying what it waited for and the last value. */
export async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 90_000
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (done(value)) {
      return value
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Gave up after ${timeoutMs / 1000} s waiting for ${what}; last seen: ${JSON.stringify(value)}`
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** The HTTP status of a request, whether it succeeded or not. */
export async function statusOf(request: Promise<{ status: number }>): Promise<number> {
  try {
    return (await request).status
  } catch (error) {
    const status = (error as { response?: { status: number } }).response?.status
    if (status === undefined) {
      throw error
    }
    return status
  }
}

export type ProductionApp = {
  /** Axios on the server process. */
  api: AxiosInstance
  /** Headers of the suite's admin (a bearer token: production cookies need https). */
  adminHeaders(): Promise<AdminHeaders>
  /** The store the production suites share, made over HTTP by the first suite that asks. */
  store(): Promise<TestStore>
  sql<T>(text: string, params?: unknown[]): Promise<T[]>
  /** A Redis command through redis-cli; its output lines. */
  redis(...args: string[]): Promise<string[]>
  /** How many event-bus jobs are waiting or running. */
  pendingEvents(): Promise<number>
  /** The reconciliation job's repeatable entries in Redis, their cron pattern, and the queued next runs. */
  reconcileSchedule(): Promise<{ repeatable: string[]; patterns: string[]; nextRuns: string[] }>
  /** Emits `name { id }` once per id through the Redis event bus, from `medusa exec`. */
  emitEvents(name: string, ids: string[]): Promise<void>
  close(): Promise<void>
}

export function productionApp(): ProductionApp {
  const { serverUrl, databaseUrl, redisUrl, admin, env, dir } = cluster()
  // No keep-alive: a socket left idle by the previous file's requests can be
  // closed by the server just as the next file reuses it ("socket hang up").
  const api = axios.create({ baseURL: serverUrl, httpAgent: new http.Agent({ keepAlive: false }) })
  const pool = new Pool({ connectionString: databaseUrl, max: 4 })
  let headers: AdminHeaders | undefined

  const adminHeaders = async () => {
    if (!headers) {
      const { token } = (await api.post("/auth/user/emailpass", admin)).data
      headers = { headers: { authorization: `Bearer ${token}` } }
    }
    return headers
  }

  const redis = async (...args: string[]) => {
    const { stdout } = await run("redis-cli", ["-u", redisUrl, ...args])
    return stdout.split("\n").filter((line) => line !== "")
  }

  return {
    api,
    adminHeaders,
    store: async () => {
      // Suites share one database, and a country belongs to one region only.
      const file = path.join(dir, "store.json")
      const data: Omit<TestStore, "storeHeaders"> = fs.existsSync(file)
        ? JSON.parse(fs.readFileSync(file, "utf8"))
        : await setUpStore(api, await adminHeaders())
      fs.writeFileSync(file, JSON.stringify(data))
      return {
        ...data,
        storeHeaders: (customerToken?: string) => ({
          headers: {
            "x-publishable-api-key": data.publishableKey,
            ...(customerToken ? { authorization: `Bearer ${customerToken}` } : {}),
          },
        }),
      }
    },
    sql: async <T>(text: string, params: unknown[] = []) =>
      (await pool.query(text, params)).rows as T[],
    redis,
    pendingEvents: async () => {
      const [count] = await redis(
        "EVAL",
        "return redis.call('LLEN', KEYS[1]) + redis.call('LLEN', KEYS[2]) + " +
          "redis.call('ZCARD', KEYS[3]) + redis.call('ZCARD', KEYS[4])",
        "4",
        ...["wait", "active", "prioritized", "delayed"].map((key) => `${EVENT_QUEUE}:${key}`)
      )
      return Number(count)
    },
    reconcileSchedule: async () => {
      const named = (keys: string[]) => keys.filter((key) => key.includes(reconcileJob.name))
      const repeatable = named(await redis("ZRANGE", `${SCHEDULE_QUEUE}:repeat`, "0", "-1"))
      const patterns = await Promise.all(
        repeatable.map(async (key) => (await redis("HGET", `${SCHEDULE_QUEUE}:repeat:${key}`, "pattern"))[0])
      )
      const nextRuns = named(await redis("ZRANGE", `${SCHEDULE_QUEUE}:delayed`, "0", "-1"))
      return { repeatable, patterns, nextRuns }
    },
    emitEvents: async (name, ids) => {
      await run(path.join(root, "node_modules", ".bin", "medusa"), ["exec", EMIT_SCRIPT, name, ...ids], {
        cwd: root,
        env,
        maxBuffer: 16 * 1024 * 1024,
        timeout: 120_000,
      })
    },
    close: () => pool.end(),
  }
}
