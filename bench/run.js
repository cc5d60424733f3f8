#!/usr/bin/env node
// `npm run bench`: a throw-away embedded PostgreSQL (or DATABASE_URL), Medusa's
// migrations, then each benchmark in turn. BENCH_SCALE=1 runs the sizes the
// README reports; BENCH_ONLY=checkout,resync,lists,customers,reconcile,visits picks some.
const fs = require("fs")
const path = require("path")
const { startDatabase, findFreePort, databaseEnv } = require("../scripts/lib/database")
const { medusaEnv, migrate, createAdminUser, startMedusa } = require("../scripts/lib/medusa-app")
const { runCommand } = require("../scripts/lib/run-command")

const root = path.resolve(__dirname, "..")
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")
const ADMIN = { email: "bench@example.com", password: "bench-password" }
const BENCHMARKS = ["checkout", "resync", "lists", "customers", "reconcile", "visits"]

const log = (message) => process.stdout.write(`${message}\n`)

function selectedBenchmarks() {
  const only = (process.env.BENCH_ONLY || BENCHMARKS.join(","))
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean)
  const unknown = only.filter((name) => !BENCHMARKS.includes(name))
  if (unknown.length) {
    throw new Error(`BENCH_ONLY: unknown benchmark ${unknown.join(", ")} (known: ${BENCHMARKS.join(", ")})`)
  }
  return only
}

async function exec(file, env, args = []) {
  const code = await runCommand(medusaBin, ["exec", path.join("bench", file), ...args], { cwd: root, env })
  if (code !== 0) {
    throw new Error(`bench/${file} ${args.join(" ")} failed (exit code ${code})`)
  }
}

/** Account sync at the two sizes, each in a fresh process so its memory is its own. */
async function resync(env) {
  const withGc = { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS || ""} --expose-gc`.trim() }
  const startedAt = Date.now()
  for (const size of [1000, 10000]) {
    await exec("resync.ts", withGc, [String(size)])
  }
  printResyncMemory(startedAt)
}

/** Whether the run's memory grows with the number of affiliates: the two sizes side by side. */
function printResyncMemory(since) {
  const dir = path.join(__dirname, "results")
  const [small, large] = fs
    .readdirSync(dir)
    .filter((file) => /^resync-\d+\.json$/.test(file))
    .map((file) => path.join(dir, file))
    .filter((file) => fs.statSync(file).mtimeMs >= since)
    .map((file) => JSON.parse(fs.readFileSync(file, "utf8")))
    .sort((a, b) => a.size - b.size)
  if (!small || !large) {
    return
  }
  const peak = (result, key) => Math.max(...result.plugin.map((phase) => phase[key] ?? NaN))
  const growth = (key) => Math.round((peak(large, key) - peak(small, key)) * 10) / 10
  log(
    `\nAccount-sync memory, ${small.size} → ${large.size} affiliates: ` +
      `peak RSS ${peak(small, "rss_peak_mb")} → ${peak(large, "rss_peak_mb")} MB (${growth("rss_peak_mb")} MB), ` +
      `live heap ${peak(small, "live_heap_peak_mb")} → ${peak(large, "live_heap_peak_mb")} MB ` +
      `(${growth("live_heap_peak_mb")} MB); target: under 50 MB of growth`
  )
}

/** The lists are measured over HTTP against `medusa start`. */
async function overHttp(env, file, name) {
  const port = await findFreePort()
  const server = await startMedusa({
    env: { ...env, MEDUSA_ADMIN_DISABLED: "true" },
    port,
    logFile: path.join(__dirname, "results", `medusa-${name}.log`),
  })
  try {
    await exec(file, {
      ...env,
      BENCH_URL: server.url,
      BENCH_ADMIN_EMAIL: ADMIN.email,
      BENCH_ADMIN_PASSWORD: ADMIN.password,
    })
  } finally {
    await server.stop()
  }
}

const RUNNERS = {
  checkout: (env) => exec("checkout.ts", env),
  resync,
  lists: (env) => overHttp(env, "admin-lists.ts", "lists"),
  customers: (env) => overHttp(env, "affiliate-customers.ts", "customers"),
  reconcile: (env) => exec("reconcile.ts", env),
  visits: (env) => overHttp(env, "visits.ts", "visits"),
}

async function main() {
  const benchmarks = selectedBenchmarks()
  const port = process.env.DATABASE_URL ? undefined : await findFreePort()
  const db = await startDatabase({
    dataDir: path.join(root, ".data", `bench-db-${port}`),
    port,
    persistent: false,
  })
  const env = medusaEnv(databaseEnv(db), { LOG_LEVEL: process.env.LOG_LEVEL || "error" })
  let failed = false
  try {
    log("Preparing the database (migrations, admin user)…")
    await migrate(env)
    // A reused DATABASE_URL may have the bench admin already.
    await createAdminUser(env, ADMIN.email, ADMIN.password).catch((error) => {
      if (db.embedded) {
        throw error
      }
    })
    for (const name of benchmarks) {
      log(`\n▶ ${name} (BENCH_SCALE=${process.env.BENCH_SCALE || "0.1"})`)
      await RUNNERS[name](env)
    }
  } catch (error) {
    failed = true
    process.stderr.write(`\n${error.message}\n`)
  } finally {
    await db.stop()
  }
  process.exit(failed ? 1 : 0)
}

main()
