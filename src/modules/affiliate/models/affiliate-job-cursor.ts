import { model } from "@medusajs/framework/utils"

/**
 * Where a scheduled job's scan stopped, by `(created_at, id)` of the last row
 * it settled, so the next run reads only what came after: the order
 * reconciliation costs the number of new orders, not the size of a window.
 */
const AffiliateJobCursor = model
  .define("affiliate_job_cursor", {
    id: model.id({ prefix: "affjob" }).primaryKey(),
    job: model.text(),
    position_created_at: model.dateTime(),
    position_id: model.text(),
    /**
     * The draft orders open at the last run: the scan skips drafts and passes
     * their (old) ids, so the next run credits those converted since.
     */
    open_draft_order_ids: model.array().nullable(),
  })
  .indexes([{ on: ["job"], unique: true, where: "deleted_at IS NULL" }])

export default AffiliateJobCursor
