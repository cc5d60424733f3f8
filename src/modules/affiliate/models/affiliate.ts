import { model } from "@medusajs/framework/utils"
import AffiliateCommission from "./affiliate-commission"
import AffiliateConnection from "./affiliate-connection"
import AffiliatePayout from "./affiliate-payout"
import AffiliateProgram from "./affiliate-program"
import AffiliatePromotion from "./affiliate-promotion"
import { PAYOUT_METHODS } from "./payout-method"

export const AFFILIATE_STATUSES = ["pending", "approved", "blocked"] as const
export type AffiliateStatus = (typeof AFFILIATE_STATUSES)[number]

export { PAYOUT_METHODS, type PayoutMethod } from "./payout-method"

/**
 * A person promoting the store. `email` is stored lower-cased and `code`
 * upper-cased, so the unique indexes are case-insensitive in effect.
 */
const Affiliate = model
  .define("affiliate", {
    id: model.id({ prefix: "aff" }).primaryKey(),
    name: model.text().searchable(),
    email: model.text().searchable(),
    code: model.text().searchable(),
    status: model.enum([...AFFILIATE_STATUSES]).default("pending"),
    // Percentage (0–100); null means the store's default rate applies.
    commission_rate: model.bigNumber().nullable(),
    // Where they promote the store (an http or https address).
    website: model.text().nullable(),
    metadata: model.json().nullable(),
    // The store customer account of the affiliate, set by account sync.
    customer_id: model.text().nullable(),
    // The affiliate's own login: the auth identity they signed up with, or the
    // one account sync created for them. Sync attaches no other identity.
    auth_identity_id: model.text().nullable(),
    // When account sync sent the set-password invite for the login it made.
    account_invited_at: model.dateTime().nullable(),
    // The login invite of an affiliate without a login (see workflows/affiliate-login):
    // only a hash of its token, bound to the email it was sent to, so neither a
    // database reader nor a changed email can use it.
    login_invite_token_hash: model.text().nullable(),
    login_invite_expires_at: model.dateTime().nullable(),
    login_invite_sent_at: model.dateTime().nullable(),
    // How the affiliate wants to be paid, set by the affiliate or an admin: a
    // PayPal email ({ paypal_email }) or free text ({ instructions }).
    payout_method: model.enum([...PAYOUT_METHODS]).nullable(),
    payout_details: model.json().nullable(),
    // Who set them last (an admin user's id, or `affiliate`) and when.
    payout_method_updated_at: model.dateTime().nullable(),
    payout_method_updated_by: model.text().nullable(),
    // Null: the default program.
    program: model.belongsTo(() => AffiliateProgram, { mappedBy: "affiliates" }).nullable(),
    connections: model.hasMany(() => AffiliateConnection, {
      mappedBy: "affiliate",
    }),
    commissions: model.hasMany(() => AffiliateCommission, {
      mappedBy: "affiliate",
    }),
    promotions: model.hasMany(() => AffiliatePromotion, {
      mappedBy: "affiliate",
    }),
    payouts: model.hasMany(() => AffiliatePayout, {
      mappedBy: "affiliate",
    }),
  })
  .indexes([
    { on: ["email"], unique: true, where: "deleted_at IS NULL" },
    { on: ["code"], unique: true, where: "deleted_at IS NULL" },
    { on: ["status"], where: "deleted_at IS NULL" },
    { on: ["customer_id"], where: "deleted_at IS NULL AND customer_id IS NOT NULL" },
    { on: ["program_id"], where: "deleted_at IS NULL AND program_id IS NOT NULL" },
  ])

export default Affiliate
