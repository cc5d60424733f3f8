import {
  AFFILIATE_SUMMARY_FIELDS,
  CUSTOMER_SUMMARY_FIELDS,
  fieldsOf,
} from "../../utils/query-fields"

export const defaultAdminAffiliateConnectionFields = [
  "id",
  "affiliate_id",
  "customer_id",
  "source",
  "created_by",
  "ended_at",
  "ended_reason",
  "ended_by",
  "credited_orders",
  "metadata",
  "created_at",
  "updated_at",
  "affiliate.id",
  "affiliate.name",
  "affiliate.code",
  "affiliate.email",
  "customer.id",
  "customer.email",
  "customer.first_name",
  "customer.last_name",
  "customer.has_account",
]

/** What `fields` may ask for: a connection's own fields and its affiliate's and customer's, one level deep. */
export const allowedAdminAffiliateConnectionFields = [
  ...new Set([
    ...defaultAdminAffiliateConnectionFields,
    ...fieldsOf("affiliate", AFFILIATE_SUMMARY_FIELDS),
    ...fieldsOf("customer", CUSTOMER_SUMMARY_FIELDS),
  ]),
]

export const retrieveAffiliateConnectionQueryConfig = {
  defaults: defaultAdminAffiliateConnectionFields,
  allowed: allowedAdminAffiliateConnectionFields,
  isList: false,
}

export const listAffiliateConnectionsQueryConfig = {
  ...retrieveAffiliateConnectionQueryConfig,
  defaultLimit: 20,
  isList: true,
}
