import { model } from "@medusajs/framework/utils"

export const SYNC_RUN_STATUSES = ["running", "completed", "failed"] as const
export type SyncRunStatus = (typeof SYNC_RUN_STATUSES)[number]

export const SYNC_RUN_TRIGGERS = ["resync", "enabled", "tags_changed"] as const
export type SyncRunTrigger = (typeof SYNC_RUN_TRIGGERS)[number]

/**
 * One full account-sync run over every approved affiliate, processed in the
 * background in batches. The partial unique index allows one running run at a
 * time, across processes.
 */
const AffiliateSyncRun = model
  .define("affiliate_sync_run", {
    id: model.id({ prefix: "affsync" }).primaryKey(),
    status: model.enum([...SYNC_RUN_STATUSES]).default("running"),
    trigger: model.enum([...SYNC_RUN_TRIGGERS]),
    // The customer group names applied, as they were when the run started.
    tags: model.array(),
    total: model.number().default(0),
    processed: model.number().default(0),
    created: model.number().default(0),
    linked: model.number().default(0),
    tagged: model.number().default(0),
    // Nothing to do: the account was already right.
    unchanged: model.number().default(0),
    // Not synced, with the reason in `errors` (a blocked affiliate, an email taken without proof).
    skipped: model.number().default(0),
    failed: model.number().default(0),
    // The first failures, by affiliate id: { [affiliate_id]: message }.
    errors: model.json().nullable(),
    // Why the run itself failed, when it did.
    message: model.text().nullable(),
    // Set by the process that works on the run, so a redelivered event does not start a second worker.
    claimed_at: model.dateTime().nullable(),
    // Renewed after every batch: a run whose heartbeat is older than the lease lost its process and is resumed.
    heartbeat_at: model.dateTime().nullable(),
    // The id of the last affiliate done: a resumed run goes on after it.
    cursor: model.text().nullable(),
    completed_at: model.dateTime().nullable(),
  })
  .indexes([
    {
      on: ["status"],
      unique: true,
      where: "status = 'running' AND deleted_at IS NULL",
    },
  ])

export default AffiliateSyncRun
