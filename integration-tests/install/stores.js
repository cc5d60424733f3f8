// Throw-away Medusa stores that install the plugin the way a merchant does:
// a minimal app on one Medusa version, the plugin's `npm pack` tarball under
// `plugins` in its medusa-config, and a plain `npm install`.
//
// scripts/test.js prepares them (packing and installing take minutes, mostly
// waiting on npm) while the other suites run, and records them in a state file
// (INSTALL_STORES) that the install suite reads.
const fs = require("fs")
const os = require("os")
const path = require("path")
const { spawn } = require("child_process")
const { findFreePort } = require("../../scripts/lib/database")
const { medusaEnv, migrate, createAdminUser, startMedusa } = require("../../scripts/lib/medusa-app")

const root = path.resolve(__dirname, "..", "..")
const pkg = require(path.join(root, "package.json"))

/** The Medusa the repository develops against (its devDependency). */
const CURRENT_VERSION = pkg.devDependencies["@medusajs/medusa"]
/**
 * The oldest Medusa the plugin supports: the lower bound of its peer ranges.
 * The install suite proves it on this version and on the current one.
 */
const OLDEST_VERSION = pkg.peerDependencies["@medusajs/medusa"].match(/^>=(\S+)/)[1]
const STORE_VERSIONS = [OLDEST_VERSION, CURRENT_VERSION]
const DEFAULT_WORK_DIR = path.join(os.tmpdir(), "medusa-affiliates-install")
const ADMIN = { email: "admin@example.com", password: "supersecret" }

class InstallError extends Error {}

/** Runs a command, resolves with its output; rejects with the output's tail. */
function exec(command, args, { cwd, env = process.env, title }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env })
    let output = ""
    const collect = (chunk) => {
      output += chunk.toString()
    }
    child.stdout.on("data", collect)
    child.stderr.on("data", collect)
    child.on("error", reject)
    child.on("close", (code) => {
      if (code === 0) {
        resolve(output)
      } else {
        reject(new InstallError(`${title} failed (exit code ${code}):\n${output.slice(-6000)}`))
      }
    })
  })
}

/**
 * `npm pack` of the built plugin into `dir`; returns the tarball's path.
 * The caller has run `medusa plugin:build` (what `prepack` runs), so scripts
 * are skipped here rather than building twice.
 */
async function packPlugin(dir) {
  fs.mkdirSync(dir, { recursive: true })
  const output = await exec(
    "npm",
    ["pack", "--json", "--ignore-scripts", "--pack-destination", dir],
    { cwd: root, title: "npm pack" }
  )
  const [{ filename }] = JSON.parse(output)
  return path.join(dir, filename)
}

/** A store's medusa-config: the plugin with an option, no admin (no Vite build needed). */
const storeConfig = `const { defineConfig } = require("@medusajs/framework/utils")

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: "http://localhost:8000",
      adminCors: "http://localhost:9000",
      authCors: "http://localhost:8000,http://localhost:9000",
      jwtSecret: "install-test",
      cookieSecret: "install-test",
    },
  },
  admin: { disable: true },
  plugins: [
    {
      resolve: "medusa-plugin-affiliates",
      options: { defaultCommissionRate: 12 },
    },
  ],
})
`

/**
 * Makes a store on `version` in `dir` (emptied first) and installs it: the
 * dependencies Medusa's starter lists, plus the plugin's tarball. npm
 * resolves the plugin's peers against them as it would in a merchant's store.
 */
