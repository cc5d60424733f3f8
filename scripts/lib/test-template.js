// One database migrated once per test run, which every HTTP test file's
// database is cloned from (see integration-tests/helpers/test-runner.ts):
// Medusa's migrations take about 15 s per app, a clone well under a second.
const { Client } = require("pg")
const { databaseEnv } = require("./database")
const { medusaEnv, migrate } = require("./medusa-app")

const TEMPLATE = "affiliate_test_template"

function maintenanceClient(db) {
  return new Client({
    host: db.host,
    port: db.port,
    user: db.user,
    password: db.password,
    database: "postgres",
  })
}

async function onServer(db, statement) {
  const client = maintenanceClient(db)
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** Migrates a fresh template database; resolves to its name and a way to drop it. */
async function migrateTestTemplate(db) {
  await onServer(db, `DROP DATABASE IF EXISTS "${TEMPLATE}"`)
  await onServer(db, `CREATE DATABASE "${TEMPLATE}"`)
  const url = new URL(db.url)
  url.pathname = `/${TEMPLATE}`
  // The same configuration the test files boot with (NODE_ENV=test), and no
  // migration scripts: the test runner runs none either.
  await migrate(
    medusaEnv({ ...databaseEnv(db), DATABASE_URL: url.toString() }, { NODE_ENV: "test", LOG_LEVEL: "error" }),
    undefined,
    ["--skip-scripts"]
  )
  return {
    name: TEMPLATE,
    drop: () => onServer(db, `DROP DATABASE IF EXISTS "${TEMPLATE}"`),
  }
}

module.exports = { migrateTestTemplate }
