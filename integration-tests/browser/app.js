// Jest global setup and teardown for the browser suites: one embedded
// database and one `medusa develop` (with the admin) shared by every suite.
const path = require("path")
const { startDatabase, findFreePort, databaseEnv } = require("../../scripts/lib/database")
const {
  medusaEnv,
  migrate,
  createAdminUser,
  startMedusa,
} = require("../../scripts/lib/medusa-app")
const { warmAdmin } = require("../../scripts/lib/warm-admin")
const { chromiumPath } = require("./chromium")

const root = path.resolve(__dirname, "..", "..")
const ADMIN_EMAIL = "admin@example.com"
const ADMIN_PASSWORD = "supersecret"
const STOREFRONT_URL = "http://localhost:8000"

async function setup() {
  if (!chromiumPath()) {
    // The suites report the skip (or, in CI, the failure) themselves.
    return
  }
  const dbPort = process.env.DATABASE_URL ? undefined : await findFreePort()
  const db = await startDatabase({
    dataDir: path.join(root, ".data", `browser-db-${dbPort}`),
    port: dbPort,
    persistent: false,
  })
  globalThis.__browserApp = { db }
  // A storefront URL, so the admin shows referral links.
  const env = medusaEnv(databaseEnv(db), { LOG_LEVEL: "info", STOREFRONT_URL: STOREFRONT_URL })
  await migrate(env)
  await createAdminUser(env, ADMIN_EMAIL, ADMIN_PASSWORD)
  const server = await startMedusa({
    env,
    port: await findFreePort(),
    logFile: path.join(root, "artifacts", "browser-medusa.log"),
  })
  globalThis.__browserApp.server = server
  // Vite transforms the admin's modules on first request: a cold admin kept a
  // suite's first page waiting past its timeout when the machine was busy.
  await warmAdmin(server.url)

  process.env.BROWSER_APP_URL = server.url
  process.env.BROWSER_ADMIN_EMAIL = ADMIN_EMAIL
  process.env.BROWSER_ADMIN_PASSWORD = ADMIN_PASSWORD
}

async function teardown() {
  const app = globalThis.__browserApp
  if (!app) {
    return
  }
  await app.server?.stop()
  await app.db.stop()
}

module.exports = { setup, teardown }
