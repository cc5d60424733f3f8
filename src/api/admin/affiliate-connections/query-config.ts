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

export const retrieveAffiliateConnectionQueryConfig = {
  defaults: defaultAdminAffiliateConnectionFields,
  isList: false,
}

export const listAffiliateConnectionsQueryConfig = {
  ...retrieveAffiliateConnectionQueryConfig,
  defaultLimit: 20,
  isList: true,
}
