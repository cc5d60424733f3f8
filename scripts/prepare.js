#!/usr/bin/env node
// npm's `prepare` script. npm runs it after `npm install` in a checkout and
// when it installs the package from a git URL, where it is the only chance to
// build: the compiled plugin (.medusa/server) is not in git. It builds only
// when there is no build yet, so a second run (npm runs `prepare` twice for a
// git dependency) costs nothing. `prepack` (npm pack, npm publish) always
// rebuilds.
const fs = require("fs")
const path = require("path")
const { runCommand } = require("./lib/run-command")

const root = path.resolve(__dirname, "..")
const built = path.join(root, ".medusa", "server", "src", "workflows", "index.js")

async function main() {
  if (fs.existsSync(built)) {
    return 0
  }
  const medusa = path.join(root, "node_modules", ".bin", "medusa")
  if (!fs.existsSync(medusa)) {
    // Installed with --omit=dev (or --ignore-scripts elsewhere): nothing to build with.
    process.stderr.write(
      "medusa-plugin-affiliates: @medusajs/cli is not installed, so the plugin cannot be built here. " +
        "Install the dev dependencies and run `npm run build`.\n"
    )
    return 1
  }
  process.stdout.write("medusa-plugin-affiliates: building the plugin (medusa plugin:build)\n")
  return runCommand(medusa, ["plugin:build"], { cwd: root, env: process.env })
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error && error.message ? error.message : error}\n`)
    process.exit(1)
  }
)
