// The production suites' Medusa, run as a store runs in production: one Redis,
// one PostgreSQL, and `medusa start` with NODE_ENV=production as one server and
// two workers (MEDUSA_WORKER_MODE), each on its own port, logs in
// artifacts/production-*.log.
//
// The jest global setup starts it and records it in a state file
// (PRODUCTION_CLUSTER). Tests run in another module registry than the global
// setup, so they share the file, not memory: they stop, kill, restart or add
// processes and restart Redis with the functions below, and the global
// teardown stops whatever the file lists at the end, including what a test
// started. A test that SIGKILLs a worker (e.g. in the middle of a sync run)
// calls stopProcess("worker-1", { signal: "SIGKILL" }) and then
// startProcess("worker-1", "worker").
const { spawn } = require("child_process")
const fs = require("fs")
const path = require("path")
const { startDatabase, findFreePort, databaseEnv } = require("../../scripts/lib/database")
const {
  medusaBin,
  medusaEnv,
  migrate,
  createAdminUser,
  isHealthy,
} = require("../../scripts/lib/medusa-app")
const {
  commandPath,
  startRedis,
  stopRedis,
  signalProcessGroup,
  isAlive,
} = require("../../scripts/lib/redis")

const root = path.resolve(__dirname, "..", "..")
const artifacts = path.join(root, "artifacts")
const ADMIN_EMAIL = "admin@example.com"
const ADMIN_PASSWORD = "supersecret"
const BOOT_TIMEOUT_MS = 180_000
const STOP_TIMEOUT_MS = 10_000

// What each process logs once it reaches Redis in each module (production
// logs are JSON, hence the optional backslashes).
const REDIS_CONNECTIONS = {
  "event-bus-redis": /Connection to Redis in module 'event-bus-redis' established/,
  "workflow-engine-redis": /Connection to Redis in module 'workflow-engine-redis' established/,
  "locking-redis": /Connection to Redis in \\?"locking-redis\\?" provider established/,
  "caching-redis": /Redis cache connection established successfully/,
}

class ClusterError extends Error {}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Why the production suites cannot run here, or undefined when they can. */
function skipReason() {
  if (!process.env.REDIS_URL && !commandPath("redis-server")) {
    return "redis-server was not found (install Debian's `redis-server`, or set REDIS_URL to your own Redis)"
  }
  if (!commandPath("redis-cli")) {
    return "redis-cli was not found (install Debian's `redis-tools`)"
  }
  return undefined
}

function stateFile() {
  const file = process.env.PRODUCTION_CLUSTER
  if (!file || !fs.existsSync(file)) {
    throw new ClusterError(
      "The production cluster is not running: the suite's global setup failed (see its error above)."
    )
  }
  return file
}

const readState = () => JSON.parse(fs.readFileSync(stateFile(), "utf8"))

// Synchronous, so that processes started side by side never lose an update.
function updateState(change) {
  const state = readState()
  change(state)
  fs.writeFileSync(stateFile(), JSON.stringify(state, null, 2))
}

function logTail(file, from) {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").slice(from) : ""
}

/**
 * Starts `medusa start` as `name` (server | worker | shared mode), appending
 * to artifacts/production-<name>.log, and resolves once /health answers and
 * its log shows a connection to Redis in every Redis module.
 */
async function startProcess(name, mode) {
  const port = await findFreePort()
  const logFile = path.join(artifacts, `production-${name}.log`)
  fs.mkdirSync(artifacts, { recursive: true })
  const from = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0
  const log = fs.openSync(logFile, "a")
  // Output goes straight to the file: the process outlives the test that starts it.
  const child = spawn(medusaBin, ["start"], {
    cwd: root,
    env: {
      ...medusaEnv(readState().env),
      NODE_ENV: "production",
      MEDUSA_WORKER_MODE: mode,
      PORT: String(port),
    },
    detached: true,
    stdio: ["ignore", log, log],
  })
  fs.closeSync(log)
  child.unref()
  const record = { name, mode, port, pid: child.pid, url: `http://localhost:${port}`, logFile }
  updateState((state) => {
    state.processes[name] = record
  })

  const deadline = Date.now() + BOOT_TIMEOUT_MS
  while (!(await isHealthy(record.url))) {
    const bootError = logTail(logFile, from).match(/Error starting server[^\n]*/i)
    const exited = !isAlive(child.pid)
    if (bootError || exited || Date.now() > deadline) {
      await stopProcess(name, { signal: "SIGKILL" })
      const reason = bootError
        ? bootError[0].slice(0, 300)
        : exited
          ? "it exited"
          : `/health did not answer within ${BOOT_TIMEOUT_MS / 1000} s`
      throw new ClusterError(`Medusa ${name} (${mode}) did not start (${reason}). Log: ${logFile}`)
    }
    await sleep(250)
  }

  const output = logTail(logFile, from)
  const missing = Object.keys(REDIS_CONNECTIONS).filter((module) => !REDIS_CONNECTIONS[module].test(output))
  if (missing.length) {
    await stopProcess(name)
    throw new ClusterError(
      `Medusa ${name} (${mode}) started without a Redis connection in ${missing.join(", ")}: ` +
        `check REDIS_URL and medusa-config.ts. Log: ${logFile}`
    )
  }
  return record
}

