import { Client } from "pg"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"

type RunnerOptions = Parameters<typeof medusaIntegrationTestRunner>[0]

/**
 * Medusa's integration test runner on a copy of a database migrated once per
 * run. The test command migrates `TEST_TEMPLATE_DB` before the suite; each
 * file's database is cloned from it (a file copy in PostgreSQL, well under a
 * second) instead of running every migration again. Without the variable (a
 * plain `jest` call) the runner migrates as usual.
 */
export function httpTestRunner(options: RunnerOptions) {
  const template = process.env.TEST_TEMPLATE_DB
  if (template) {
    skipMigrationCheck()
  }
  const dbName = `affiliate-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`
  return medusaIntegrationTestRunner({
    ...options,
    dbName,
    hooks: {
      ...options.hooks,
      beforeServerStart: async (container) => {
        if (template) {
          await cloneDatabase(template, dbName)
        }
        await options.hooks?.beforeServerStart?.(container)
      },
    },
  })
}

/**
 * On a copy of the migrated template the runner's own migration pass only
 * confirms that nothing is pending: 2 to 4 s of every file's boot. The runner
 * looks it up on this module when it calls it, so this file's copy of the
 * module (jest keeps one per test file) skips it. The link sync that follows
 * still runs: the app needs what it loads. If a new test-utils moves the
 * module, nothing is skipped and the file is only slower.
 */
function skipMigrationCheck() {
  try {
    const useDb = require("@medusajs/test-utils/dist/medusa-test-runner-utils/use-db")
    useDb.migrateDatabase = async () => undefined
  } catch {
    // Moved or renamed: migrate as usual.
  }
}

async function cloneDatabase(template: string, name: string) {
  const client = new Client({
    host: process.env.DB_HOST,
    port: Number(process.env.DB_PORT),
    user: process.env.DB_USERNAME,
    password: process.env.DB_PASSWORD,
    database: "postgres",
  })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`)
  } finally {
    await client.end()
  }
}
