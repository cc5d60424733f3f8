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

/** Runs a statement on the server's maintenance database (creating or dropping a database). */
async function onServer(statement: string) {
  const client = new Client({
    host: process.env.DB_HOST,
    port: Number(process.env.DB_PORT),
    user: process.env.DB_USERNAME,
    password: process.env.DB_PASSWORD,
    database: "postgres",
  })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

const cloneDatabase = (template: string, name: string) =>
  onServer(`CREATE DATABASE "${name}" TEMPLATE "${template}"`)

type HttpSuiteOptions = Pick<RunnerOptions, "testSuite">

/** One subject's tests: what a test file passed to httpTestRunner, run by httpTestSuites. */
export const httpSuite = (options: HttpSuiteOptions) => options

/**
 * Several subjects' suites in one test file, on one app: booting an app and
 * loading Medusa into a file's module registry cost 10 to 20 s a file. Each
 * suite starts from the database as the app booted, seeds it in its own
 * beforeAll hooks, and every one of its tests starts from that seed (the
 * runner's template is replaced by it), as if the suite had the file to
 * itself. Suites that boot the app differently (environment variables) keep
 * a file of their own.
 */
export function httpTestSuites(suites: Record<string, HttpSuiteOptions>) {
  return httpTestRunner({
    testSuite: (options) => {
      const booted = `${options.dbConfig.dbName}-booted`
      let bootedSaved = false
      for (const [name, suite] of Object.entries(suites)) {
        describe(name, () => {
          beforeAll(async () => {
            if (bootedSaved) {
              await options.dbUtils.restore({ templateName: booted })
            } else {
              await options.dbUtils.snapshot({ templateName: booted })
              bootedSaved = true
            }
          })
          suite.testSuite(options)
          // After the suite's own beforeAll hooks: its seed is what each test starts from.
          beforeAll(() => options.dbUtils.snapshot())
        })
      }
      // After the runner's own cleanup, which closes its maintenance connection.
      afterAll(() => onServer(`DROP DATABASE IF EXISTS "${booted}"`))
    },
  })
}