/** Signals a process's group (SIGTERM: a graceful stop, SIGKILL: a crash) and waits until it is gone. */
async function stopProcess(name, { signal = "SIGTERM" } = {}) {
  const record = readState().processes[name]
  if (!record) {
    throw new ClusterError(`No production process named ${name}.`)
  }
  signalProcessGroup(record.pid, signal)
  const deadline = Date.now() + STOP_TIMEOUT_MS
  while (isAlive(record.pid) && Date.now() < deadline) {
    await sleep(100)
  }
  // Whatever it spawned shares its group, and a graceful stop may hang.
  signalProcessGroup(record.pid, "SIGKILL")
  updateState((state) => {
    delete state.processes[name]
  })
}

/** Sends a signal to a process's group without waiting: SIGSTOP pauses it (a worker that falls behind), SIGCONT resumes it. */
function signalProcess(name, signal) {
  const record = readState().processes[name]
  if (!record || !signalProcessGroup(record.pid, signal)) {
    throw new ClusterError(`No running production process named ${name}.`)
  }
}

/** Stops a process and starts it again in the same mode (on a new port). */
async function restartProcess(name, options) {
  const { mode } = readState().processes[name]
  await stopProcess(name, options)
  return startProcess(name, mode)
}

/**
 * Stops the suite's redis-server, awaits `whileDown`, and starts an empty one
 * on the same port: what a restart without persistence leaves.
 */
async function restartRedis(whileDown = async () => undefined) {
  const { redis } = readState()
  if (!redis.pid) {
    throw new ClusterError("REDIS_URL points at your own Redis: the suite does not restart it.")
  }
  await stopRedis(redis)
  try {
    await whileDown()
  } finally {
    const started = await startRedis({ port: redis.port, logFile: redis.logFile })
    updateState((state) => {
      state.redis = { ...started, logFile: redis.logFile }
    })
  }
}

/** What a test needs to know: URLs, the admin login, the database and Redis. */
function cluster() {
  const state = readState()
  return {
    serverUrl: state.processes.server.url,
    databaseUrl: state.env.DATABASE_URL,
    redisUrl: state.env.REDIS_URL,
    admin: state.admin,
    env: { ...medusaEnv(state.env), NODE_ENV: "production" },
    processes: state.processes,
    dir: path.dirname(stateFile()),
  }
}

async function setup() {
  if (skipReason()) {
    // The suites report the skip (or, in CI, the failure) themselves.
    return
  }
  const started = Date.now()
  globalThis.__productionCluster = {}
  try {
    await startCluster(globalThis.__productionCluster)
  } catch (error) {
    // Jest runs no global teardown after a failed global setup.
    await teardown()
    throw error
  }
  process.stdout.write(`\nProduction cluster up in ${Math.round((Date.now() - started) / 1000)} s\n`)
}

async function startCluster(started) {
  const redisLog = path.join(artifacts, "production-redis.log")
  fs.rmSync(redisLog, { force: true })
  const redis = process.env.REDIS_URL
    ? { url: process.env.REDIS_URL }
    : { ...(await startRedis({ port: await findFreePort(), logFile: redisLog })), logFile: redisLog }
  started.redis = redis

  const dbPort = process.env.DATABASE_URL ? undefined : await findFreePort()
  const dir = path.join(root, ".data", `production-${dbPort ?? "external"}`)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  started.db = await startDatabase({ dataDir: path.join(dir, "db"), port: dbPort, persistent: false })

  // Only what differs from this process's environment is recorded.
  const env = {
    ...databaseEnv(started.db),
    LOG_LEVEL: "info",
    REDIS_URL: redis.url,
    // The tests use the API; a production admin would need `medusa build`.
    MEDUSA_ADMIN_DISABLED: "true",
    // A run whose worker is killed is resumed 15 s after its last batch
    // instead of a minute (sync-run-recovery.spec.ts waits for it).
    AFFILIATE_SYNC_LEASE_SECONDS: "15",
  }
  process.env.PRODUCTION_CLUSTER = path.join(dir, "cluster.json")
  fs.writeFileSync(
    process.env.PRODUCTION_CLUSTER,
    JSON.stringify({ env, redis, admin: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, processes: {} })
  )
  for (const name of ["server", "worker-1", "worker-2"]) {
    fs.rmSync(path.join(artifacts, `production-${name}.log`), { force: true })
  }

  await migrate(medusaEnv(env))
  // The first boot creates Medusa's defaults (store, price preferences):
  // processes booting together on an empty database race to create them.
  await createAdminUser(medusaEnv(env), ADMIN_EMAIL, ADMIN_PASSWORD)
  await Promise.all([
    startProcess("server", "server"),
    startProcess("worker-1", "worker"),
    startProcess("worker-2", "worker"),
  ])
}

async function teardown() {
  const started = globalThis.__productionCluster
  if (!started) {
    return
  }
  const file = process.env.PRODUCTION_CLUSTER
  // A test may have replaced Redis or a process: the state file knows the current ones.
  const state = file && fs.existsSync(file) ? readState() : { processes: {}, redis: started.redis }
  await Promise.allSettled(Object.keys(state.processes).map((name) => stopProcess(name)))
  if (state.redis?.pid) {
    await stopRedis(state.redis)
  }
  await started.db?.stop()
  if (file) {
    fs.rmSync(path.dirname(file), { recursive: true, force: true })
  }
}

module.exports = {
  skipReason,
  setup,
  teardown,
  cluster,
  startProcess,
  stopProcess,
  signalProcess,
  restartProcess,
  restartRedis,
}
