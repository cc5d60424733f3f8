const { spawn } = require("child_process")

/**
 * Runs a command with inherited stdio and resolves with its exit code.
 * Asynchronous on purpose: an embedded PostgreSQL started by this process
 * writes its logs into pipes that only an unblocked event loop drains — with
 * spawnSync they fill up and every database backend stalls.
 */
function runCommand(command, args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: "inherit" })
    child.on("error", reject)
    child.on("close", (code, signal) => resolve(signal ? 1 : code))
  })
}

module.exports = { runCommand }
