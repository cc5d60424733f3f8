import axios, { type AxiosInstance } from "axios"
import fs from "fs"
import path from "path"
import type { AdminHeaders } from "../helpers/admin"
import { checkout, setUpStore } from "../helpers/store"
import {
  bootStore,
  exec,
  prepareStores,
  readInstallState,
  STORE_VERSIONS,
  type BootedStore,
  type InstallState,
} from "./stores"

// Run on its own, the suite installs the stores itself (minutes); under
// `npm test` they were installed while the other suites ran.
jest.setTimeout(10 * 60 * 1000)

const root = path.resolve(__dirname, "..", "..")
const artifacts = path.join(root, "artifacts")
const pluginVersion: string = JSON.parse(
  fs.readFileSync(path.join(root, "package.json"), "utf8")
).version

type RunningStore = BootedStore & { api: AxiosInstance; adminHeaders: AdminHeaders }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe("the plugin's npm tarball installed into a throw-away Medusa store", () => {
  let state: InstallState
  const running = new Map<string, RunningStore>()
  const errors = new Map<string, string>()

  const boot = async (version: string) => {
    const store = state.stores.find((s) => s.version === version)
    if (!store || store.error) {
      throw new Error(`npm install of the Medusa ${version} store failed: ${store?.error ?? state.error}`)
    }
    const booted = await bootStore(store, path.join(artifacts, `install-${version}.log`))
    const api = axios.create({ baseURL: booted.url })
    const { token } = (await api.post("/auth/user/emailpass", booted.admin)).data
    running.set(version, {
      ...booted,
      api,
      adminHeaders: { headers: { authorization: `Bearer ${token}` } },
    })
  }

  beforeAll(async () => {
    state = readInstallState() ?? (await prepareStores())
    // The stores boot side by side: migrations mostly wait on PostgreSQL.
    await Promise.all(
      STORE_VERSIONS.map((version) =>
        boot(version).catch((error: Error) => {
          errors.set(version, error.message)
        })
      )
    )
  })

  afterAll(async () => {
    await Promise.all([...running.values()].map((store) => store.stop()))
  })

  describe.each(STORE_VERSIONS)("on Medusa %s", (version) => {
    const storeDir = () => state.stores.find((s) => s.version === version)?.dir ?? ""
    const installed = (name: string): string =>
      JSON.parse(
        fs.readFileSync(path.join(storeDir(), "node_modules", name, "package.json"), "utf8")
      ).version

    const runningStore = () => {
      const store = running.get(version)
      if (!store) {
        throw new Error(`The Medusa ${version} store did not boot: ${errors.get(version)}`)
      }
      return store
    }

    it("installs with the plugin's peer dependencies satisfied", async () => {
      runningStore()
      expect(installed("@medusajs/medusa")).toBe(version)
      expect(installed("@medusajs/framework")).toBe(version)
      expect(installed("medusa-plugin-affiliates")).toBe(pluginVersion)
      // Exits non-zero on a missing or invalid peer.
      await exec("npm", ["ls", "medusa-plugin-affiliates"], { cwd: storeDir(), title: "npm ls" })
      // An optional peer a store does not need in production.
      expect(fs.existsSync(path.join(storeDir(), "node_modules", "@medusajs", "test-utils"))).toBe(
        false
      )
    })

    it("gives a strict TypeScript store types for the exported workflows and the module", async () => {
      runningStore()
      // A store's own code, with Medusa's starter tsconfig made strict.
      const dir = path.join(storeDir(), "typed-consumer")
      fs.mkdirSync(dir, { recursive: true })
      fs.writeFileSync(
        path.join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            target: "ES2021",
            module: "Node16",
            moduleResolution: "Node16",
            strict: true,
            noEmit: true,
            skipLibCheck: true,
            esModuleInterop: true,
            types: [],
          },
          files: ["index.ts"],
        })
      )
      fs.writeFileSync(
        path.join(dir, "index.ts"),
        [
          'import { createAffiliatesWorkflow, creditOrderWorkflow } from "medusa-plugin-affiliates/workflows"',
          'import { AFFILIATE_MODULE, type AffiliateModuleOptions } from "medusa-plugin-affiliates/modules/affiliate"',
          "",
          "export const options: AffiliateModuleOptions = { defaultCommissionRate: 12 }",
          "export const names: string[] = [createAffiliatesWorkflow.getName(), creditOrderWorkflow.getName(), AFFILIATE_MODULE]",
          "",
        ].join("\n")
      )
      // Fails with TS7016 when the package ships no declarations.
      await exec(path.join(root, "node_modules", ".bin", "tsc"), ["-p", dir], {
        cwd: dir,
        title: "tsc on a strict TypeScript consumer",
      })
    })

    it("migrates the plugin's tables, boots and credits an order placed with a referral code", async () => {
      const { api, adminHeaders } = runningStore()
      const shop = await setUpStore(api, adminHeaders)
      const { affiliate } = (
        await api.post(
          "/admin/affiliates",
          { name: "Jane", email: "jane@aff.test", code: "JANE", status: "approved" },
          adminHeaders
        )
      ).data
      const order = await checkout(api, shop, {
        email: "buyer@example.com",
        items: [{ variant_id: shop.variants.shirt, quantity: 1 }],
        referralCode: "jane",
      })

      // The order.placed subscriber credits in the background.
      let commissions: unknown[] = []
      for (let attempt = 0; attempt < 60 && !commissions.length; attempt++) {
        await sleep(500)
        commissions = (
          await api.get(`/admin/affiliate-commissions?order_id=${order.id}`, adminHeaders)
        ).data.affiliate_commissions
      }
      // The store's option defaultCommissionRate 12 % of the 19.99 shirt, rounded to cents.
      expect(commissions).toEqual([
        expect.objectContaining({
          affiliate_id: affiliate.id,
          order_id: order.id,
          status: "pending",
          amount: 2.4,
        }),
      ])
    })
  })
})
