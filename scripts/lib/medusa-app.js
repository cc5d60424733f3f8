// Runs the Medusa CLI against a database: migrations, admin user, scripts,
// and a server that can be stopped with everything it spawned.
const { spawn } = require("child_process")
const fs = require("fs")
const path = require("path")

const root = path.resolve(__dirname, "..", "..")
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")
// Another Medusa app (the install tests' throw-away stores) runs its own CLI.
const binOf = (appDir) => path.join(appDir, "node_modules", ".bin", "medusa")

class MedusaError extends Error {}

/** Environment for the Medusa CLI: the database, quiet logs, no telemetry. */
function medusaEnv(databaseEnv, extra = {}) {
  return {
    ...process.env,
    ...databaseEnv,
    MEDUSA_DISABLE_TELEMETRY: "true",
    ...extra,
  }
}

/** Runs `medusa <args>` to completion; rejects with the tail of its output. */
function runMedusa(args, env, title = `medusa ${args[0]}`, appDir = root) {
  return new Promise((resolve, reject) => {
    const child = spawn(binOf(appDir), args, { cwd: appDir, env })
    let output = ""
    const collect = (chunk) => {
      output = (output + chunk.toString()).slice(-8000)
    }
    child.stdout.on("data", collect)
    child.stderr.on("data", collect)
    child.on("error", reject)
    child.on("close", (code) => {
      if (code === 0) {
        resolve(output)
      } else {
        reject(new MedusaError(`${title} failed (exit code ${code}):\n${output}`))
      }
    })
  })
}

const migrate = (env, appDir, flags = []) =>
  runMedusa(["db:migrate", ...flags], env, "Database migrations", appDir)

const createAdminUser = (env, email, password, appDir) =>
  runMedusa(["user", "-e", email, "-p", password], env, "Creating the admin user", appDir)

const runScript = (env, file) => runMedusa(["exec", file], env, `Script ${file}`)

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function isHealthy(url) {
  try {
    const response = await fetch(`${url}/health`)
    return response.ok
  } catch {
    return false
  }
}

/**
 * Starts `medusa start` in its own process group and resolves once /health
 * answers; the log is watched for a failed boot too. `stop()` ends the group.
 * NODE_ENV=development serves the admin through Vite, so no admin build is
 * needed, and unlike `medusa develop` no file watcher restarts the server
 * when logs or screenshots are written.
 */
async function startMedusa({ env, port, logFile, timeoutMs = 240_000, appDir = root }) {
  const url = `http://localhost:${port}`
  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  const log = fs.createWriteStream(logFile)
  const child = spawn(binOf(appDir), ["start"], {
    cwd: appDir,
    env: { ...env, NODE_ENV: "development", PORT: String(port) },
    detached: true,
  })

  let bootError = null
  let exited = false
  const watch = (chunk) => {
    log.write(chunk)
    const text = chunk.toString()
    if (!bootError && /Error starting server/i.test(text)) {
      bootError = text.trim()
    }
  }
  child.stdout.on("data", watch)
  child.stderr.on("data", watch)
  const exit = new Promise((resolve) => {
    child.on("exit", () => {
      exited = true
      log.end()
      resolve()
    })
  })

  const stop = async () => {
    if (exited) {
      return
    }
    const signalGroup = (signal) => {
      try {
        process.kill(-child.pid, signal)
      } catch {
        // The group is already gone.
      }
    }
    signalGroup("SIGTERM")
    const killed = await Promise.race([exit.then(() => true), sleep(10_000).then(() => false)])
    if (!killed) {
      signalGroup("SIGKILL")
      await exit
    }
    // Children that outlived the leader (the type generator) share its group.
    signalGroup("SIGKILL")
  }

  const deadline = Date.now() + timeoutMs
  while (!(await isHealthy(url))) {
    if (bootError || exited || Date.now() > deadline) {
      await stop()
      const reason = bootError
        ? `it reported: ${bootError.split("\n").slice(0, 5).join("\n")}`
        : exited
          ? "it exited"
          : `/health did not answer within ${timeoutMs / 1000} s`
      throw new MedusaError(`Medusa did not start (${reason}). Full log: ${logFile}`)
    }
    await sleep(500)
  }
  // `exited` resolves when the server process ends, on stop() or on a crash.
  return { url, stop, exited: exit }
}

module.exports = {
  MedusaError,
  medusaBin,
  isHealthy,
  medusaEnv,
  migrate,
  createAdminUser,
  runScript,
  startMedusa,
}
