import { Client } from "pg"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"

type RunnerOptions = Parameters<typeof medusaIntegrationTestRunner>[0]

/**
 * Medusa's integration test runner on a copy of a database migrated once per
 * run. The test command migrates `TEST_TEMPLATE_DB` before the suite; each
 * file's database is cloned from it (a file copy in PostgreSQL, well under a
 * second) instead of running every migration again. Without the variable (a
 * plain `jest` call) the runner migrates as usual.
 */
export function httpTestRunner(options: RunnerOptions) {
  const template = process.env.TEST_TEMPLATE_DB
  const dbName = `affiliate-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`
  return medusaIntegrationTestRunner({
    ...options,
    dbName,
    hooks: {
      ...options.hooks,
      beforeServerStart: async (container) => {
        if (template) {
          await cloneDatabase(template, dbName)
        }
        await options.hooks?.beforeServerStart?.(container)
      },
    },
  })
}

async function cloneDatabase(template: string, name: string) {
  const client = new Client({
    host: process.env.DB_HOST,
    port: Number(process.env.DB_PORT),
    user: process.env.DB_USERNAME,
    password: process.env.DB_PASSWORD,
    database: "postgres",
  })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`)
  } finally {
    await client.end()
  }
}
