import fs from "fs"
import path from "path"
import { DEFAULT_WORK_DIR, exec, withoutNpmScriptEnv } from "./stores"

jest.setTimeout(20 * 60 * 1000)

const root = path.resolve(__dirname, "..", "..")

/**
 * The git path: npm clones the repository, installs its dev dependencies and
 * runs `prepare`, which must build the plugin. It downloads and builds
 * everything again (several minutes), so jest runs this file only when
 * asked: INSTALL_FROM_GIT=true. It installs the committed HEAD of this checkout.
 */
describe("the plugin installed from a git URL", () => {
  it("is built by its prepare script", async () => {
    const dir = path.join(DEFAULT_WORK_DIR, "from-git")
    fs.rmSync(dir, { recursive: true, force: true })
    fs.mkdirSync(dir, { recursive: true })
    const clone = path.join(dir, "repository")
    await exec("git", ["clone", "--quiet", "--no-hardlinks", root, clone], { cwd: dir, title: "git clone" })
    const consumer = path.join(dir, "consumer")
    fs.mkdirSync(consumer)
    fs.writeFileSync(path.join(consumer, "package.json"), '{ "name": "git-consumer", "private": true }\n')
    // Peers are the store's business; here only the package npm builds matters.
    await exec(
      "npm",
      ["install", "--prefer-offline", "--no-audit", "--no-fund", "--omit=peer", `git+file://${clone}`],
      { cwd: consumer, env: withoutNpmScriptEnv(), title: "npm install from git" }
    )
    const installed = path.join(consumer, "node_modules", "medusa-plugin-affiliates")
    for (const file of [
      ".medusa/server/src/workflows/index.js",
      ".medusa/server/src/workflows/index.d.ts",
      ".medusa/server/src/modules/affiliate/index.js",
      ".medusa/server/src/admin/index.mjs",
      "LICENSE",
    ]) {
      expect(fs.existsSync(path.join(installed, file))).toBe(true)
    }
    expect(fs.existsSync(path.join(installed, "src"))).toBe(false)
    fs.rmSync(dir, { recursive: true, force: true })
  }, 20 * 60 * 1000)
})
