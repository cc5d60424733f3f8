export const defaultAdminAffiliateCommissionFields = [
  "id",
  "affiliate_id",
  "order_id",
  "customer_id",
  "currency_code",
  "base_amount",
  "rate",
  "amount",
  "attribution",
  "status",
  "reason",
  "available_at",
  "program_id",
  "lines",
  "tier",
  "flag",
  "metadata",
  "created_at",
  "updated_at",
  "affiliate.id",
  "affiliate.name",
  "affiliate.code",
  "order.id",
  "order.display_id",
  "customer.id",
  "customer.email",
  "customer.first_name",
  "customer.last_name",
  "adjustments.id",
  "adjustments.amount",
  "adjustments.reason",
  "adjustments.reference",
  "adjustments.created_at",
]

/** One commission also shows how it was made (program, lines, tier), its flag and its reassignment. */
export const detailAdminAffiliateCommissionFields = [
  ...defaultAdminAffiliateCommissionFields,
  "program_id",
  "lines",
  "tier",
  "flag",
  "reassigned_to_id",
  "reassigned_from_id",
  "reassigned_by",
]

export const retrieveAffiliateCommissionQueryConfig = {
  defaults: detailAdminAffiliateCommissionFields,
  isList: false,
}

export const listAffiliateCommissionsQueryConfig = {
  defaults: defaultAdminAffiliateCommissionFields,
  defaultLimit: 20,
  isList: true,
}
