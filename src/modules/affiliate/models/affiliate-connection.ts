import { model } from "@medusajs/framework/utils"
import Affiliate from "./affiliate"

export const CONNECTION_SOURCES = ["admin", "referral", "import", "api"] as const
export type ConnectionSource = (typeof CONNECTION_SOURCES)[number]

// `expired`: the program's connection lifetime (days or orders) is over.
export const CONNECTION_END_REASONS = ["replaced", "removed", "expired"] as const

/**
 * A customer ↔ affiliate connection: every future order of the customer
 * credits the affiliate. Moving or removing a connection ends it (`ended_at`)
 * rather than editing or deleting it, so the history stays.
 */
const AffiliateConnection = model
  .define("affiliate_connection", {
    id: model.id({ prefix: "affconn" }).primaryKey(),
    affiliate: model.belongsTo(() => Affiliate, { mappedBy: "connections" }),
    // Medusa's customer; a read-only link in src/links makes it traversable.
    customer_id: model.text(),
    // The customer's email, lower-cased, kept current on `customer.updated`:
    // a guest order finds a connected customer with its email by this index.
    customer_email: model.text().nullable(),
    source: model.enum([...CONNECTION_SOURCES]),
    // The admin user (or other actor) who made the connection.
    created_by: model.text().nullable(),
    ended_at: model.dateTime().nullable(),
    ended_reason: model.enum([...CONNECTION_END_REASONS]).nullable(),
    ended_by: model.text().nullable(),
    // Orders credited through this connection, for the `orders` lifetime.
    credited_orders: model.number().default(0),
    metadata: model.json().nullable(),
  })
  .indexes([
    // One affiliate per customer, enforced by the database.
    {
      name: "IDX_affiliate_connection_active_customer_unique",
      on: ["customer_id"],
      unique: true,
      where: "ended_at IS NULL AND deleted_at IS NULL",
    },
    { on: ["affiliate_id", "created_at"], where: "deleted_at IS NULL" },
    { on: ["customer_email"], where: "ended_at IS NULL AND deleted_at IS NULL" },
    // The admin list: live connections newest (or oldest) first, and a deep
    // page's ids from the index alone (id breaks created_at ties).
    {
      on: ["created_at", "id"],
      where: "ended_at IS NULL AND deleted_at IS NULL",
    },
    // Counting live connections from a small index. The list's count query
    // keeps the LEFT JOIN to affiliate, which PostgreSQL removes but only
    // after it has ruled out index-only scans of indexes without affiliate_id.
    {
      name: "IDX_affiliate_connection_active_affiliate_id",
      on: ["affiliate_id"],
      where: "ended_at IS NULL AND deleted_at IS NULL",
    },
  ])

export default AffiliateConnection
