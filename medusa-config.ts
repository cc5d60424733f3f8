import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import type { AffiliateModuleOptions } from "./src/modules/affiliate"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The repository root is also a Medusa app, used by the demo and the tests.
 * It registers the plugin's module from `src/` directly; a store installs the
 * package under `plugins` instead (see the README).
 */
const affiliateOptions: AffiliateModuleOptions = {
  defaultCommissionRate: Number(process.env.AFFILIATE_DEFAULT_RATE ?? 10),
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors:
        process.env.AUTH_CORS || "http://localhost:8000,http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true",
  },
  modules: [
    {
      resolve: "./src/modules/affiliate",
      options: affiliateOptions,
    },
  ],
})