async function prepareStore({ version, tarball, dir }) {
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  const storeTarball = path.join(dir, path.basename(tarball))
  fs.copyFileSync(tarball, storeTarball)
  const manifest = {
    name: `affiliates-install-test-${version.replace(/\./g, "-")}`,
    private: true,
    dependencies: {
      "@medusajs/admin-sdk": version,
      "@medusajs/cli": version,
      "@medusajs/framework": version,
      "@medusajs/medusa": version,
      "medusa-plugin-affiliates": `file:./${path.basename(tarball)}`,
    },
  }
  fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`)
  fs.writeFileSync(path.join(dir, "medusa-config.js"), storeConfig)
  const started = Date.now()
  await exec(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"],
    { cwd: dir, title: `npm install of the Medusa ${version} store`, env: withoutNpmScriptEnv() }
  )
  return { version, dir, installSeconds: Math.round((Date.now() - started) / 1000) }
}

/**
 * The environment without what `npm test` exported to its own scripts
 * (npm_config_*, npm_package_*): they would make the store's npm act on
 * the plugin's package instead.
 */
function withoutNpmScriptEnv() {
  const env = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key)) {
      env[key] = value
    }
  }
  return env
}

/**
 * Packs the plugin and prepares one store per supported version side by side.
 * Resolves with the state the install suite needs; never rejects: a failure
 * is recorded and reported by the suite.
 */
async function prepareStores({ workDir = DEFAULT_WORK_DIR } = {}) {
  const started = Date.now()
  const seconds = () => Math.round((Date.now() - started) / 1000)
  try {
    const tarball = await packPlugin(workDir)
    const stores = await Promise.all(
      STORE_VERSIONS.map((version) =>
        prepareStore({ version, tarball, dir: path.join(workDir, `store-${version}`) }).catch(
          (error) => ({ version, error: error.message })
        )
      )
    )
    return { tarball, stores, seconds: seconds() }
  } catch (error) {
    return { error: error.message, stores: [], seconds: seconds() }
  }
}

/** Writes prepareStores()'s result where the install suite finds it (INSTALL_STORES). */
function writeInstallState(file, state) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify(state, null, 2))
}

/**
 * The stores scripts/test.js prepared, or, when the suite runs on its own
 * (no INSTALL_STORES), undefined: the suite then prepares them itself.
 */
function readInstallState() {
  const file = process.env.INSTALL_STORES
  return file && fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : undefined
}

/** A fresh database `name` next to the one DB_HOST/DB_PORT/… point at; returns its URL. */
async function freshDatabase(name) {
  const { Client } = require("pg")
  const { DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD } = process.env
  const server = `postgres://${DB_USERNAME}:${DB_PASSWORD}@${DB_HOST}:${DB_PORT}`
  const client = new Client({ connectionString: `${server}/postgres` })
  await client.connect()
  try {
    await client.query(`drop database if exists "${name}"`)
    await client.query(`create database "${name}"`)
  } finally {
    await client.end()
  }
  return `${server}/${name}`
}

/**
 * What a merchant does after installing: `medusa db:migrate` on a fresh
 * database, `medusa user`, `medusa start`. Resolves with the server's URL,
 * the admin login and stop(); the log goes to `logFile`.
 */
async function bootStore({ version, dir }, logFile) {
  const databaseUrl = await freshDatabase(`install_${version.replace(/\./g, "_")}`)
  const env = medusaEnv({ DATABASE_URL: databaseUrl }, { LOG_LEVEL: "error" })
  // Jest's --experimental-vm-modules is not for the store's processes.
  delete env.NODE_OPTIONS
  delete env.TEST_TYPE
  await migrate(env, dir)
  // Both only need the migrated database: side by side saves a boot's time.
  const [server, user] = await Promise.allSettled([
    startMedusa({ env, port: await findFreePort(), logFile, appDir: dir }),
    createAdminUser(env, ADMIN.email, ADMIN.password, dir),
  ])
  if (user.status === "rejected") {
    if (server.status === "fulfilled") {
      await server.value.stop()
    }
    throw user.reason
  }
  if (server.status === "rejected") {
    throw server.reason
  }
  return { url: server.value.url, admin: ADMIN, stop: server.value.stop }
}

module.exports = {
  DEFAULT_WORK_DIR,
  CURRENT_VERSION,
  OLDEST_VERSION,
  STORE_VERSIONS,
  InstallError,
  exec,
  packPlugin,
  prepareStore,
  prepareStores,
  writeInstallState,
  readInstallState,
  bootStore,
  withoutNpmScriptEnv,
}
