import { CUSTOMER_SUMMARY_FIELDS, fieldsOf } from "../../utils/query-fields"

export const defaultAdminAffiliateFields = [
  "id",
  "name",
  "email",
  "code",
  "status",
  "commission_rate",
  "website",
  "metadata",
  "customer_id",
  "created_at",
  "updated_at",
  // Null for the default program's affiliates: `withPrograms` names it.
  "program.id",
  "program.name",
  "program.is_default",
]

const detailAdminAffiliateFields = [
  ...defaultAdminAffiliateFields,
  // The store customer account that account sync linked, for the detail page.
  "customer.id",
  "customer.email",
  "customer.first_name",
  "customer.last_name",
  "customer.has_account",
  // Where to pay them, for the payouts section (never in the list: it is personal).
  "payout_method",
  "payout_details",
  // Who set them last (an admin user's id, or `affiliate`) and when.
  "payout_method_updated_at",
  "payout_method_updated_by",
  // Whether they can log in, and their pending login invite (never its hash).
  "auth_identity_id",
  "login_invite_sent_at",
  "login_invite_expires_at",
]

/** What `fields` may ask for: an affiliate's own fields, its program's name and its customer account's, one level deep. */
const allowedAdminAffiliateFields = [
  ...new Set([
    ...detailAdminAffiliateFields,
    "program_id",
    ...fieldsOf("customer", CUSTOMER_SUMMARY_FIELDS),
  ]),
]

export const retrieveAffiliateQueryConfig = {
  defaults: detailAdminAffiliateFields,
  allowed: allowedAdminAffiliateFields,
  isList: false,
}

export const listAffiliatesQueryConfig = {
  defaults: defaultAdminAffiliateFields,
  // Payout details stay out of the list: they are personal.
  allowed: allowedAdminAffiliateFields.filter((field) => !field.startsWith("payout_")),
  defaultLimit: 20,
  isList: true,
}
