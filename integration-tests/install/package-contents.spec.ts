import fs from "fs"
import path from "path"
import { exec } from "./stores"

const root = path.resolve(__dirname, "..", "..")

type PackedFile = { path: string; size: number }

/**
 * What the package may ship: the compiled plugin (server code, its
 * declarations, the admin extensions) and the three top-level files npm
 * always adds or the README promises. Nothing of the repository's own app:
 * no benchmarks, demo or seed scripts, specs, medusa-config or source maps.
 */
const WHITELIST = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^\.medusa\/server\/src\/(api|jobs|links|modules|subscribers|workflows)\/.+\.(js|d\.ts)$/,
  /^\.medusa\/server\/src\/admin\/index\.(js|mjs)$/,
]
const FORBIDDEN = [/__tests__/, /\.spec\./, /\/scripts\//, /^\.medusa\/server\/(bench|medusa-config)/, /\.map$/]

describe("npm pack", () => {
  let files: PackedFile[]
  let unpackedSize: number

  beforeAll(async () => {
    if (!fs.existsSync(path.join(root, ".medusa", "server", "src"))) {
      throw new Error("The plugin is not built: run `npx medusa plugin:build` (npm test does) first.")
    }
    // --ignore-scripts: `prepack` would rebuild what npm test has just built.
    const output = await exec("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: root,
      title: "npm pack --dry-run",
    })
    const [packed] = JSON.parse(output)
    files = packed.files
    unpackedSize = packed.unpackedSize
  }, 60 * 1000)

  it("ships only whitelisted files", () => {
    const outside = files.map((f) => f.path).filter((p) => !WHITELIST.some((re) => re.test(p)))
    expect(outside).toEqual([])
    const forbidden = files.map((f) => f.path).filter((p) => FORBIDDEN.some((re) => re.test(p)))
    expect(forbidden).toEqual([])
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(["LICENSE", "README.md"]))
  })

  it("ships every file the exports map points at, with declarations for the entry points", () => {
    const { exports: map } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))
    const packed = new Set(files.map((f) => f.path))
    const targets: string[] = []
    const collect = (target: unknown) => {
      if (typeof target === "string") {
        targets.push(target.replace(/^\.\//, ""))
      } else if (target && typeof target === "object") {
        Object.values(target).forEach(collect)
      }
    }
    Object.values(map).forEach(collect)
    // A wildcard target must match at least the plugin's one module.
    const missing = targets
      .map((target) => target.replace("*", "affiliate"))
      .filter((target) => !packed.has(target))
    expect(missing).toEqual([])
    expect(targets).toEqual(
      expect.arrayContaining([
        ".medusa/server/src/workflows/index.d.ts",
        ".medusa/server/src/modules/*/index.d.ts",
      ])
    )
    // No catch-all export that would reach files outside the public entry points.
    expect(Object.keys(map).filter((key) => key === "./*")).toEqual([])
  })

  it("has no inline source maps and stays small", () => {
    const inline = files
      .filter((f) => /\.(js|mjs)$/.test(f.path))
      .filter((f) => fs.readFileSync(path.join(root, f.path), "utf8").includes("sourceMappingURL=data:"))
      .map((f) => f.path)
    expect(inline).toEqual([])
    // 911 kB with benchmarks, scripts and inline maps before; about 1.1 MB with payouts and
    // notifications; 1.8 MB with programs (the admin bundle twice, 490 kB, and declarations, 710 kB,
    // the service's generated types alone 207 kB). A bound, so a stray file shows.
    expect(unpackedSize).toBeLessThan(2 * 1024 * 1024)
  })
})
