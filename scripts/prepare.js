#!/usr/bin/env node
// npm's `prepare` script. When npm installs the package from a git URL it is
// the only chance to build: the compiled plugin (.medusa/server) is not in
// git. npm clones the repository, runs `npm install` in the clone (dev
// dependencies included; `prepare` runs at its end, with npm's
// _PACOTE_NO_PREPARE_ set), then runs `prepare` once more from the store
// (INIT_CWD is the store) before packing the clone.
//
// It builds only when there is no build yet, so the second run costs nothing,
// and not on a developer's own `npm install` in this repository (npm started
// here, not preparing a git dependency): `npm test` and `npm run build`
// build, and `prepack` (npm pack, npm publish) always rebuilds.
const fs = require("fs")
const path = require("path")
const { runCommand } = require("./lib/run-command")

const root = path.resolve(__dirname, "..")
const built = path.join(root, ".medusa", "server", "src", "workflows", "index.js")

async function main() {
  const developersInstall =
    !process.env._PACOTE_NO_PREPARE_ && path.resolve(process.env.INIT_CWD || "/") === root
  if (fs.existsSync(built) || developersInstall) {
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
