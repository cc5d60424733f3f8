const { spawn } = require("child_process")

/**
 * Runs a command and resolves with its exit code. Its output goes straight to
 * ours, or, with `buffered`, is kept and written in one block when it ends
 * (commands that run side by side would otherwise interleave their lines).
 * Asynchronous on purpose: an embedded PostgreSQL started by this process
 * writes its logs into pipes that only an unblocked event loop drains — with
 * spawnSync they fill up and every database backend stalls.
 */
function runCommand(command, args, { cwd, env, buffered = false, title = "" }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: buffered ? "pipe" : "inherit" })
    const chunks = []
    if (buffered) {
      child.stdout.on("data", (chunk) => chunks.push(chunk))
      child.stderr.on("data", (chunk) => chunks.push(chunk))
    }
    child.on("error", reject)
    child.on("close", (code, signal) => {
      if (buffered) {
        process.stdout.write(`\n▶ ${title}\n${Buffer.concat(chunks).toString("utf8")}`)
      }
      resolve(signal ? 1 : code)
    })
  })
}

module.exports = { runCommand }
