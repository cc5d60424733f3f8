#!/usr/bin/env node
// Runs some test files on a throw-away embedded PostgreSQL (or DATABASE_URL):
//   npm run test:files -- integration-tests/http/ledger-and-payouts.spec.ts [-t "name"]
// The suite (module, HTTP, production, browser) is read from the first path;
// extra arguments go to jest unchanged.
const path = require("path")
const { startDatabase, findFreePort, databaseEnv } = require("./lib/database")
const { runCommand } = require("./lib/run-command")
const { migrateTestTemplate } = require("./lib/test-template")

const root = path.resolve(__dirname, "..")

const SUITES = [
  ["src/modules/", "modules"],
  ["integration-tests/docs/", "modules"],
  ["integration-tests/http/", "http"],
  ["integration-tests/production/", "production"],
  ["integration-tests/browser/", "browser"],
  ["integration-tests/install/", "install"],
]

/** A command-line mistake: said, and the run ends. */
function usage(message) {
  process.stderr.write(`${message}\n`)
  process.exit(2)
}

function suiteOf(file) {
  const relative = path.relative(root, path.resolve(file))
  const found = SUITES.find(([prefix]) => relative.startsWith(prefix))
  if (!found) {
    usage(`${file} is in no test suite (${SUITES.map(([p]) => p).join(", ")})`)
  }
  return found[1]
}

async function main() {
  const args = process.argv.slice(2)
  const files = args.filter((arg) => /\.spec\.[jt]sx?$/.test(arg))
  if (!files.length) {
    usage("Name at least one *.spec.ts file")
  }
  const testType = suiteOf(files[0])
  // The production and browser suites start their own database and app.
  const ownDatabase = testType === "production" || testType === "browser"
  const port = process.env.DATABASE_URL || ownDatabase ? undefined : await findFreePort()
  const db = ownDatabase
    ? { stop: async () => undefined }
    : await startDatabase({
        dataDir: path.join(root, ".data", `test-db-${port}`),
        port,
        persistent: false,
      })
  const env = { ...process.env, ...(ownDatabase ? {} : databaseEnv(db)) }
  if (!ownDatabase) {
    delete env.DATABASE_URL
  }
  if (testType !== "production") {
    delete env.REDIS_URL
  }
  let code = 1
  try {
    // HTTP files clone one database migrated once (integration-tests/helpers/test-runner.ts).
    if (testType === "http") {
      env.TEST_TEMPLATE_DB = (await migrateTestTemplate(db)).name
    }
    code = await runCommand(
      path.join(root, "node_modules", ".bin", "jest"),
      ["--runInBand", "--forceExit", ...args],
      {
        cwd: root,
        env: {
          ...env,
          TEST_TYPE: testType,
          LOG_LEVEL: env.LOG_LEVEL || "error",
          NODE_OPTIONS: `${env.NODE_OPTIONS || ""} --experimental-vm-modules`.trim(),
        },
      }
    )
  } finally {
    await db.stop()
  }
  process.exit(code)
}

main().catch((error) => {
  process.stderr.write(`\n${error && error.message ? error.message : error}\n`)
  process.exit(1)
})
