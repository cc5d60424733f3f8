import path from "path"
import { defineConfig, loadEnv, MedusaError } from "@medusajs/framework/utils"
import type { AffiliateModuleOptions } from "./src/modules/affiliate"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The repository root is also a Medusa app, used by the demo and the tests.
 * It registers the plugin's module from `src/` directly; a store installs the
 * package under `plugins` instead (see the README).
 */
const affiliateOptions: AffiliateModuleOptions = {
  defaultCommissionRate: Number(process.env.AFFILIATE_DEFAULT_RATE ?? 10),
  storefrontUrl: process.env.STOREFRONT_URL || undefined,
  // The production tests kill a worker mid-run and wait for the lease to run out.
  accountSyncLeaseSeconds: Number(process.env.AFFILIATE_SYNC_LEASE_SECONDS) || undefined,
  // The default templates, the sign-up notice to every admin user unless
  // AFFILIATE_OWNER_EMAIL is set; AFFILIATE_NOTIFICATIONS=off turns every one
  // off (the tests of a store that sends none).
  notifications:
    process.env.AFFILIATE_NOTIFICATIONS === "off"
      ? {
          affiliateApproved: false,
          commissionEarned: false,
          commissionPaid: false,
          payoutPaid: false,
          accountInvite: false,
          affiliateSignedUp: false,
          loginInvite: false,
          passwordReset: false,
        }
      : { storeOwnerEmail: process.env.AFFILIATE_OWNER_EMAIL || undefined },
  // The HTTP tests pay through a provider that makes no network call.
  payoutProviders:
    process.env.NODE_ENV === "test"
      ? [{ resolve: path.join(__dirname, "integration-tests/fixtures/payout-provider"), id: "test" }]
      : [],
}

/**
 * Medusa's local provider prints each notification to the log instead of
 * sending it: the demo shows the plugin's emails there, the tests read them
 * from the Notification Module. "feed" is the admin's notification feed,
 * which Medusa's default declaration gives this provider.
 * AFFILIATE_EMAIL_PROVIDER=none keeps Medusa's default, a store without
 * email (a test).
 */
const emailModules =
  process.env.AFFILIATE_EMAIL_PROVIDER === "none"
    ? []
    : [
        {
          resolve: "@medusajs/medusa/notification",
          options: {
            providers: [
              {
                resolve: "@medusajs/medusa/notification-local",
                id: "local",
                options: { name: "Local notifications", channels: ["email", "feed"] },
              },
            ],
          },
        },
      ]

const WORKER_MODES = ["shared", "server", "worker"] as const
type WorkerMode = (typeof WORKER_MODES)[number]

// Medusa silently ignores an unknown MEDUSA_WORKER_MODE: a typo would make a
// process that runs no subscribers and no jobs.
function workerModeFromEnv(value = "shared"): WorkerMode {
  const mode = WORKER_MODES.find((known) => known === value)
  if (!mode) {
    throw new MedusaError(
      MedusaError.Types.INVALID_ARGUMENT,
      `MEDUSA_WORKER_MODE is "${value}": use one of ${WORKER_MODES.join(", ")}`
    )
  }
  return mode
}

const workerMode = workerModeFromEnv(process.env.MEDUSA_WORKER_MODE)
const redisUrl = process.env.REDIS_URL

/**
 * Production: events, workflows, locks and the cache in Redis, shared by the
 * server and worker processes. Without REDIS_URL (the demo, the tests) Medusa
 * keeps them in memory.
 */
const redisModules = redisUrl
  ? [
      {
        resolve: "@medusajs/medusa/event-bus-redis",
        options: { redisUrl },
      },
      {
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl } },
      },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
      {
        resolve: "@medusajs/medusa/caching",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/caching-redis",
              id: "caching-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
    ]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    workerMode,
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
    // Workers serve no HTTP but /health.
    disable:
      process.env.MEDUSA_ADMIN_DISABLED === "true" || workerMode === "worker",
  },
  modules: [
    {
      resolve: "./src/modules/affiliate",
      options: affiliateOptions,
    },
    ...emailModules,
    ...redisModules,
  ],
})
