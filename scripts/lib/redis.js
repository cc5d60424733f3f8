// Starts and stops a throw-away Redis from Debian's `redis-server`, or uses
// REDIS_URL when it is set. Errors say what to do.
const { spawn, execFileSync } = require("child_process")
const fs = require("fs")
const net = require("net")
const path = require("path")

class RedisError extends Error {}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Where a command is on PATH (`redis-server`, `redis-cli`), or undefined. */
function commandPath(name) {
  try {
    return execFileSync("sh", ["-c", 'command -v "$0"', name], { encoding: "utf8" }).trim() || undefined
  } catch {
    return undefined
  }
}

/** Resolves true once something accepts TCP connections on the port. */
function accepts(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" })
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
  })
}

/**
 * Starts `redis-server` on 127.0.0.1:port with nothing persisted (as a crash
 * without AOF would leave it), in its own process group, its output in
 * logFile. Resolves once it accepts connections.
 */
async function startRedis({ port, logFile, timeoutMs = 10_000 }) {
  const binary = commandPath("redis-server")
  if (!binary) {
    throw new RedisError(
      "redis-server was not found: install Debian's `redis-server` (apt-get install redis-server) " +
        "or set REDIS_URL to a Redis of your own."
    )
  }
  if (await accepts(port)) {
    throw new RedisError(
      `Port ${port} on 127.0.0.1 is already in use, so redis-server cannot start there. ` +
        "Stop whatever listens on it (an earlier run still going? `ps aux | grep redis`)."
    )
  }
  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  const log = fs.openSync(logFile, "a")
  const child = spawn(
    binary,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"],
    { detached: true, stdio: ["ignore", log, log] }
  )
  fs.closeSync(log)
  child.unref()

  const deadline = Date.now() + timeoutMs
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      signalProcessGroup(child.pid, "SIGKILL")
      throw new RedisError(`redis-server did not start on port ${port}. Its log: ${logFile}`)
    }
    await sleep(50)
  }
  return { url: `redis://127.0.0.1:${port}`, port, pid: child.pid }
}

/** Signals a process group started with `detached: true`; false when it is gone. */
function signalProcessGroup(pid, signal = "SIGTERM") {
  try {
    process.kill(-pid, signal)
    return true
  } catch {
    return false
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Stops a Redis started by startRedis and waits until its port is free. */
async function stopRedis({ pid, port }, timeoutMs = 10_000) {
  signalProcessGroup(pid, "SIGTERM")
  const deadline = Date.now() + timeoutMs
  while (isAlive(pid) || (await accepts(port))) {
    if (Date.now() > deadline) {
      signalProcessGroup(pid, "SIGKILL")
      throw new RedisError(`redis-server (pid ${pid}) did not stop within ${timeoutMs / 1000} s.`)
    }
    await sleep(50)
  }
}

module.exports = { commandPath, startRedis, stopRedis, signalProcessGroup, isAlive, RedisError }
